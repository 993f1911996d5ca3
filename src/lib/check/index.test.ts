import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readFeatureText } from '../features/feature.ts';
import { readFeatures } from '../features/source.ts';
import { fitPhotos } from './fit-photos.ts';
import { fixPunctuation } from './fix.ts';
import { checkContent } from './index.ts';
import { buildThenSwap } from '../../../scripts/build.ts';

const root = new URL('../../../', import.meta.url).pathname;
const realPhoto = join(root, 'content/features/jiulong/photo-1.jpg');

const frontmatter = (title: string, extra = '') => `---
title: "${title}"
summary: "九龙办事处以党建为引领，创新实践精细化管理城市，努力打造老家社区品牌，带领辖区居民共建和谐家园。"
office: "九龙办事处"
officeType: "办事处"
district: "jingkai"
city: "郑州市"
date: "2019"
cover:
  src: "./photo-1.jpg"
  alt: "锦龙花园小区正门"
${extra}draft: false
---
`;

/** A content/ folder with the real districts and topics and these features; returns content/features. */
function site(features: Record<string, string>): string {
  const content = join(mkdtempSync(join(tmpdir(), 'zhuanban-check-')), 'content');
  const dir = join(content, 'features');
  mkdirSync(dir, { recursive: true });
  for (const list of ['districts.yaml', 'topics.yaml']) copyFileSync(join(root, 'content', list), join(content, list));
  for (const [slug, mdx] of Object.entries(features)) {
    mkdirSync(join(dir, slug));
    writeFileSync(join(dir, slug, 'index.mdx'), mdx);
    copyFileSync(realPhoto, join(dir, slug, 'photo-1.jpg'));
  }
  return dir;
}

const run = async (dir: string) =>
  (await checkContent(dir, dir)).map((d) => `${d.file}:${d.line} ${d.severity} [${d.code}]`);

describe('npm run check', () => {
  it('finds no errors in the real content', async () => {
    const diagnostics = await checkContent(join(root, 'content/features'), root);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports missing photos, Figures without alt or caption, each at its line', async () => {
    const dir = site({
      a: `${frontmatter('标题甲')}\n正文第一段。\n\n<Figure src="./photo-9.jpg" alt="照片" caption="图注" />\n\n<Figure src="./photo-1.jpg" />\n`,
    });
    expect(await run(dir)).toMatchInlineSnapshot(`
      [
        "a/index.mdx:17 error [photo-missing]",
        "a/index.mdx:19 error [figure-alt]",
        "a/index.mdx:19 warning [figure-caption]",
      ]
    `);
  });

  it('reports duplicate titles, bad slugs, and a day the text does not support', async () => {
    const dir = site({
      a: `${frontmatter('同一个标题')}\n正文。\n`,
      b: `${frontmatter('同一个标题')}\n正文。\n`,
      Bad_Slug: `${frontmatter('另一个标题', 'dateNote: "x"\n').replace('date: "2019"', 'date: "2019-07-01"')}\n6月30日，正文。\n`,
      ok: `${frontmatter('有日期的标题').replace('date: "2019"', 'date: "2019-07-01"')}\n7月1日，正文。\n`,
    });
    expect(await run(dir)).toMatchInlineSnapshot(`
      [
        "b/index.mdx:2 error [title-duplicate]",
        "Bad_Slug/index.mdx:1 error [slug]",
        "Bad_Slug/index.mdx:8 error [date-day]",
      ]
    `);
  });

  it('fails photos too small for a phone or too large to commit, and warns about ones soft on a wide screen', async () => {
    const dir = site({
      a: `${frontmatter('标题乙')}\n正文。\n\n<Figure src="./small.jpg" alt="小图" caption="图注" />\n\n<Figure src="./huge.jpg" alt="大图" caption="图注" />\n\n<Figure src="./portrait.jpg" alt="竖图" caption="图注" />\n`,
    });
    await sharp({
      create: { width: 640, height: 427, channels: 3, background: '#888' },
    })
      .jpeg()
      .toFile(join(dir, 'a', 'small.jpg'));
    writeFileSync(join(dir, 'a', 'huge.jpg'), Buffer.alloc(21 * 1024 * 1024));
    // Stored 1500 wide, shown 1000 wide: EXIF says rotate 90°. Sharp on a phone, soft on a laptop.
    await sharp({ create: { width: 1500, height: 1000, channels: 3, background: '#888' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toFile(join(dir, 'a', 'portrait.jpg'));
    expect(await run(dir)).toMatchInlineSnapshot(`
      [
        "a/index.mdx:17 error [photo-too-small]",
        "a/index.mdx:19 error [photo-too-large]",
        "a/index.mdx:21 warning [photo-small]",
      ]
    `);
  });

  it('warns about camera originals longer than the site needs, and --fix shrinks them upright in place', async () => {
    const dir = site({
      a: `${frontmatter('标题丁')}\n正文。\n\n<Figure src="./camera.jpg" alt="相机原图" caption="图注" />\n\n<Figure src="./camera.jpg" alt="同一张" caption="再用一次" />\n`,
    });
    // A portrait photo as a phone stores it: 3200×2400 pixels plus EXIF "rotate 90°".
    await sharp({ create: { width: 3200, height: 2400, channels: 3, background: '#6a8' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toFile(join(dir, 'a', 'camera.jpg'));
    const before = await checkContent(dir, dir);
    expect(before.map((d) => `${d.file}:${d.line} ${d.severity} [${d.code}] ${d.zh} / ${d.en}`)).toMatchInlineSnapshot(`
      [
        "a/index.mdx:17 warning [photo-oversized] ./camera.jpg 长边 3200 像素，网站最多用到 2400 像素；原图越大，构建越占内存。运行 npm run check -- --fix 自动缩小 / ./camera.jpg is 3200 px on its long side; the site needs at most 2400 px and large originals cost build memory; \`npm run check -- --fix\` shrinks it",
      ]
    `);

    const [feature] = readFeatures(dir, dir);
    if (!feature) throw new Error('no feature read');
    const fitted = await fitPhotos(feature, join(dir, 'a'));
    // Once per file, though two Figures use it; the 2000×1333 cover is left as it is.
    expect(
      fitted.map(({ src, before: b, after: a }) => `${src} ${b.width}×${b.height} → ${a.width}×${a.height}`),
    ).toEqual(['./camera.jpg 2400×3200 → 1800×2400']);
    const after = await sharp(join(dir, 'a', 'camera.jpg')).metadata();
    expect([after.format, after.width, after.height, after.orientation]).toEqual(['jpeg', 1800, 2400, undefined]);
    expect(await run(dir)).toEqual([]);
    expect(await fitPhotos(feature, join(dir, 'a'))).toEqual([]);
  });

  it('--fix turns half-width punctuation full-width in text and leaves code, numbers and URLs alone', () => {
    const source = `${frontmatter('标题:副标题')}\n九州路办事处辖区面积16.2平方公里,总人口16.2万人。详见 https://example.cn/a,b 。\n\n<Figure src="./photo-1.jpg" alt="照片" caption="图注" />\n`;
    const feature = readFeatureText({ file: 'a/index.mdx', slug: 'a', contents: source });
    const { source: fixed, fixed: count } = fixPunctuation(feature);
    expect(count).toBe(2);
    expect(fixed).toContain('title: "标题：副标题"');
    expect(fixed).toContain('16.2平方公里，总人口16.2万人。详见 https://example.cn/a,b 。');
  });
});

describe('build then swap', () => {
  it('leaves the previous site untouched when the build fails, and replaces it when it succeeds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhuanban-swap-'));
    const dist = join(dir, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), 'old site');
    const failed = await buildThenSwap(dist, (staging) => {
      mkdirSync(staging);
      writeFileSync(join(staging, 'index.html'), 'half a site');
      return 1;
    });
    expect(failed).toBe(1);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('old site');
    const ok = await buildThenSwap(dist, (staging) => {
      mkdirSync(staging);
      writeFileSync(join(staging, 'index.html'), 'new site');
      return 0;
    });
    expect(ok).toBe(0);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('new site');
    expect(existsSync(join(dir, `.dist.building-${process.pid}`))).toBe(false);
  });
});

it('readFeatures ignores the importer’s staging folders', () => {
  const dir = site({ a: `${frontmatter('标题丙')}\n正文。\n` });
  mkdirSync(join(dir, '.import-x', 'b'), { recursive: true });
  expect(readFeatures(dir, dir).map((f) => f.slug)).toEqual(['a']);
});

describe('the check cache (a build re-checks only features whose folder changed)', () => {
  const codes = (diagnostics: { file: string; line: number; code: string }[]) =>
    diagnostics.map((d) => `${d.file}:${d.line} [${d.code}]`);

  it('reuses a feature’s results while its folder is unchanged, and re-checks it once a file changes', async () => {
    const dir = site({
      a: `${frontmatter('标题甲')}\n正文。\n\n<Figure src="./small.jpg" alt="小图" caption="图注" />\n`,
      b: `${frontmatter('标题乙')}\n正文。\n`,
    });
    await sharp({ create: { width: 640, height: 427, channels: 3, background: '#888' } })
      .jpeg()
      .toFile(join(dir, 'a', 'small.jpg'));
    const cacheFile = join(dir, '.cache', 'check.json');
    const first = await checkContent(dir, dir, { cacheFile });
    expect(codes(first)).toEqual(['a/index.mdx:17 [photo-too-small]']);

    // Proof that the second run reads the cache rather than the files: a result planted in it comes back.
    const saved = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
      features: Record<string, { checked: { diagnostics: { code: string }[] } }>;
    };
    const entry = saved.features[join(dir, 'a')];
    if (entry) entry.checked.diagnostics[0]!.code = 'planted';
    writeFileSync(cacheFile, JSON.stringify(saved));
    expect(codes(await checkContent(dir, dir, { cacheFile }))).toEqual(['a/index.mdx:17 [planted]']);
    // A fresh clone in CI: same files, new modification times. Still reused.
    const later = new Date(Date.now() + 3_600_000);
    for (const name of ['index.mdx', 'small.jpg', 'photo-1.jpg']) utimesSync(join(dir, 'a', name), later, later);
    expect(codes(await checkContent(dir, dir, { cacheFile }))).toEqual(['a/index.mdx:17 [planted]']);

    // The editor replaces the photo with a big enough one: a's folder changed, so it is checked again.
    copyFileSync(realPhoto, join(dir, 'a', 'small.jpg'));
    expect(codes(await checkContent(dir, dir, { cacheFile }))).toEqual([]);
  });

  it('re-checks a photo damaged past its first bytes, the size unchanged: a cached result never stands for another content', async () => {
    const dir = site({ a: `${frontmatter('标题甲')}\n正文。\n` });
    const cacheFile = join(dir, '.cache', 'check.json');
    expect(await checkContent(dir, dir, { cacheFile })).toEqual([]);
    const photo = readFileSync(join(dir, 'a', 'photo-1.jpg'));
    // Zeroed well past the header (the first 64 KB, where an earlier cache looked), the size kept.
    photo.fill(0, 200_000, 204_096);
    writeFileSync(join(dir, 'a', 'photo-1.jpg'), photo);
    const later = new Date(Date.now() + 3_600_000);
    utimesSync(join(dir, 'a', 'photo-1.jpg'), later, later);
    expect(codes(await checkContent(dir, dir, { cacheFile }))).toEqual(['a/index.mdx:10 [photo-damaged]']);
  });

  it('still compares titles across features when both come from the cache', async () => {
    const dir = site({ a: `${frontmatter('标题甲')}\n正文。\n`, b: `${frontmatter('标题乙')}\n正文。\n` });
    const cacheFile = join(dir, '.cache', 'check.json');
    expect(await checkContent(dir, dir, { cacheFile })).toEqual([]);
    // A third feature with a's title: a and b are reused, yet the clash is found.
    mkdirSync(join(dir, 'c'));
    writeFileSync(join(dir, 'c', 'index.mdx'), `${frontmatter('标题甲')}\n正文。\n`);
    copyFileSync(realPhoto, join(dir, 'c', 'photo-1.jpg'));
    expect(codes(await checkContent(dir, dir, { cacheFile }))).toEqual(['c/index.mdx:2 [title-duplicate]']);
  });

  it('ignores a cache it cannot read', async () => {
    const dir = site({
      a: `${frontmatter('标题甲')}\n正文。\n\n<Figure src="./photo-9.jpg" alt="照片" caption="图注" />\n`,
    });
    const cacheFile = join(dir, 'check.json');
    writeFileSync(cacheFile, '{ not json');
    expect(codes(await checkContent(dir, dir, { cacheFile }))).toEqual(['a/index.mdx:17 [photo-missing]']);
  });
});
