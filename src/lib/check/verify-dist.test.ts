import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { verifyDist } from './verify-dist.ts';

/** A small built site: pages, sitemap, RSS and Pagefind fragments for the given slugs. */
function dist({
  pages,
  sitemap,
  rss,
  search,
  extra = {},
}: {
  pages: string[];
  sitemap: string[];
  rss: string[];
  search: string[];
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
    `<rss>${rss.map((s) => `<link>https://x.cn/features/${s}/</link>`).join('')}</rss>`,
  );
  mkdirSync(join(dir, 'pagefind', 'fragment'), { recursive: true });
  search.forEach((s, i) => {
    writeFileSync(
      join(dir, 'pagefind', 'fragment', `zh_${i}.pf_fragment`),
      gzipSync(`pagefind_dcd${JSON.stringify({ url: `/features/${s}/` })}`),
    );
  });
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

const features = [
  { slug: 'jiulong', draft: false },
  { slug: 'erqi', draft: false },
  { slug: 'secret', draft: true },
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
    expect(problems.map((p) => p.zh)).toEqual(['已发布的稿件 erqi 不在：页面 page、RSS、搜索索引 search index']);
  });
  it('counts a feature in the feed only as an item of its own, not as a link in another item’s text', () => {
    const all = ['jiulong', 'erqi'];
    const site = dist({ pages: all, sitemap: all, rss: ['jiulong'], search: all });
    writeFileSync(
      join(site, 'rss.xml'),
      '<rss><item><link>https://x.cn/features/jiulong/</link><description>另见 https://x.cn/features/erqi/</description></item></rss>',
    );
    expect(verifyDist(site, features).map((p) => p.en)).toEqual(['published feature erqi is missing from: RSS']);
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
});
