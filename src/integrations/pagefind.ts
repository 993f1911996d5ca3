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
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** The language every page is indexed under; the site is Simplified Chinese only. */
export const SEARCH_LANGUAGE = 'zh-cn';

/** Where the bundle is written inside the built site; the search page loads it from here. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

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
  /** Pages in the index: those with data-pagefind-body. */
  pageCount: number;
  /** HTML files Pagefind read. */
  filesRead: number;
  outputPath: string;
}

/** Index every built HTML page under `siteDir` and write the bundle to `<siteDir>/pagefind/`. */
export async function buildSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  useExtendedBinary();
  try {
    await assertChineseIsSegmented();
    const { index, errors } = await pagefind.createIndex({
      // Every page is zh-CN; forcing it keeps one index even if a page's lang attribute drifts.
      forceLanguage: SEARCH_LANGUAGE,
      // The editor's note on how a date was inferred names other features (同版花园口镇报道…);
      // it is about the paper, not the story, and would make those searches return this one.
      excludeSelectors: ['.feature-date-note'],
    });
    assertNoErrors('createIndex', errors);
    if (!index) throw new Error('搜索索引：Pagefind 未能创建索引 / Search index: Pagefind created no index');
    const added = await index.addDirectory({ path: siteDir });
    assertNoErrors('addDirectory', added.errors);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, SEARCH_BUNDLE_DIR) });
    assertNoErrors('writeFiles', written.errors);
    // addDirectory counts every HTML file it read; the entry file counts the pages indexed.
    const entry = JSON.parse(await readFile(path.join(written.outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pageCount = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    return { pageCount, filesRead: added.page_count, outputPath: written.outputPath };
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
        const { pageCount, filesRead, outputPath } = await buildSearchIndex(siteDir);
        if (pageCount === 0) {
          logger?.warn('搜索索引为空：没有可搜索的文章 / The search index is empty: no feature page was indexed');
        }
        logger?.info(
          `indexed ${pageCount} of ${filesRead} pages into ${path.relative(process.cwd(), outputPath)} in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
