/**
 * The desk's round trip at the file level: over the seven features and a seeded sample of the
 * generated archive, opening and saving without a change gives the same bytes, and every edit
 * an editor can make in the form changes exactly that field as Astro reads the file (its own
 * frontmatter parser), keeping the body, the other fields, their comments and unknown keys.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { loadSeedPool, syntheticFeature } from '../../../bench/lib/corpus.ts';
import { seeded, type Random } from '../../../tests/support/random.ts';
import { featureDeskFormat, SOURCE_KEY } from './feature-file.ts';

const root = join(import.meta.dirname, '../../..');
const featuresDir = join(root, 'content/features');
const real = readdirSync(featuresDir).map((slug) => ({
  slug,
  text: readFileSync(join(featuresDir, slug, 'index.mdx'), 'utf8'),
}));
const pool = loadSeedPool(root);
const sample = seeded(19);
const synthetic = Array.from({ length: 40 }, () => sample.int(1, 5000)).map((index) => {
  const feature = syntheticFeature(pool, index, { photoPath: (_, k) => `./photo-${k + 1}.jpg` });
  return { slug: feature.slug, text: feature.mdx };
});
const files = [...real, ...synthetic];
const format = featureDeskFormat();

const astroData = (text: string) => parseFrontmatter(text, { frontmatter: 'preserve' }).frontmatter;
const astroBody = (text: string) => parseFrontmatter(text, { frontmatter: 'remove' }).content.replace(/^\n+/, '');

type Data = Record<string, unknown>;
interface Edit {
  name: string;
  apply: (data: Data) => void;
}

/** Edits an editor makes in the form, with values drawn from the other features. */
function drawEdit(random: Random): Edit {
  const other = astroData(random.pick(files).text) as Data;
  const date = random.pick(['2019', '2020-03', '2021-11-05']);
  const edits: Edit[] = [
    { name: 'title', apply: (d) => (d['title'] = other['title']) },
    { name: 'summary', apply: (d) => (d['summary'] = other['summary']) },
    { name: 'kicker cleared', apply: (d) => (d['kicker'] = '') },
    { name: 'kicker set', apply: (d) => (d['kicker'] = String(other['title']).slice(0, 12)) },
    { name: 'date', apply: (d) => (d['date'] = date) },
    { name: 'dateInferred on', apply: (d) => ((d['dateInferred'] = true), (d['dateNote'] = '据正文推断。')) },
    { name: 'tags', apply: (d) => (d['tags'] = other['tags']) },
    {
      name: 'bylines',
      apply: (d) =>
        (d['bylines'] = [...((other['bylines'] as unknown[] | undefined) ?? []), { name: '李雪婷', role: '摄影' }]),
    },
    { name: 'cover.alt', apply: (d) => ((d['cover'] as Data)['alt'] = `${String((d['cover'] as Data)['alt'])}（改）`) },
    { name: 'cover.placeholder off', apply: (d) => ((d['cover'] as Data)['placeholder'] = false) },
    { name: 'source set', apply: (d) => (d['source'] = { newspaper: '郑州日报', page: '第05版' }) },
    { name: 'draft', apply: (d) => (d['draft'] = !(d['draft'] === true)) },
  ];
  return random.pick(edits);
}

/** What Astro should read after the edit: the old data with the edit applied and its empty values dropped. */
function expected(before: Data, edit: Edit): Data {
  const data = structuredClone(before);
  edit.apply(data);
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object' && !(value instanceof Date))
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== '' && v !== undefined)
          .map(([k, v]) => [k, clean(v)]),
      );
    return value;
  };
  return clean(data) as Data;
}

describe('the desk writes back what it read', () => {
  it.each(files.map((f) => [f.slug, f.text] as const))('%s: opened and saved unchanged, the same bytes', (_, text) => {
    expect(format.toFile(format.fromFile(text))).toBe(text);
  });

  it('keeps comments and keys the form does not know, and edits only what changed', () => {
    const text = real[0]!.text.replace('---\n', '---\n# 待核对：标题照版面核对\nunknownKey: 保留\n');
    const data = format.fromFile(text);
    data['title'] = '新标题';
    const written = format.toFile(data);
    expect(written).toContain('# 待核对：标题照版面核对\n');
    expect(astroData(written)).toMatchObject({ unknownKey: '保留', title: '新标题' });
    const changedLines = written.split('\n').filter((line, i) => line !== text.split('\n')[i]);
    expect(changedLines).toEqual(['title: 新标题']);
  });

  const random = seeded(1919);
  const cases = Array.from({ length: 120 }, () => ({ file: random.pick(files), edit: drawEdit(random) }));
  it.each(cases.map((c) => [c.file.slug, c.edit.name, c] as const))(
    '%s, %s: Astro reads exactly the edit',
    (_, __, c) => {
      const data = format.fromFile(c.file.text);
      const before = astroData(c.file.text) as Data;
      c.edit.apply(data);
      const written = format.toFile(data);
      expect(astroData(written)).toEqual(expected(before, c.edit));
      expect(astroBody(written)).toBe(astroBody(c.file.text));
      // Saved again unchanged: the same bytes.
      expect(format.toFile(format.fromFile(written))).toBe(written);
    },
  );

  it('writes a new feature in the contract order, with the body after a blank line', () => {
    const written = format.toFile({
      slug: 'xinzeng',
      title: '新稿件',
      date: '2020',
      draft: true,
      tags: ['dangjian'],
      // Decap writes a chosen photo's bare name; the contract wants it beside index.mdx, ./photo-1.jpg.
      cover: { src: 'photo-1.jpg', alt: '说明', caption: '' },
      body: '正文第一段。',
      [SOURCE_KEY]: undefined,
    });
    expect(written).toBe(
      '---\ntitle: 新稿件\ndate: "2020"\ncover:\n  src: ./photo-1.jpg\n  alt: 说明\ntags:\n  - dangjian\ndraft: true\n---\n\n正文第一段。\n',
    );
  });
});
