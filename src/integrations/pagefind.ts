/**
 * Builds the search index as the last step of `astro build`, so `npm run build` is the one
 * command that produces a searchable site.
 *
 * What is indexed is decided by the pages (src/lib/search/article.ts reads the page markup
 * contract): only the article marked `data-pagefind-body`, without its furniture. Pagefind
 * does not cut the text itself: each article becomes a document of index words made by our
 * tokenizer (src/lib/search/tokens.ts, index-document.ts), which the search page uses too,
 * so a query is cut exactly as the page was. Pagefind indexes those documents under a
 * language it neither segments nor stems, and keeps doing what it does well: the chunked
 * index, ranking with weights, filters, metadata, merging parts in the browser.
 *
 * Around Pagefind, src/lib/search/index-part.ts turns a part's pages into documents and,
 * once Pagefind has written the part, its fragments into what result cards show; each of the
 * two steps runs in a child process (index-part-worker.ts), so the memory it churns through
 * is not still held by the build while the next Pagefind process runs.
 *
 * Parts (src/lib/search/index-plan.ts): each feature page names its part; parts are indexed
 * one after another, each by a fresh Pagefind process, so memory follows the largest part.
 * A part whose documents have not changed since the last build is linked from the cache
 * (part-cache.ts; Astro's cacheDir, node_modules/.astro/ — keep it between CI runs) instead
 * of re-indexed.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fork } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { useIndexChunkSize, type PartInput } from '../lib/search/index-part.ts';
import type { PartTask } from '../lib/search/index-part-worker.ts';
import { languageOfPart, PRIMARY_INDEX_DIR } from '../lib/search/index-plan.ts';
import { keepPart, restorePart } from '../lib/search/part-cache.ts';

/**
 * Run one step of index-part.ts in a child process (index-part-worker.ts) and return its
 * result: the memory the step churns through goes back to the system when the child exits,
 * before the next Pagefind process starts.
 */
function inChildProcess<Result>(task: PartTask): Promise<Result> {
  return new Promise((resolve, reject) => {
    // No inherited Node flags: an --input-type or --eval of the parent means nothing to the child's module.
    const child = fork(fileURLToPath(new URL('../lib/search/index-part-worker.ts', import.meta.url)), {
      execArgv: [],
      serialization: 'advanced',
    });
    let result: Result;
    child.once('message', (message) => {
      result = message as Result;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(result);
      else
        reject(
          new Error(
            `搜索索引：子进程异常退出（${code}）/ Search index: the indexing child process exited with ${code}`,
          ),
        );
    });
    child.send(task);
  });
}

/** Throw if Pagefind reported any error: a silently partial index is worse than a failed build. */
function assertNoErrors(step: string, errors: readonly string[]): void {
  if (errors.length === 0) return;
  throw new Error(`搜索索引：${step} 失败 / Search index: ${step} failed:\n  ${errors.join('\n  ')}`);
}

export interface SearchIndexOptions {
  /** Where indexed parts are kept between builds (Astro's cacheDir); none: always index. */
  cacheDir?: string | undefined;
}

export interface SearchIndexResult {
  /** Pages in the index, over all its parts: those with data-pagefind-body. */
  pageCount: number;
  /** The parts, primary first, then pagefind-1, pagefind-2 …, with their page counts. */
  parts: { dir: string; pageCount: number; reused: boolean }[];
}

/** Reads the part of the index a built feature page names (SearchIndexFields). */
const INDEX_PART = /\sdata-search-index="([a-z0-9-]+)"/u;
const BODY = /\sdata-pagefind-body[\s=>]/u;

/** Every .html file under `dir`, as paths relative to it with forward slashes. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * The feature pages (those with `data-pagefind-body`) grouped by the index part each names.
 * Only these are indexed: lists, the home page and the search page never become results.
 */
async function featurePagesByPart(siteDir: string): Promise<Map<string, string[]>> {
  const byPart = new Map<string, string[]>();
  for (const file of htmlFiles(siteDir)) {
    const html = await readFile(path.join(siteDir, file), 'utf8');
    if (!BODY.test(html)) continue;
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

/** Index one part (its documents in the staging folder) with Pagefind, and write it, finished, to `outDir`. */
async function writePart(input: PartInput, outDir: string): Promise<void> {
  useIndexChunkSize();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: languageOfPart(input.dir) });
  assertNoErrors('createIndex', errors);
  if (!index) throw new Error('搜索索引：Pagefind 未能创建索引 / Search index: Pagefind created no index');
  // Pagefind reads a folder much faster than documents sent one by one through its Node API
  // (which base64-encodes each over stdin), so the documents were written to a folder.
  const added = await index.addDirectory({ path: input.staging });
  assertNoErrors('addDirectory', added.errors);
  rmSync(outDir, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: outDir });
  assertNoErrors('writeFiles', written.errors);
  // Ending the process hands all of the part's memory back, before the fragments are rewritten
  // and before the next part starts.
  await pagefind.close();
  await inChildProcess<null>({ step: 'finish', outDir, input });
}

/**
 * Index every feature page under `siteDir` into the parts the pages name, the primary part
 * into `<siteDir>/pagefind/`. With a cache, parts whose documents are unchanged are reused.
 */
export async function buildSearchIndex(siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const cacheRoot = options.cacheDir ? path.join(options.cacheDir, 'zhuanban-search') : undefined;
  const stagingRoot = path.join(cacheRoot ?? os.tmpdir(), `staging-${process.pid}`);
  try {
    const byPart = await featurePagesByPart(siteDir);
    // An empty site still gets a (empty) primary index, so the search page loads and finds nothing.
    if (!byPart.has(PRIMARY_INDEX_DIR)) byPart.set(PRIMARY_INDEX_DIR, []);
    const parts: SearchIndexResult['parts'] = [];
    // The primary part first, then pagefind-1, pagefind-2 …
    const order = ([a]: [string, string[]], [b]: [string, string[]]) =>
      Number(b === PRIMARY_INDEX_DIR) - Number(a === PRIMARY_INDEX_DIR) || a.localeCompare(b, 'en', { numeric: true });
    for (const [dir, files] of [...byPart].sort(order)) {
      const input = await inChildProcess<PartInput>({ step: 'read', siteDir, dir, files, stagingRoot });
      const outDir = path.join(siteDir, dir);
      const reused = cacheRoot !== undefined && restorePart(cacheRoot, dir, input.digest, outDir);
      if (!reused) {
        await writePart(input, outDir);
        if (cacheRoot) keepPart(cacheRoot, dir, input.digest, outDir);
      }
      rmSync(input.staging, { recursive: true, force: true });
      parts.push({ dir, pageCount: input.segments.size, reused });
    }
    return { pageCount: parts.reduce((sum, part) => sum + part.pageCount, 0), parts };
  } finally {
    rmSync(stagingRoot, { recursive: true, force: true });
    // The Pagefind service is a child process; close it or the build never exits.
    await pagefind.close();
  }
}

export default function pagefindIntegration(): AstroIntegration {
  let logger: AstroIntegrationLogger | undefined;
  let cacheDir: string | undefined;
  return {
    name: 'zhuanban:pagefind',
    hooks: {
      'astro:config:done': ({ config, logger: integrationLogger }) => {
        logger = integrationLogger;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir }) => {
        const siteDir = fileURLToPath(dir);
        const started = performance.now();
        const { pageCount, parts } = await buildSearchIndex(siteDir, { cacheDir });
        if (pageCount === 0) {
          logger?.warn('搜索索引为空：没有可搜索的文章 / The search index is empty: no feature page was indexed');
        }
        const written = parts.map((part) => `${part.dir}/ (${part.pageCount}${part.reused ? ', unchanged' : ''})`);
        logger?.info(
          `indexed ${pageCount} pages into ${written.join(', ')} in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
