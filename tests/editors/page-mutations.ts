/**
 * Mistakes (and their harmless neighbours) that show on the published page rather than in the
 * file: pictures written as Markdown or <img>, links to the site's pages and anchors that
 * exist and that do not, headings of every level, every component inside every other, inside
 * a paragraph or a list, empty components, and photos cut short or damaged. Each is declared a
 * mistake or legitimate by the guide's rules (docs/编辑指南.md, 五、八), on a real feature drawn
 * at random (seeded); the ids the links use are the real content's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPONENTS, type ComponentName } from '../../src/lib/content/components.ts';
import { bare, photosInUse, pick, random, type FeatureFixture, type Mutation } from './mutations.ts';
import { valueText } from './yaml-edit.ts';

const FEATURES = join(import.meta.dirname, '../../content/features');

/** Each component as an editor writes it, whole and valid, using the photo every feature has. */
const WRITTEN: Record<ComponentName, string> = {
  Figure: '<Figure src="./photo-1.jpg" alt="办事处门前的街景" caption="办事处门前" />',
  Gallery: '<Gallery>\n  <Figure src="./photo-1.jpg" alt="办事处门前的街景" caption="办事处门前" />\n</Gallery>',
  EditorNote: '<EditorNote>\n\n编者按：本版稿件由办事处提供。\n\n</EditorNote>',
  InfoBox: '<InfoBox title="办事处概况">\n\n- 辖区面积16平方公里。\n\n</InfoBox>',
  PullQuote: '<PullQuote cite="居民 李献亭">现在焕然一新，亲戚朋友来了都夸。</PullQuote>',
};

/** `outer` holding `inner`, with `outer`'s own props. */
function nested(outer: ComponentName, inner: string): string {
  if (outer === 'Figure')
    return `<Figure src="./photo-1.jpg" alt="办事处门前的街景" caption="办事处门前">\n\n${inner}\n\n</Figure>`;
  const open = WRITTEN[outer].slice(0, WRITTEN[outer].indexOf('>') + 1);
  return `${open}\n\n${inner}\n\n</${outer}>`;
}

/** The ids that have pages in the real content: districts and topics some feature names. */
function ids(features: readonly FeatureFixture[]) {
  const districts = features.map((f) => bare(valueText(f.source, ['district']) ?? ''));
  const topics = features.flatMap((f) =>
    (valueText(f.source, ['tags']) ?? '')
      .replace(/[[\]]/g, '')
      .split(',')
      .map((t) => t.trim()),
  );
  return { district: districts[0] ?? '', topic: topics[0] ?? '' };
}

export function pageMutations(features: readonly FeatureFixture[], seed = 1818): Mutation[] {
  const next = random(seed);
  const out: Mutation[] = [];
  const withSections = features.filter((f) => /^## /m.test(f.source));
  /**
   * `block` written into a feature as a paragraph of its own: before its first ## heading
   * (`where: 'top'`, right under the title) or after that heading's line (`where: 'section'`).
   */
  const add = (
    kind: string,
    what: string,
    block: string,
    declared: 'mistake' | 'legit',
    { where = 'top', feature = pick(next, withSections) }: { where?: 'top' | 'section'; feature?: FeatureFixture } = {},
  ) => {
    const heading = feature.source.search(/^## /m);
    const at = where === 'top' ? heading : feature.source.indexOf('\n', heading) + 1;
    const insert = where === 'top' ? `${block}\n\n` : `\n${block}\n`;
    const source = feature.source.slice(0, at) + insert + feature.source.slice(at);
    const first = source.slice(0, at).split('\n').length + (where === 'top' ? 0 : 1);
    const lines = Array.from({ length: block.split('\n').length }, (_, i) => first + i);
    out.push({ id: `${feature.slug} · ${what}`, kind, slug: feature.slug, source, lines, declared });
  };

  // Pictures: a photo is a <Figure>, never Markdown or <img> (第五节).
  add('picture syntax', 'a Markdown image of a photo beside it', '![社区活动](./photo-1.jpg)', 'mistake');
  add('picture syntax', 'a Markdown image inside a paragraph', '社区里![活动](./photo-1.jpg)很热闹。', 'mistake');
  add('picture syntax', 'a Markdown image from another site', '![街景](https://example.com/street.jpg)', 'mistake');
  add('picture syntax', 'a Markdown image by reference', '![社区活动][p]\n\n[p]: ./photo-1.jpg', 'mistake');
  add('picture syntax', 'an <img> of a photo beside it', '<img src="./photo-1.jpg" alt="社区活动" />', 'mistake');

  // Links to the site's own pages and to this page's sections.
  const { district, topic } = ids(features);
  const target = pick(next, withSections);
  const others = withSections.filter((f) => f.slug !== target.slug);
  const link = (what: string, href: string, declared: 'mistake' | 'legit') => {
    add('site link', `${what}: ${href}`, `详见[这里](${href})。`, declared, { feature: pick(next, others) });
  };
  link('a published feature', `/features/${target.slug}/`, 'legit');
  link('a published feature, relative', `../${target.slug}/`, 'legit');
  link('a section of a published feature', `/features/${target.slug}/#section-1`, 'legit');
  link('the home page', '/', 'legit');
  link('the archive', '/archive/', 'legit');
  link('a district with features', `/districts/${district}/`, 'legit');
  link('a district’s feed', `/districts/${district}/rss.xml`, 'legit');
  link('a topic with features', `/topics/${topic}/`, 'legit');
  link('search', '/search/', 'legit');
  link('about', '/about/', 'legit');
  link('the feed', '/rss.xml', 'legit');
  link('another site', 'https://www.zynews.cn/', 'legit');
  link('a feature that does not exist', `/features/${target.slug}x/`, 'mistake');
  link('a feature without its final /', `/features/${target.slug}`, 'mistake');
  link('a section that does not exist', `/features/${target.slug}/#section-99`, 'mistake');
  link('an archive page that does not exist', '/archive/9/', 'mistake');
  link('a district that does not exist', '/districts/nowhere/', 'mistake');
  link('a topic that does not exist', '/topics/nowhere/', 'mistake');
  link('the site’s path written in', `/zhuanban/features/${target.slug}/`, 'mistake');
  link('a photo as a page', './photo-1.jpg', 'mistake');
  add('site link', 'an anchor to the first section', '见[第一节](#section-1)。', 'legit');
  add('site link', 'an anchor to no section', '见[第九十九节](#section-99)。', 'mistake');
  add('site link', 'an anchor written as the heading', '见[本节](#党建)。', 'mistake');

  // Headings: the body's start at ## and go down one level at a time.
  for (let depth = 1; depth <= 6; depth++) {
    const heading = `${'#'.repeat(depth)} 新加的标题`;
    add('heading', `${'#'.repeat(depth)} under the title`, heading, depth === 2 ? 'legit' : 'mistake');
    add(
      'heading',
      `${'#'.repeat(depth)} under a ## section`,
      heading,
      depth === 2 || depth === 3 ? 'legit' : 'mistake',
      {
        where: 'section',
      },
    );
  }

  // Every component inside every other: only a Figure in a Gallery is a page.
  for (const outer of COMPONENTS) {
    for (const inner of COMPONENTS) {
      const legit = inner.parents.includes(outer.name);
      add(
        'component in component',
        `<${inner.name}> in <${outer.name}>`,
        nested(outer.name, WRITTEN[inner.name]),
        legit ? 'legit' : 'mistake',
      );
    }
    add('component in component', `<${outer.name}> on its own`, WRITTEN[outer.name], 'legit');
  }
  add('component in text', '<Figure> inside a paragraph', `社区居民${WRITTEN.Figure}正在排队。`, 'mistake');
  add('component in text', '<PullQuote> inside a paragraph', `居民说${WRITTEN.PullQuote}大家都笑了。`, 'mistake');
  add('component in text', '<Figure> in a list item', `- ${WRITTEN.Figure}`, 'mistake');
  add(
    'component in text',
    '<InfoBox> in a quotation',
    `> ${WRITTEN.InfoBox.split('\n')[0]}\n>\n> - 资料\n>\n> </InfoBox>`,
    'mistake',
  );
  add(
    'component in text',
    'a heading inside <InfoBox>',
    '<InfoBox title="概况">\n\n## 小标题\n\n- 资料。\n\n</InfoBox>',
    'mistake',
  );
  add('component in text', 'a list inside <PullQuote>', '<PullQuote>\n\n- 一句话。\n\n</PullQuote>', 'mistake');
  add(
    'component in text',
    'text inside <Figure>',
    `<Figure src="./photo-1.jpg" alt="街景" caption="门前">说明文字。</Figure>`,
    'mistake',
  );
  add(
    'component in text',
    'text inside <Gallery>',
    '<Gallery>\n\n一组照片：\n\n<Figure src="./photo-1.jpg" alt="街景" caption="门前" />\n\n</Gallery>',
    'mistake',
  );
  add(
    'component in text',
    'a table inside <InfoBox>',
    '<InfoBox title="数据">\n\n| 年份 | 人口 |\n| --- | --- |\n| 2019 | 16万 |\n\n</InfoBox>',
    'legit',
  );

  // Empty components: a box with nothing in it.
  for (const empty of [
    '<Gallery></Gallery>',
    '<Gallery>\n</Gallery>',
    '<Gallery />',
    '<EditorNote></EditorNote>',
    '<EditorNote>{/* 待补 */}</EditorNote>',
    '<InfoBox title="概况"></InfoBox>',
    '<InfoBox title="概况" />',
    '<PullQuote cite="某"></PullQuote>',
    '<PullQuote />',
  ])
    add('empty component', empty.replace(/\n/g, '⏎'), empty, 'mistake');

  // Photo files damaged the ways transfers damage them; the cover and a Figure's.
  for (const feature of features) {
    for (const { name, line } of photosInUse(feature)) {
      const bytes = readFileSync(join(FEATURES, feature.slug, name));
      const corrupt = Buffer.from(bytes);
      corrupt.fill(0, Math.floor(bytes.length / 3), Math.floor(bytes.length / 3) + 4096);
      // Judged by the contract from the files themselves (contract.ts: photoKeeps).
      const file = (what: string, damaged: Uint8Array) => {
        out.push({
          id: `${feature.slug} · ${name} ${what}`,
          kind: 'damaged photo',
          slug: feature.slug,
          source: feature.source,
          lines: [line],
          files: { [name]: damaged },
        });
      };
      file('cut to its first 2 KB', bytes.subarray(0, 2048));
      file('cut to half', bytes.subarray(0, Math.floor(bytes.length / 2)));
      file('with 4 KB zeroed in the middle', corrupt);
      file('with bytes after its end', Buffer.concat([bytes, Buffer.from('\n上传工具附加的文字\n')]));
    }
  }
  return out;
}
