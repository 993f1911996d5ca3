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
 * After Pagefind has written a part, its fragments — which would hold our index words, the
 * article two and a half times over — are rewritten to hold what a result card shows: the
 * metadata and the first segment of the article text; the other segments go beside them in
 * text/ (a card loads the one with its match). prefix-chunks.json lists the chunks a
 * one-character query must preload (src/lib/search/prefix-chunks.ts).
 *
 * Parts (src/lib/search/index-plan.ts): each feature page names its part; parts are indexed
 * one after another, each by a fresh Pagefind process, so memory follows the largest part.
 * A part whose documents have not changed since the last build is copied from the cache
 * (Astro's cacheDir, node_modules/.astro/ — keep it between CI runs) instead of re-indexed.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { readArticle } from '../lib/search/article.ts';
import { indexDocument, type CardBlock, type CardData } from '../lib/search/index-document.ts';
import { languageOfPart, PRIMARY_INDEX_DIR } from '../lib/search/index-plan.ts';
import { prefixChunks, PREFIX_CHUNKS_FILE, readIndexChunks } from '../lib/search/prefix-chunks.ts';

/**
 * The layout of what this file writes after Pagefind (card fragments, text/, prefix-chunks):
 * part of every part's digest. Change it when that layout changes, so cached parts are rebuilt.
 */
const CARD_FORMAT = 'zhuanban-card-1';
/** Pagefind's signature at the start of every decompressed file it writes. */
const SIGNATURE = 'pagefind_dcd';
/** Folder for card text segments 1, 2 … inside each part. */
export const TEXT_DIR = 'text';

/** The installed Pagefind's version (its package.json is not exported, so it is found from the entry point). */
function pagefindVersion(): string {
  const packageJson = path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json');
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
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

/** The URL path a built file is served at: features/a/index.html → /features/a/. */
function urlOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/u, '$1')}`;
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

/** What is kept of a part's pages once their documents are written: enough to finish the part. */
interface PartInput {
  dir: string;
  /**
   * Page URL → its card text: where each segment starts, and each segment as JSON. Kept
   * serialised: the text itself would be slices of the page's HTML and keep all of it alive.
   */
  segments: Map<string, { starts: number[]; json: string[] }>;
  /** Where the documents for Pagefind are (one HTML file per page, at the page's path). */
  staging: string;
  digest: string;
}

/**
 * Read a part's pages one at a time: each becomes its document for Pagefind, written to the
 * staging folder at once, and adds to the part's digest; only the card text is kept. So the
 * indexer's own memory stays small whatever the part's size (Pagefind's is what it is).
 */
async function readPart(
  siteDir: string,
  dir: string,
  files: readonly string[],
  stagingRoot: string,
): Promise<PartInput> {
  const staging = path.join(stagingRoot, dir);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const segments: PartInput['segments'] = new Map();
  const hash = createHash('sha256').update(`${CARD_FORMAT}\0${pagefindVersion()}\0${languageOfPart(dir)}\0`);
  for (const file of files) {
    const record = readArticle(await readFile(path.join(siteDir, file), 'utf8'), urlOf(file));
    if (!record) continue;
    const document = indexDocument(record);
    segments.set(record.url, {
      starts: document.segments.map((segment) => segment[0]?.[0] ?? 0),
      json: document.segments.map((segment) => JSON.stringify(segment)),
    });
    hash.update(`${record.url}\0${document.html}\0${JSON.stringify(document.segments)}\0`);
    // The same relative paths, so the same URLs: features/a/index.html → /features/a/.
    const target = path.join(staging, ...record.url.split('/').filter(Boolean), 'index.html');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, document.html);
  }
  return { dir, segments, staging, digest: hash.digest('hex').slice(0, 32) };
}

/** Hard-link (or, across file systems, copy) every file of `from` into `to`. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      linkTree(source, target);
    } else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/**
 * A fragment Pagefind wrote, without its content: our index words, most of the file, which
 * hold no quote or backslash (tokens.ts) and so end at the next quote — cut out unparsed.
 */
function readFragment(file: string): Record<string, unknown> {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  const start = text.indexOf('"content":"');
  const end = start < 0 ? -1 : text.indexOf('"', start + '"content":"'.length);
  const json = end < 0 ? text.slice(SIGNATURE.length) : `${text.slice(SIGNATURE.length, start)}${text.slice(end + 2)}`;
  return JSON.parse(json) as Record<string, unknown>;
}

function writeFragment(file: string, fragment: Record<string, unknown>): void {
  writeFileSync(file, gzipSync(`${SIGNATURE}${JSON.stringify(fragment)}`, { level: 9 }));
}

/**
 * Replace each fragment's content (our index words) with the card's data, write the other
 * text segments to text/, and the chunks one-character queries need to prefix-chunks.json.
 */
function finishPart(outDir: string, input: PartInput): void {
  const fragments = path.join(outDir, 'fragment');
  mkdirSync(path.join(outDir, TEXT_DIR), { recursive: true });
  for (const name of existsSync(fragments) ? readdirSync(fragments) : []) {
    const file = path.join(fragments, name);
    const fragment = readFragment(file);
    const segments = input.segments.get(String(fragment['url']));
    if (!segments)
      throw new Error(`搜索索引：片段 ${name} 对应不到任何文章 / Search index: fragment ${name} matches no article`);
    const id = name.replace(/\.pf_fragment$/u, '');
    const [first = '[]', ...rest] = segments.json;
    const card: CardData = { part: input.dir, segments: segments.starts, blocks: JSON.parse(first) as CardBlock[] };
    writeFragment(file, { ...fragment, content: '', anchors: [], zhuanban: card });
    rest.forEach((segment, i) => {
      writeFileSync(path.join(outDir, TEXT_DIR, `${id}-${i + 1}.json`), segment);
    });
  }
  const meta = readdirSync(outDir).find((name) => name.endsWith('.pf_meta'));
  const chunks = meta
    ? readIndexChunks(gunzipSync(readFileSync(path.join(outDir, meta))).subarray(SIGNATURE.length))
    : [];
  writeFileSync(path.join(outDir, PREFIX_CHUNKS_FILE), JSON.stringify(prefixChunks(chunks)));
}

/** Index one part (its documents in the staging folder) with Pagefind, and write it, finished, to `outDir`. */
async function writePart(input: PartInput, outDir: string): Promise<void> {
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
  finishPart(outDir, input);
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
      const input = await readPart(siteDir, dir, files, stagingRoot);
      const outDir = path.join(siteDir, dir);
      const cached = cacheRoot ? path.join(cacheRoot, dir, input.digest) : undefined;
      let reused = false;
      if (cached && existsSync(path.join(cached, 'pagefind-entry.json'))) {
        rmSync(outDir, { recursive: true, force: true });
        linkTree(cached, outDir);
        reused = true;
      } else {
        await writePart(input, outDir);
        if (cacheRoot && cached) {
          // Keep the latest build of each part only.
          rmSync(path.join(cacheRoot, dir), { recursive: true, force: true });
          linkTree(outDir, cached);
        }
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
