/**
 * The features loader over copies of seed features: what it stores, that an unchanged feature
 * is never compiled again, that an edited MDX file or a replaced photo is, and what an editor
 * is told about a missing photo. The Astro loader context is a small stand-in with the same
 * data store semantics (get/set/delete/keys and digests).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { afterEach, describe, expect, it } from 'vitest';
import { loaderContext } from '../../../tests/support/loader-context.ts';
import { hashFile } from '../photos/photo-cache.ts';
import { readingTime } from '../reading-time.ts';
import { featureContentOf } from './content.ts';
import { featuresLoader, PIPELINE_FILES, RULES_DIR, RULES_FILES } from './loader.ts';

const repo = join(import.meta.dirname, '..', '..', '..');
const SEEDS = join(repo, 'content', 'features');

let root = '';
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A project holding copies of `slugs`, and a persistent stand-in for Astro's data store. */
function project(...slugs: string[]) {
  root = mkdtempSync(join(tmpdir(), 'zhuanban-loader-'));
  for (const slug of slugs) cpSync(join(SEEDS, slug), join(root, 'content/features', slug), { recursive: true });
  // The district and topic lists the features name: the loader checks them as the check does.
  for (const list of ['districts.yaml', 'topics.yaml'])
    copyFileSync(join(repo, 'content', list), join(root, 'content', list));
  const written: string[] = [];
  const { context, entries } = loaderContext(root, { onSet: (id) => written.push(id) });
  const load = async () => {
    written.length = 0;
    await featuresLoader({ base: 'content/features' }).load(context);
    return [...written].sort();
  };
  return { entries, load, file: (...path: string[]) => join(root, 'content/features', ...path) };
}

describe('featuresLoader', () => {
  it('stores each feature’s frontmatter, compiled body, photos and reading time', async () => {
    const { entries, load } = project('gouzhao', 'jiulong');
    expect(await load()).toEqual(['gouzhao', 'jiulong']);
    const gouzhao = entries.get('gouzhao')!;
    const content = featureContentOf(gouzhao.rendered?.metadata)!;
    const source = readFileSync(join(SEEDS, 'gouzhao', 'index.mdx'), 'utf8');
    expect(gouzhao.data['title']).toBe(parseFrontmatter(source).frontmatter['title']);
    expect(Object.keys(content.photos).sort()).toEqual([
      './photo-1.jpg',
      './photo-2.jpg',
      './photo-3.jpg',
      './photo-4.jpg',
      './photo-5.jpg',
      './photo-6.jpg',
    ]);
    expect(content.photos['./photo-4.jpg']).toMatchObject({
      hash: hashFile(join(SEEDS, 'gouzhao', 'photo-4.jpg')),
      width: 2000,
      height: 1333,
    });
    expect(content.readingTime).toEqual(readingTime(parseFrontmatter(source).content.trim()));
    expect(content.body.some((node) => typeof node === 'object' && node.component === 'Gallery')).toBe(true);
  });

  it('compiles nothing again when nothing changed', async () => {
    const { load } = project('gouzhao', 'jiulong');
    await load();
    expect(await load()).toEqual([]);
  });

  it('compiles again only the feature whose MDX was edited, or whose photo was replaced', async () => {
    const { entries, load, file } = project('gouzhao', 'jiulong');
    await load();
    writeFileSync(file('gouzhao', 'index.mdx'), `${readFileSync(file('gouzhao', 'index.mdx'), 'utf8')}\n编辑补记。\n`);
    expect(await load()).toEqual(['gouzhao']);
    const before = featureContentOf(entries.get('jiulong')?.rendered?.metadata)!.photos['./photo-1.jpg']!.hash;
    copyFileSync(join(SEEDS, 'erqi', 'photo-1.jpg'), file('jiulong', 'photo-1.jpg'));
    utimesSync(file('jiulong', 'photo-1.jpg'), new Date(), new Date(Date.now() + 10_000));
    expect(await load()).toEqual(['jiulong']);
    const after = featureContentOf(entries.get('jiulong')?.rendered?.metadata)!.photos['./photo-1.jpg']!.hash;
    expect(after).not.toBe(before);
    expect(after).toBe(hashFile(join(SEEDS, 'erqi', 'photo-1.jpg')));
  });

  it('forgets a feature whose folder was removed', async () => {
    const { entries, load, file } = project('gouzhao', 'jiulong');
    await load();
    rmSync(file('jiulong'), { recursive: true });
    await load();
    expect([...entries.keys()]).toEqual(['gouzhao']);
  });

  it('names the file and line of a Figure whose photo is not beside index.mdx', async () => {
    const { load, file } = project('jiulong');
    const source = readFileSync(file('jiulong', 'index.mdx'), 'utf8');
    writeFileSync(file('jiulong', 'index.mdx'), `${source}\n<Figure src="./missing.jpg" alt="不存在的照片" />\n`);
    const line = `${source}\n`.split('\n').length;
    await expect(load()).rejects.toThrow(
      `content/features/jiulong/index.mdx:${line}: 错误 error [photo-missing] 找不到照片 ./missing.jpg`,
    );
  });
});

describe('PIPELINE_FILES and the rules', () => {
  it('list every file of ours the compiled entries depend on, so changing one recompiles (or re-checks) every feature', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(join(repo, file), 'utf8');
      for (const [, specifier] of source.matchAll(/^import (?!type )[^;]*?from '(\.[^']+)';/gms)) {
        visit(join(file, '..', specifier!).split('\\').join('/'));
      }
    };
    visit('src/lib/features/loader.ts');
    const covered = (file: string) =>
      (PIPELINE_FILES as readonly string[]).includes(file) ||
      file.startsWith(`${RULES_DIR}/`) ||
      (RULES_FILES as readonly string[]).includes(file);
    expect([...seen].filter((file) => !covered(file))).toEqual([]);
  });
});
