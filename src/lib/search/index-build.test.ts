/**
 * The indexer over tiny built sites: every feature page goes into the one index, pages
 * without an article body are left out, the fragments hold card text instead of index words,
 * and build after build only what changed is read and indexed, into an index with the same
 * contents as one made anew (tests/support/index-contents.ts). Runs the real Pagefind binary
 * (a few hundred milliseconds a build).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { indexContents, indexDifferences } from '../../../tests/support/index-contents.ts';
import { buildSearchIndex } from './index-build.ts';

let site = '';
afterEach(() => {
  rmSync(site, { recursive: true, force: true });
});

/** A built page at `route`; with `article`, a feature page with that article text. */
function page(route: string, text: string, article = true): void {
  const body = article
    ? `<article data-pagefind-body><span hidden data-pagefind-filter="区:${route.length % 2 ? '二七区' : '金水区'}"></span><h1>${text.slice(0, 6)}</h1><p>${text}</p></article>`
    : `<main><p>${text}</p></main>`;
  mkdirSync(path.join(site, route), { recursive: true });
  writeFileSync(path.join(site, route, 'index.html'), `<html lang="zh-CN"><body>${body}</body></html>`);
}

/** The fragments of the index, as the search page reads them. */
function fragments(dir = path.join(site, 'pagefind')): Record<string, unknown>[] {
  return readdirSync(path.join(dir, 'fragment')).map((file) => {
    const text = gunzipSync(readFileSync(path.join(dir, 'fragment', file))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as Record<string, unknown>;
  });
}

const urls = () =>
  fragments()
    .map((fragment) => String(fragment['url']))
    .sort();

/** The index of `site` made anew (no cache), in a copy, for comparison. */
async function freshContents(): Promise<ReturnType<typeof indexContents>> {
  const copy = mkdtempSync(path.join(tmpdir(), 'zhuanban-fresh-'));
  try {
    for (const file of readdirSync(site, { recursive: true, withFileTypes: true })) {
      if (!file.isFile() || !file.name.endsWith('.html') || file.parentPath.includes('pagefind')) continue;
      const target = path.join(copy, path.relative(site, file.parentPath), file.name);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, readFileSync(path.join(file.parentPath, file.name)));
    }
    await buildSearchIndex(copy);
    return indexContents(path.join(copy, 'pagefind'));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

describe('buildSearchIndex', () => {
  it('writes every feature page into the one index, and nothing else', async () => {
    site = mkdtempSync(path.join(tmpdir(), 'zhuanban-index-'));
    page('features/jiuzhoulu', '九州路办事处大力推进海绵城市建设');
    page('features/erqi', '二七区海绵城市建设试点');
    page('districts/erqi', '二七区 海绵城市 九州路办事处', false);
    const result = await buildSearchIndex(site);
    expect(result.pageCount).toBe(2);
    expect(urls()).toEqual(['/features/erqi/', '/features/jiuzhoulu/']);
    expect(readdirSync(site)).not.toContain('pagefind-1');
  });

  it('writes an empty index for a site with no features yet, so the search page still loads', async () => {
    site = mkdtempSync(path.join(tmpdir(), 'zhuanban-index-'));
    page('about', '关于本站', false);
    expect((await buildSearchIndex(site)).pageCount).toBe(0);
    expect(readdirSync(path.join(site, 'pagefind'))).toContain('pagefind-entry.json');
  });

  it('writes card text, not index words, into the fragments, and the chunks one-character queries need', async () => {
    site = mkdtempSync(path.join(tmpdir(), 'zhuanban-index-'));
    page('features/erqi', '村民见证了家门口的变化。'.repeat(80));
    await buildSearchIndex(site);
    const [fragment] = fragments();
    expect(fragment?.['content']).toBe('');
    const card = fragment?.['zhuanban'] as { part: string; segments: number[]; blocks: [number, string][] };
    expect(card.part).toBe('pagefind');
    expect(card.blocks[0]?.[1]).toMatch(/^村民见证了家门口的变化。/u);
    expect(JSON.stringify(fragment)).not.toContain('门口 口的');
    expect(readdirSync(path.join(site, 'pagefind', 'text'))).toHaveLength(card.segments.length - 1);
    expect(JSON.parse(readFileSync(path.join(site, 'pagefind', 'prefix-chunks.json'), 'utf8'))).toEqual({});
  });

  it('indexes only what changed, build after build, into the index a fresh build makes', async () => {
    site = mkdtempSync(path.join(tmpdir(), 'zhuanban-index-'));
    const cacheDir = path.join(site, '.cache');
    page('features/jiuzhoulu', '九州路办事处大力推进海绵城市建设');
    page('features/huayuankou', '花园口镇加快推进高质量发展');
    page('features/erqi', '二七区老旧小区改造');
    expect((await buildSearchIndex(site, { cacheDir })).indexed).toBe(3);
    expect((await buildSearchIndex(site, { cacheDir })).indexed).toBe(0);

    page('features/huayuankou', '花园口镇加快推进高质量发展，黄河岸边');
    page('features/fengyang', '凤阳街道便民服务');
    rmSync(path.join(site, 'features/erqi'), { recursive: true });
    const result = await buildSearchIndex(site, { cacheDir });
    expect(result).toMatchObject({ pageCount: 3, indexed: 2, removed: 1 });
    expect(urls()).toEqual(['/features/fengyang/', '/features/huayuankou/', '/features/jiuzhoulu/']);
    expect(indexDifferences(indexContents(path.join(site, 'pagefind')), await freshContents())).toEqual([]);
  });

  it('does not read a page back whose signature is the one it was indexed with', async () => {
    site = mkdtempSync(path.join(tmpdir(), 'zhuanban-index-'));
    const cacheDir = path.join(site, '.cache');
    page('features/jiuzhoulu', '九州路办事处大力推进海绵城市建设');
    page('features/erqi', '二七区老旧小区改造');
    const signatures = new Map([
      ['features/jiuzhoulu/index.html', 'a'],
      ['features/erqi/index.html', 'b'],
    ]);
    await buildSearchIndex(site, { cacheDir, signatures });
    // Astro would have restored the page unchanged; rewritten here, it shows it is not read.
    page('features/jiuzhoulu', '九州路办事处');
    const unchanged = await buildSearchIndex(site, { cacheDir, signatures });
    expect(unchanged).toMatchObject({ read: 0, indexed: 0 });
    signatures.set('features/jiuzhoulu/index.html', 'c');
    expect(await buildSearchIndex(site, { cacheDir, signatures })).toMatchObject({ read: 1, indexed: 1 });
    expect(indexDifferences(indexContents(path.join(site, 'pagefind')), await freshContents())).toEqual([]);
  });
});
