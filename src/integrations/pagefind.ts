/**
 * Builds the Pagefind search index as the last step of `astro build`, so `npm run build`
 * is the one command that produces a searchable site.
 *
 * What is indexed is decided by the pages themselves: only elements marked
 * `data-pagefind-body` (the feature article) are indexed, so lists, the home page and the
 * search page never show up as results; drafts are never built in production, so they
 * cannot be indexed either.
 *
 * Chinese has no spaces between words. Only the `pagefind_extended` binary segments it into
 * words when indexing; the plain `pagefind` binary would index whole runs of characters and
 * "海绵城市" would find nothing. The npm package prefers the extended binary, but falls back
 * to the plain one silently, so we point it at the extended binary explicitly and then
 * prove, with a probe page, that Chinese is actually segmented.
 *
 * Pagefind holds a whole index in memory until it writes it (6 GB at 5,000 features), so a
 * large archive is indexed in parts, one Pagefind process at a time; each feature page names
 * its part and the search page merges them (src/lib/search/index-plan.ts).
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { link, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { PRIMARY_INDEX_DIR } from '../lib/search/index-plan.ts';

/** The language every page is indexed under; the site is Simplified Chinese only. */
export const SEARCH_LANGUAGE = 'zh-cn';

/**
 * Point the pagefind package at `pagefind_extended` unless the environment already chose a
 * binary. Returns the path, or throws an error an editor or CI log can act on.
 */
function useExtendedBinary(): string {
  const fromEnv = process.env['PAGEFIND_EXTENDED_BINARY_PATH'];
  if (fromEnv) return fromEnv;
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const executable = platform === 'windows' ? 'pagefind_extended.exe' : 'pagefind_extended';
  const packageName = `@pagefind/${platform}-${process.env['npm_config_arch'] ?? os.arch()}`;
  try {
    // Resolve from the pagefind package itself: the platform package is its optional dependency.
    const require = createRequire(import.meta.resolve('pagefind'));
    const binary = require.resolve(`${packageName}/bin/${executable}`);
    process.env['PAGEFIND_EXTENDED_BINARY_PATH'] = binary;
    return binary;
  } catch {
    throw new Error(
      `搜索索引：找不到 ${packageName} 中的 pagefind_extended，中文无法分词。请运行 npm install 重新安装依赖。 / ` +
        `Search index: ${packageName}/bin/${executable} is missing, so Chinese cannot be segmented. Run npm install.`,
    );
  }
}

/** Throw if Pagefind reported any error: a silently partial index is worse than a failed build. */
function assertNoErrors(step: string, errors: readonly string[]): void {
  if (errors.length === 0) return;
  throw new Error(`搜索索引：${step} 失败 / Search index: ${step} failed:\n  ${errors.join('\n  ')}`);
}

/**
 * Index a two-word Chinese sentence on its own and check it comes out as several words.
 * An unsegmenting binary sees one "word" and search for any Chinese term would miss.
 */
async function assertChineseIsSegmented(): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
  assertNoErrors('createIndex (probe)', errors);
  if (!index) throw new Error('搜索索引：Pagefind 未能创建索引 / Search index: Pagefind created no index');
  const probe = await index.addHTMLFile({
    url: '/probe/',
    content: '<html lang="zh-CN"><body><main data-pagefind-body><p>海绵城市建设</p></main></body></html>',
  });
  assertNoErrors('probe', probe.errors);
  await index.deleteIndex();
  if (probe.file.uniqueWords < 2) {
    throw new Error(
      '搜索索引：Pagefind 没有对中文分词（运行的不是 pagefind_extended）。请删除 PAGEFIND_EXTENDED_BINARY_PATH 或指向 extended 版本。 / ' +
        'Search index: Pagefind did not segment Chinese (the binary is not pagefind_extended).',
    );
  }
}

export interface SearchIndexResult {
  /** Pages in the index, over all its parts: those with data-pagefind-body. */
  pageCount: number;
  /** The parts the feature pages named, primary first, then newest to oldest, with their page counts. */
  parts: { dir: string; pageCount: number }[];
}

/** Reads the part of the index a built feature page names (SearchIndexFields). */
const INDEX_PART = /\sdata-search-index="([a-z0-9-]+)"/u;
/** Where one part's pages are gathered for Pagefind to read; gone again once it has. */
const STAGING_DIR = '.search-index-part';

/** Every .html file under `dir`, as paths relative to it with forward slashes. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return (
    entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      // A staging folder left by an interrupted run holds links to pages already counted.
      .filter((file) => !file.startsWith(`${STAGING_DIR}/`))
      .sort()
  );
}

/**
 * The feature pages (those with `data-pagefind-body`) grouped by the index part each names.
 * Only these are given to Pagefind: given no body at all, it would index every page whole.
 */
async function featurePagesByPart(siteDir: string): Promise<Map<string, string[]>> {
  const byPart = new Map<string, string[]>();
  for (const file of await htmlFiles(siteDir)) {
    const html = await readFile(path.join(siteDir, file), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const part = INDEX_PART.exec(html)?.[1];
    if (!part) {
      throw new Error(
        `搜索索引：${file} 有正文（data-pagefind-body）却没有 data-search-index；请在文章里放 <SearchIndexFields>。 / ` +
          `Search index: ${file} has data-pagefind-body but no data-search-index; render <SearchIndexFields> inside it.`,
      );
    }
    const files = byPart.get(part) ?? [];
    files.push(file);
    byPart.set(part, files);
  }
  return byPart;
}

/** Index `files` of `siteDir` as one Pagefind index written to `<siteDir>/<dir>/`. */
async function writeIndexPart(siteDir: string, dir: string, files: readonly string[]): Promise<number> {
  const { index, errors } = await pagefind.createIndex({
    // Every page is zh-CN; forcing it keeps one index even if a page's lang attribute drifts.
    forceLanguage: SEARCH_LANGUAGE,
    // The editor's note on how a date was inferred names other features (同版花园口镇报道…);
    // it is about the paper, not the story, and would make those searches return this one.
    excludeSelectors: ['.feature-date-note'],
  });
  assertNoErrors('createIndex', errors);
  if (!index) throw new Error('搜索索引：Pagefind 未能创建索引 / Search index: Pagefind created no index');
  // Pagefind reads a folder much faster than pages sent through its Node API one by one
  // (which base64-encodes each), so the part's pages are hard-linked into a folder of their own.
  const staging = path.join(siteDir, STAGING_DIR);
  try {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    for (const file of files) {
      await mkdir(path.dirname(path.join(staging, file)), { recursive: true });
      await link(path.join(siteDir, file), path.join(staging, file));
    }
    // The same relative paths, so the same URLs: features/a/index.html → /features/a/.
    const added = await index.addDirectory({ path: staging });
    assertNoErrors('addDirectory', added.errors);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  const written = await index.writeFiles({ outputPath: path.join(siteDir, dir) });
  assertNoErrors('writeFiles', written.errors);
  // The entry file counts the pages Pagefind indexed.
  const entry = JSON.parse(await readFile(path.join(written.outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Index every feature page under `siteDir` into the parts the pages name, the primary part
 * into `<siteDir>/pagefind/`. Parts are indexed one after another, each by a fresh Pagefind
 * process, so the memory needed follows the largest part, not the archive
 * (src/lib/search/index-plan.ts).
 */
export async function buildSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  useExtendedBinary();
  try {
    await assertChineseIsSegmented();
    const byPart = await featurePagesByPart(siteDir);
    // An empty site still gets a (empty) primary index, so the search page loads and finds nothing.
    if (!byPart.has(PRIMARY_INDEX_DIR)) byPart.set(PRIMARY_INDEX_DIR, []);
    const parts: SearchIndexResult['parts'] = [];
    // The primary part first, then newest to oldest (pagefind-3, pagefind-2…), as the search page lists them.
    const newestFirst = ([a]: [string, string[]], [b]: [string, string[]]) =>
      Number(b === PRIMARY_INDEX_DIR) - Number(a === PRIMARY_INDEX_DIR) || b.localeCompare(a, 'en', { numeric: true });
    for (const [dir, files] of [...byPart].sort(newestFirst)) {
      parts.push({ dir, pageCount: await writeIndexPart(siteDir, dir, files) });
      // Ending the process hands all of a part's memory back before the next part starts.
      await pagefind.close();
    }
    return { pageCount: parts.reduce((sum, part) => sum + part.pageCount, 0), parts };
  } finally {
    // The Pagefind service is a child process; close it or the build never exits.
    await pagefind.close();
  }
}

export default function pagefindIntegration(): AstroIntegration {
  let logger: AstroIntegrationLogger | undefined;
  return {
    name: 'zhuanban:pagefind',
    hooks: {
      'astro:config:done': ({ logger: integrationLogger }) => {
        logger = integrationLogger;
      },
      'astro:build:done': async ({ dir }) => {
        const siteDir = fileURLToPath(dir);
        const started = performance.now();
        const { pageCount, parts } = await buildSearchIndex(siteDir);
        if (pageCount === 0) {
          logger?.warn('搜索索引为空：没有可搜索的文章 / The search index is empty: no feature page was indexed');
        }
        const written = parts.map((part) => `${part.dir}/ (${part.pageCount})`).join(', ');
        logger?.info(`indexed ${pageCount} pages into ${written} in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
