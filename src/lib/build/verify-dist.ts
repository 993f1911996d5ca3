/**
 * After a build: is every published feature really there — as a page, in the sitemap and in
 * the search index — are the newest ones in the RSS feed (which carries FEED_SIZE, src/lib/feed.ts),
 * and is no draft anywhere? A mismatch means readers would miss a story, or see one not meant
 * for them; either fails the build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expectedFeedSlugs, FEED_SIZE } from '../feed.ts';
import { sitePath } from '../site-url.ts';

export interface FeatureEntry {
  slug: string;
  draft: boolean;
  /**
   * The frontmatter date as written ("2019-07"): which features are the newest, which the
   * feed must carry. verify-build always gives it; a feature without one is not required there.
   */
  date?: unknown;
}

export interface DistProblem {
  severity: 'error' | 'warning';
  zh: string;
  en: string;
}

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    // Appended in place: spreading a folder of 190,000 photo copies overflows the call stack.
    if (statSync(path).isDirectory()) files(path, out);
    else out.push(path);
  }
  return out;
}

/**
 * The parts of the search index the search page loads (data-search-indexes on /search/, each
 * entry `dir:features`), primary first; the primary alone when there is no search page to say.
 */
export function searchIndexDirs(dist: string): string[] {
  const page = join(dist, 'search', 'index.html');
  const declared = existsSync(page)
    ? /\sdata-search-indexes="([^"]*)"/u.exec(readFileSync(page, 'utf8'))?.[1]
    : undefined;
  const dirs =
    declared
      ?.split(' ')
      .filter(Boolean)
      .map((entry) => entry.split(':')[0] ?? entry) ?? [];
  return dirs.length > 0 ? dirs : ['pagefind'];
}

/** Index parts written into the build: pagefind/ and pagefind-1/, pagefind-2/… */
function writtenIndexDirs(dist: string): string[] {
  return readdirSync(dist).filter(
    (name) => /^pagefind(?:-[0-9]+)?$/u.test(name) && statSync(join(dist, name)).isDirectory(),
  );
}

/** Page URLs in Pagefind's index parts `dirs`: each fragment is gzipped JSON naming its page's url. */
export function pagefindUrls(dist: string, dirs: readonly string[] = ['pagefind']): Set<string> | undefined {
  const folders = dirs.map((dir) => join(dist, dir, 'fragment')).filter((folder) => existsSync(folder));
  if (folders.length === 0) return undefined;
  const urls = new Set<string>();
  for (const fragments of folders) {
    for (const file of readdirSync(fragments)) {
      try {
        const text = gunzipSync(readFileSync(join(fragments, file))).toString('utf8');
        const json = JSON.parse(text.slice(text.indexOf('{'))) as {
          url?: string;
        };
        if (json.url) urls.add(json.url);
      } catch {
        // Not a fragment we can read; the url check below reports what is missing.
      }
    }
  }
  return urls;
}

const featurePath = (slug: string) => `/features/${slug}/`;

/** The path of an absolute or root-relative URL: https://x.cn/features/a/ → /features/a/. */
function pathOf(url: string): string {
  try {
    return new URL(url.trim(), 'https://site.invalid').pathname;
  } catch {
    return url.trim();
  }
}

/**
 * The site paths of every `<tag>…</tag>` in a sitemap or feed: the pages it lists, looked up
 * once. An address outside the site's base (a link the base path did not reach) lists nothing.
 */
function listedPaths(xml: string, tag: 'loc' | 'link', base: string): Set<string> {
  const paths = [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((match) =>
    sitePath(base, pathOf(match[1] ?? '')),
  );
  return new Set(paths.filter((path) => path !== undefined));
}

/**
 * `base` is the path the site is served under (Astro's `base`, `/zhuanban/`): the sitemap and
 * the feed must list each feature under it. Pagefind's index names pages relative to the site.
 */
export function verifyDist(dist: string, features: readonly FeatureEntry[], base = '/'): DistProblem[] {
  const problems: DistProblem[] = [];
  const error = (zh: string, en: string) => problems.push({ severity: 'error', zh, en });
  const all = files(dist);
  const read = (path: string) => readFileSync(path, 'utf8');
  const sitemaps = all
    .filter((f) => /sitemap[^/]*\.xml$/.test(f))
    .map(read)
    .join('\n');
  // The site's feed; districts have their own (districts/<id>/rss.xml).
  const rssFile = join(dist, 'rss.xml');
  const rss = existsSync(rssFile) ? read(rssFile) : undefined;
  const indexDirs = searchIndexDirs(dist);
  const search = pagefindUrls(dist, indexDirs);
  // The search page merges exactly the parts it names: a part it does not name is never
  // searched, and one it names but that was not written breaks every search.
  const written = writtenIndexDirs(dist);
  const missingParts = search === undefined ? [] : indexDirs.filter((dir) => !written.includes(dir));
  for (const dir of missingParts)
    error(
      `搜索页要加载的索引 ${dir}/ 不在构建结果里`,
      `the search page loads the index part ${dir}/, which the build does not contain`,
    );
  for (const dir of written.filter((d) => !indexDirs.includes(d)))
    error(
      `索引 ${dir}/ 已写出，但搜索页不加载它：其中的稿件搜不到`,
      `the index part ${dir}/ was written but the search page does not load it: its features cannot be found`,
    );
  if (!sitemaps) error('构建结果里没有 sitemap', 'the build has no sitemap');
  if (rss === undefined) error('构建结果里没有 RSS（rss.xml）', 'the build has no RSS feed (rss.xml)');
  if (search === undefined)
    problems.push({
      severity: 'warning',
      zh: '构建结果里没有搜索索引（pagefind/），跳过搜索检查',
      en: 'no search index (pagefind/) in the build; search not verified',
    });

  // Sets, not a text search per feature: the feed grows with the archive (~110 MB at 10,000
  // features), so searching it once per feature grows with the square. At 1,000 features
  // this check took 830 ms that way and takes 144 ms now.
  const inSitemap = listedPaths(sitemaps, 'loc', base);
  const inRss = rss === undefined ? undefined : listedPaths(rss, 'link', base);
  const newest = new Set(expectedFeedSlugs(features.filter((f) => !f.draft)));
  const items = rss === undefined ? 0 : (rss.match(/<item>/g) ?? []).length;
  if (items > FEED_SIZE)
    error(
      `RSS 有 ${items} 条，超过 ${FEED_SIZE} 条：阅读器和转发服务会拒收过大的订阅源`,
      `the RSS feed has ${items} items, more than ${FEED_SIZE}: feed readers and services refuse feeds that large`,
    );
  const inSearch = search && new Set([...search].map(pathOf));
  for (const feature of features.filter((f) => !f.draft)) {
    const path = featurePath(feature.slug);
    const missing: string[] = [];
    if (!existsSync(join(dist, 'features', feature.slug, 'index.html'))) missing.push('页面 page');
    if (sitemaps && !inSitemap.has(path)) missing.push('sitemap');
    if (inRss && newest.has(feature.slug) && !inRss.has(path))
      missing.push(`RSS（最新 ${FEED_SIZE} 篇之一 one of the newest)`);
    if (inSearch && !inSearch.has(path)) missing.push('搜索索引 search index');
    if (missing.length)
      error(
        `已发布的稿件 ${feature.slug} 不在：${missing.join('、')}`,
        `published feature ${feature.slug} is missing from: ${missing.join(', ')}`,
      );
  }

  // No trace of a draft anywhere: pages, feeds, sitemaps, the search index.
  const drafts = features.filter((f) => f.draft);
  if (drafts.length) {
    const texts = all.filter((f) => /\.(?:html|xml|json|txt|js)$/.test(f)).map((f) => ({ f, text: read(f) }));
    for (const url of search ?? []) texts.push({ f: 'pagefind', text: url });
    for (const draft of drafts) {
      const path = featurePath(draft.slug);
      const leak = texts.find(({ text }) => text.includes(path));
      if (existsSync(join(dist, 'features', draft.slug)))
        error(`草稿 ${draft.slug} 被发布成了页面`, `draft ${draft.slug} was built as a page`);
      else if (leak)
        error(
          `草稿 ${draft.slug} 出现在 ${leak.f.slice(dist.length + 1) || leak.f}`,
          `draft ${draft.slug} appears in ${leak.f}`,
        );
    }
  }
  return problems;
}
