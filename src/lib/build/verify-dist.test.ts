import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { verifyDist } from './verify-dist.ts';

/**
 * A small built site: pages, sitemap, RSS and Pagefind fragments for the given slugs — in
 * pagefind/, or in the index parts given — and a search page naming `searchIndexes`.
 */
function dist({
  pages,
  sitemap,
  rss,
  search,
  searchIndexes,
  extra = {},
}: {
  pages: string[];
  sitemap: string[];
  rss: string[];
  search: string[] | Record<string, string[]>;
  searchIndexes?: string[];
  extra?: Record<string, string>;
}): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhuanban-dist-'));
  for (const slug of pages) {
    mkdirSync(join(dir, 'features', slug), { recursive: true });
    writeFileSync(join(dir, 'features', slug, 'index.html'), `<h1>${slug}</h1>`);
  }
  writeFileSync(
    join(dir, 'sitemap-0.xml'),
    sitemap.map((s) => `<url><loc>https://x.cn/features/${s}/</loc></url>`).join(''),
  );
  writeFileSync(
    join(dir, 'rss.xml'),
    `<rss>${rss.map((s) => `<item><link>https://x.cn/features/${s}/</link></item>`).join('')}</rss>`,
  );
  for (const [part, slugs] of Object.entries(Array.isArray(search) ? { pagefind: search } : search)) {
    mkdirSync(join(dir, part, 'fragment'), { recursive: true });
    slugs.forEach((s, i) => {
      writeFileSync(
        join(dir, part, 'fragment', `zh_${i}.pf_fragment`),
        gzipSync(`pagefind_dcd${JSON.stringify({ url: `/features/${s}/` })}`),
      );
    });
  }
  if (searchIndexes) {
    mkdirSync(join(dir, 'search'));
    writeFileSync(
      join(dir, 'search', 'index.html'),
      `<div data-search-page data-search-indexes="${searchIndexes.join(' ')}">`,
    );
  }
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

const features = [
  { slug: 'jiulong', draft: false, date: '2019-07' },
  { slug: 'erqi', draft: false, date: '2020' },
  { slug: 'secret', draft: true, date: '2021-01-01' },
];

describe('verifying the built site', () => {
  it('passes when every published feature is everywhere and no draft is anywhere', () => {
    const all = ['jiulong', 'erqi'];
    expect(verifyDist(dist({ pages: all, sitemap: all, rss: all, search: all }), features)).toEqual([]);
  });
  it('names each feature missing from a page, the sitemap, the RSS or the search index', () => {
    const problems = verifyDist(
      dist({
        pages: ['jiulong'],
        sitemap: ['jiulong', 'erqi'],
        rss: ['jiulong'],
        search: ['jiulong'],
      }),
      features,
    );
    expect(problems.map((p) => p.zh)).toEqual([
      '已发布的稿件 erqi 不在：页面 page、RSS（最新 50 篇之一 one of the newest)、搜索索引 search index',
    ]);
  });
  it('counts a feature in the feed only as an item of its own, not as a link in another item’s text', () => {
    const all = ['jiulong', 'erqi'];
    const site = dist({ pages: all, sitemap: all, rss: ['jiulong'], search: all });
    writeFileSync(
      join(site, 'rss.xml'),
      '<rss><item><link>https://x.cn/features/jiulong/</link><description>另见 https://x.cn/features/erqi/</description></item></rss>',
    );
    expect(verifyDist(site, features).map((p) => p.en)).toEqual([
      'published feature erqi is missing from: RSS（最新 50 篇之一 one of the newest)',
    ]);
  });
  it('fails when a draft leaks into a page, a feed or the index', () => {
    const all = ['jiulong', 'erqi'];
    expect(
      verifyDist(
        dist({
          pages: [...all, 'secret'],
          sitemap: all,
          rss: all,
          search: all,
        }),
        features,
      ).map((p) => p.zh),
    ).toEqual(['草稿 secret 被发布成了页面']);
    expect(
      verifyDist(
        dist({
          pages: all,
          sitemap: all,
          rss: [...all, 'secret'],
          search: all,
        }),
        features,
      ).map((p) => p.zh),
    ).toEqual(['草稿 secret 出现在 rss.xml']);
    expect(
      verifyDist(
        dist({
          pages: all,
          sitemap: all,
          rss: all,
          search: [...all, 'secret'],
        }),
        features,
      ).map((p) => p.zh),
    ).toEqual(['草稿 secret 出现在 pagefind']);
  });
  it('under a base path, requires the sitemap and the feed to list each feature under it', () => {
    const all = ['jiulong', 'erqi'];
    const site = dist({ pages: all, sitemap: [], rss: [], search: all });
    const listed = (prefix: string, tag: 'loc' | 'link') =>
      all.map((s) => `<${tag}>https://x.cn${prefix}/features/${s}/</${tag}>`).join('');
    writeFileSync(join(site, 'sitemap-0.xml'), listed('/zhuanban', 'loc'));
    writeFileSync(join(site, 'rss.xml'), `<rss>${listed('/zhuanban', 'link')}</rss>`);
    expect(verifyDist(site, features, '/zhuanban/')).toEqual([]);
    // Listed at the root: the base path did not reach them, so readers would get a 404.
    writeFileSync(join(site, 'rss.xml'), `<rss>${listed('', 'link')}</rss>`);
    expect(verifyDist(site, features, '/zhuanban/').map((p) => p.en)).toEqual([
      'published feature jiulong is missing from: RSS（最新 50 篇之一 one of the newest)',
      'published feature erqi is missing from: RSS（最新 50 篇之一 one of the newest)',
    ]);
  });
  it('reads the index parts the search page merges, and fails on a part it would not load or cannot find', () => {
    const all = ['jiulong', 'erqi'];
    const split = { pagefind: ['jiulong'], 'pagefind-1': ['erqi'] };
    const site = (searchIndexes: string[]) =>
      dist({ pages: all, sitemap: all, rss: all, search: split, searchIndexes });
    expect(verifyDist(site(['pagefind', 'pagefind-1']), features)).toEqual([]);
    expect(verifyDist(site(['pagefind']), features).map((p) => p.zh)).toEqual([
      '索引 pagefind-1/ 已写出，但搜索页不加载它：其中的稿件搜不到',
      '已发布的稿件 erqi 不在：搜索索引 search index',
    ]);
    expect(verifyDist(site(['pagefind', 'pagefind-1', 'pagefind-3']), features).map((p) => p.en)).toEqual([
      'the search page loads the index part pagefind-3/, which the build does not contain',
    ]);
  });
});

describe('the feed rule', () => {
  // 60 features over five years, dates drawn with a fixed seed; some share a date.
  let seed = 13;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const many = Array.from({ length: 60 }, (_, i) => {
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    return {
      slug: `f${String(i).padStart(2, '0')}`,
      draft: false,
      date: `${2018 + Math.floor(random() * 5)}-${month}`,
    };
  });
  const slugs = many.map((f) => f.slug);
  const newestFirst = [...many].sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
  const site = (rss: string[]) => dist({ pages: slugs, sitemap: slugs, rss, search: slugs });

  it('passes a feed of the newest 50, and asks nothing of the older ones', () => {
    expect(verifyDist(site(newestFirst.slice(0, 50).map((f) => f.slug)), many)).toEqual([]);
  });

  it('names each of the newest 50 the feed lacks, and only those', () => {
    const lacking = [newestFirst[0], newestFirst[49]].map((f) => f?.slug ?? '');
    const rss = newestFirst
      .slice(0, 52)
      .map((f) => f.slug)
      .filter((slug) => !lacking.includes(slug));
    expect(verifyDist(site(rss), many).map((p) => p.en)).toEqual(
      lacking
        .toSorted((a, b) => slugs.indexOf(a) - slugs.indexOf(b))
        .map((slug) => `published feature ${slug} is missing from: RSS（最新 50 篇之一 one of the newest)`),
    );
  });

  it('refuses a feed of more than 50 items', () => {
    expect(verifyDist(site(slugs), many).map((p) => p.en)).toEqual([
      'the RSS feed has 60 items, more than 50: feed readers and services refuse feeds that large',
    ]);
  });
});
