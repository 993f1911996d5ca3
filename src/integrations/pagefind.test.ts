/**
 * The indexer over a tiny built site: each feature page goes into the part of the index it
 * names, pages without an article body are left out, a body with no part is refused, the
 * fragments hold card text instead of index words, and an unchanged part comes from the cache.
 * Runs the real Pagefind binary (a few hundred milliseconds).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex } from './pagefind.ts';

let site = '';
afterEach(() => {
  rmSync(site, { recursive: true, force: true });
});

/** A built page at `route`; with `part`, a feature article naming its index part. */
function page(route: string, text: string, part?: string | null): void {
  const body =
    part === undefined
      ? `<main><p>${text}</p></main>`
      : `<article data-pagefind-body>${part ? `<span hidden data-search-index="${part}"></span>` : ''}<p>${text}</p></article>`;
  mkdirSync(path.join(site, route), { recursive: true });
  writeFileSync(path.join(site, route, 'index.html'), `<html lang="zh-CN"><body>${body}</body></html>`);
}

/** The fragments of one part, as the search page reads them. */
function fragmentsIn(part: string): Record<string, unknown>[] {
  const fragments = path.join(site, part, 'fragment');
  return readdirSync(fragments).map((file) => {
    const text = gunzipSync(readFileSync(path.join(fragments, file))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as Record<string, unknown>;
  });
}

/** The page URLs in one part, read from its fragments. */
function urlsIn(part: string): string[] {
  return fragmentsIn(part)
    .map((fragment) => String(fragment['url']))
    .sort();
}

describe('buildSearchIndex', () => {
  it('writes each feature into the part it names, the primary part first, and nothing else', async () => {
    site = mkdtempSync(path.join(tmpdir(), 'zhuanban-index-'));
    page('features/jiuzhoulu', '九州路办事处大力推进海绵城市建设', 'pagefind-1');
    page('features/erqi', '二七区海绵城市建设试点', 'pagefind-1');
    page('features/huayuankou', '花园口镇加快推进高质量发展', 'pagefind');
    page('districts/erqi', '二七区 海绵城市 九州路办事处');
    const { pageCount, parts } = await buildSearchIndex(site);
    expect(pageCount).toBe(3);
    expect(parts).toEqual([
      { dir: 'pagefind', pageCount: 1, reused: false },
      { dir: 'pagefind-1', pageCount: 2, reused: false },
    ]);
    expect(urlsIn('pagefind')).toEqual(['/features/huayuankou/']);
    expect(urlsIn('pagefind-1')).toEqual(['/features/erqi/', '/features/jiuzhoulu/']);
  });

  it('refuses an article that does not name its part, rather than leave it unsearchable', async () => {
    site = mkdtempSync(path.join(tmpdir(), 'zhuanban-index-'));
    page('features/jiulong', '九龙办事处', null);
    await expect(buildSearchIndex(site)).rejects.toThrowErrorMatchingInlineSnapshot(
      `[Error: 搜索索引：features/jiulong/index.html 有正文（data-pagefind-body）却没有 data-search-index；请在文章里放 <SearchIndexFields>。 / Search index: features/jiulong/index.html has data-pagefind-body but no data-search-index; render <SearchIndexFields> inside it.]`,
    );
  });

  it('writes an empty primary index for a site with no features yet, so the search page still loads', async () => {
    site = mkdtempSync(path.join(tmpdir(), 'zhuanban-index-'));
    page('about', '关于本站');
    expect(await buildSearchIndex(site)).toEqual({
      pageCount: 0,
      parts: [{ dir: 'pagefind', pageCount: 0, reused: false }],
    });
    expect(readdirSync(path.join(site, 'pagefind'))).toContain('pagefind-entry.json');
  });

  it('writes card text, not index words, into the fragments, and the chunks one-character queries need', async () => {
    site = mkdtempSync(path.join(tmpdir(), 'zhuanban-index-'));
    page('features/erqi', '村民见证了家门口的变化。'.repeat(80), 'pagefind');
    await buildSearchIndex(site);
    const [fragment] = fragmentsIn('pagefind');
    expect(fragment?.['content']).toBe('');
    const card = fragment?.['zhuanban'] as { part: string; segments: number[]; blocks: [number, string][] };
    expect(card.part).toBe('pagefind');
    expect(card.blocks[0]?.[1]).toMatch(/^村民见证了家门口的变化。/u);
    expect(JSON.stringify(fragment)).not.toContain('门口 口的');
    expect(readdirSync(path.join(site, 'pagefind', 'text'))).toHaveLength(card.segments.length - 1);
    expect(JSON.parse(readFileSync(path.join(site, 'pagefind', 'prefix-chunks.json'), 'utf8'))).toEqual({});
  });

  it('reuses a part whose pages did not change, and re-indexes only the part that did', async () => {
    site = mkdtempSync(path.join(tmpdir(), 'zhuanban-index-'));
    const cacheDir = path.join(site, '.cache');
    page('features/jiuzhoulu', '九州路办事处大力推进海绵城市建设', 'pagefind-1');
    page('features/huayuankou', '花园口镇加快推进高质量发展', 'pagefind');
    const reused = async () => (await buildSearchIndex(site, { cacheDir })).parts.map((part) => part.reused);
    expect(await reused()).toEqual([false, false]);
    expect(await reused()).toEqual([true, true]);
    page('features/huayuankou', '花园口镇加快推进高质量发展，黄河岸边', 'pagefind');
    expect(await reused()).toEqual([false, true]);
    expect(urlsIn('pagefind-1')).toEqual(['/features/jiuzhoulu/']);
  });
});
