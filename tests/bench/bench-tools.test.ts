/**
 * The benchmark's own arithmetic: if phases, srcset picking or SSIM were wrong, every figure
 * in bench/README.md would be too. Log lines are cut from a real `astro build` of a corpus.
 */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { EDIT_SENTENCE, editedFeature } from '../../bench/build.ts';
import { distinctCopy } from '../../bench/generate.ts';
import { checkBudgets } from '../../bench/lib/budgets.ts';
import { syntheticFeature, type SeedPool } from '../../bench/lib/corpus.ts';
import { encodedImages, splitPhases, type StampedLine } from '../../bench/lib/phases.ts';
import { evaluateSizes, parseSrcset, pickCandidate } from '../../bench/lib/responsive.ts';
import { luma, ssim } from '../../bench/lib/ssim.ts';
import { kindOf } from '../../bench/search.ts';

const LOG: [number, number, string][] = [
  [0, 0, '11:52:42 [vite] Re-optimizing dependencies because vite config has changed'],
  [2000, 2500, '11:52:43 [content] Syncing content'],
  [2100, 2600, '11:52:43 [content] Synced content'],
  [2300, 2800, '11:52:43 [build] Collecting build info...'],
  [2400, 2900, '11:52:43 [build] ✓ Completed in 1.35s.'],
  [2500, 3000, '11:52:43 [build] Building static entrypoints...'],
  [9000, 12000, '11:52:45 [vite] ✓ built in 788ms'],
  [9500, 12500, ' generating static routes '],
  [15000, 18000, ' generating optimized images '],
  [15100, 18100, '11:51:02   ▶ /_astro/pool-000.xfRLchg3_FwtCb.webp (before: 2169kB, after: 25kB) (+56ms) (55/107)'],
  [16000, 19800, '11:51:02   ▶ /_astro/pool-002.CQUEZHPG_Z1NT5cF.avif (before: 2156kB, after: 12kB) (+1.08s) (57/107)'],
  [16100, 19900, '11:51:02   ▶ /_astro/pool-001.CbBEHq9J_Z1Vw07O.avif (reused cache entry) (58/107)'],
  [17000, 20000, '11:51:15 [build] ✓ Completed in 32.14s.'],
  [17050, 20050, '11:51:15 [zhuanban:photos] 发布照片 / publishing photos'],
  [
    17150,
    20150,
    '11:51:15 [zhuanban:photos] 照片 30 张副本（新编码 3，其余取自缓存），清理旧缓存 0 / published 30 photo copies (3 encoded in 900 ms, 27 from cache; 0 stale removed) in 100 ms',
  ],
  [17200, 20200, '11:51:15 [@astrojs/sitemap] `sitemap-index.xml` created at `dist`'],
  [19000, 22000, '11:51:15 [zhuanban:pagefind] indexed 7 pages into pagefind/ (7) in 315 ms'],
];
const lines: StampedLine[] = LOG.map(([at, cpu, text]) => ({ at, cpu, text }));

describe('splitPhases', () => {
  it('spans each phase from its marker to the next, ignoring the early "Completed in"', () => {
    const phases = splitPhases(lines, { at: 20000, cpu: 23000, text: '' }, [
      [1000, 400e6],
      [12000, 900e6],
      [18000, 1200e6],
    ]);
    expect(phases.map((p) => [p.name, p.wallMs, p.cpuMs])).toEqual([
      ['startup', 2000, 2500],
      ['content sync', 100, 100],
      ['types + build info', 400, 400],
      ['bundle', 7000, 9500],
      ['page render', 5500, 5500],
      ['image encoding', 2050, 2050],
      ['photos', 100, 100],
      ['sitemap', 50, 50],
      ['pagefind', 1800, 1800],
      ['verify build + exit', 1000, 1000],
    ]);
    expect(phases.find((p) => p.name === 'page render')?.peakRss).toBe(900e6);
    expect(phases.find((p) => p.name === 'image encoding')?.peakRss).toBe(0);
  });

  it('counts encoded images and cache hits separately, from the photo step and from Astro’s', () => {
    expect(encodedImages(lines)).toEqual({ count: 5, encodeMs: 2036, cached: 28 });
  });
});

describe('responsive image choice', () => {
  const sizes = '(min-width: 61.75rem) 58.75rem, (min-width: 46rem) calc(100vw - 3rem), 100vw';
  it('evaluates sizes as the browser does', () => {
    expect(evaluateSizes(sizes, 360)).toBe(360);
    expect(evaluateSizes(sizes, 800)).toBe(752);
    expect(evaluateSizes(sizes, 1280)).toBe(940);
    expect(evaluateSizes(undefined, 1280)).toBe(1280);
  });
  it('picks the smallest candidate covering slot × density', () => {
    const candidates = parseSrcset('/a-360.avif 360w, /a-720.avif 720w, /a-1080.avif 1080w, /a-1440.avif 1440w');
    expect(pickCandidate(candidates, 360, 2)?.url).toBe('/a-720.avif');
    expect(pickCandidate(candidates, 940, 1)?.url).toBe('/a-1080.avif');
    expect(pickCandidate(candidates, 940, 2)?.url).toBe('/a-1440.avif');
  });
});

describe('ssim', () => {
  it('is 1 for identical images and falls as noise is added', () => {
    const width = 32;
    const height = 32;
    const rgb = new Uint8Array(width * height * 3).map((_, i) => (i * 37) % 251);
    const noisy = rgb.map((v, i) => Math.max(0, Math.min(255, v + ((i * 7919) % 41) - 20)));
    const a = luma(rgb);
    expect(ssim(a, a, width, height)).toBeCloseTo(1, 6);
    const score = ssim(a, luma(noisy), width, height);
    expect(score).toBeLessThan(0.99);
    expect(score).toBeGreaterThan(0);
  });
});

describe('syntheticFeature', () => {
  const pool: SeedPool = {
    paragraphs: Array.from(
      { length: 12 },
      (_, i) => `第${i}段：九龙办事处坚持党建引领，推动基层治理不断完善，群众的获得感、幸福感持续提升。`,
    ),
    headings: ['党建引领', '城市管理', '民生服务'],
    captions: [
      { caption: '红云路街边微景观', alt: '红云路街角的微景观' },
      { caption: '马寨镇面貌一新', alt: '整治后的马寨镇村庄' },
      { caption: '池南路绿意盎然', alt: '池南路两侧行道树' },
    ],
    titles: ['二七区：高品质擘画美丽新画卷'],
    summaries: [
      '去年以来，二七区按照市委、市政府工作部署，坚持党建引领，强化组织保障，发挥先锋作用，积极投入到打造高品质城市建设工作中来。',
    ],
    names: ['范光华'],
    districts: ['erqi'],
    topics: ['dangjian', 'shequ'],
  };
  const photoPath = (_: number, k: number) => `./photo-${k + 1}.jpg`;

  it('is deterministic and names 2–5 photos beside index.mdx, the cover first', () => {
    const a = syntheticFeature(pool, 7, { photoPath });
    expect(syntheticFeature(pool, 7, { photoPath }).mdx).toBe(a.mdx);
    expect(a.photos.length).toBeGreaterThanOrEqual(2);
    expect(a.photos.length).toBeLessThanOrEqual(5);
    expect(a.mdx).toContain(`cover:\n  src: ./photo-1.jpg`);
    for (const photo of a.photos.slice(1)) expect(a.mdx).toContain(`src="${photo.src}"`);
  });

  it('backs a day-precise date with a dateNote that names the day', () => {
    for (let i = 0; i < 30; i++) {
      const { mdx } = syntheticFeature(pool, i, { photoPath });
      const day = /date: "(\d{4})-(\d{2})-(\d{2})"/.exec(mdx);
      if (day) expect(mdx).toContain(`${Number(day[2])}月${Number(day[3])}日`);
    }
  });
});

describe('checkBudgets', () => {
  it('applies the rebuild budgets at 1,000 and 10,000 features and the memory budgets at 5,000 and 10,000', () => {
    const run = {
      features: 1000,
      scenario: 'unchanged' as const,
      wallMs: 13_300,
      cpuMs: 15_200,
      peakRss: 0.9 * 2 ** 30,
    };
    expect(checkBudgets(run)).toEqual([
      { name: 'rebuild, nothing changed', limit: '≤ 5 s', actual: '13.3 s wall (15.2 s CPU)', ok: false },
    ]);
    expect(checkBudgets({ ...run, features: 100 })).toEqual([]);
    expect(
      checkBudgets({ ...run, features: 5000, scenario: 'add-one', wallMs: 9000 }).map((c) => [c.name, c.ok]),
    ).toEqual([['peak memory, whole build', true]]);
    expect(checkBudgets({ ...run, scenario: 'edit-one', wallMs: 8_500 }).map((c) => [c.name, c.ok])).toEqual([
      ['rebuild after editing one feature', false],
    ]);
    expect(checkBudgets({ ...run, scenario: 'remove-one', wallMs: 7_900 }).map((c) => [c.name, c.ok])).toEqual([
      ['rebuild after removing one feature', true],
    ]);
    expect(
      checkBudgets({ ...run, features: 10_000, scenario: 'edit-one', wallMs: 19_000, peakRss: 5 * 2 ** 30 }),
    ).toMatchObject([
      { name: 'rebuild after editing one feature', limit: '≤ 20 s', ok: true },
      { limit: '< 6 GB', ok: true },
    ]);
  });
});

describe('editedFeature (bench/build.ts --scenario edit-one)', () => {
  it('adds a sentence to the first paragraph of the body, not to the frontmatter or a component', () => {
    const mdx = '---\ntitle: 标题\nsummary: 导语\n---\n\n<EditorNote>\n\n## 小标题\n\n正文第一段。\n\n正文第二段。\n';
    expect(editedFeature(mdx)).toBe(mdx.replace('正文第一段。', `正文第一段。${EDIT_SENTENCE}`));
  });
});

describe('kindOf (bench/search.ts)', () => {
  it('sorts the downloads of a search into the breakdown, in the primary index and in merged parts alike', () => {
    expect(kindOf('http://x/pagefind/index/zh-cn_1a2b.pf_index')).toBe('index chunks');
    expect(kindOf('http://x/pagefind-3/index/zh-cn_1a2b.pf_index')).toBe('index chunks');
    expect(kindOf('http://x/pagefind-1/fragment/zh-cn_9f.pf_fragment')).toBe('fragments');
    expect(kindOf('http://x/pagefind/wasm.unknown.pagefind')).toBe('Pagefind wasm');
    expect(kindOf('http://x/pagefind-1/pagefind.zh-cn_6b8a.pf_meta')).toBe('Pagefind meta');
    expect(kindOf('http://x/pagefind-1/pagefind-entry.json?ts=1')).toBe('Pagefind js');
    expect(kindOf('http://x/_astro/search.BzX1.js')).toBe('page js');
    expect(kindOf('http://x/_astro/cover.Ab12_Z1.avif')).toBe('thumbnails');
    expect(kindOf('http://x/search/')).toBe('page html/css');
  });
});

describe('distinctCopy (bench/generate.ts --photos distinct)', () => {
  it('makes distinct files of one photo that decode to the same pixels', async () => {
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#5a7' } })
      .jpeg()
      .toBuffer();
    const [a, b] = [distinctCopy(photo, '0-0'), distinctCopy(photo, '0-1')];
    expect(a.equals(b)).toBe(false);
    expect(a.equals(photo)).toBe(false);
    const pixels = (jpeg: Buffer) => sharp(jpeg).raw().toBuffer();
    expect((await pixels(a)).equals(await pixels(photo))).toBe(true);
    expect((await pixels(b)).equals(await pixels(photo))).toBe(true);
  });
});
