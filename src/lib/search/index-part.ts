/**
 * One part of the search index, around what Pagefind does with it (src/integrations/pagefind.ts):
 *
 *   - before: the part's feature pages are read one at a time (article.ts), each becomes its
 *     document for Pagefind (index-document.ts) in a staging folder, and the part's digest
 *     sums them all, so an unchanged part can be taken from the cache (part-cache.ts);
 *   - after: Pagefind's fragments — which hold our index words, the article two and a half
 *     times over — are rewritten to hold what a result card shows (the metadata and the first
 *     segment of the article text, card.ts), the other segments go beside them in text/, and
 *     prefix-chunks.json lists the chunks a one-character query must preload.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readArticle } from './article.ts';
import { indexDocument, type CardBlock, type CardData } from './index-document.ts';
import { languageOfPart } from './index-plan.ts';
import { prefixChunks, PREFIX_CHUNKS_FILE, readIndexChunks } from './prefix-chunks.ts';

/**
 * The layout of what finishPart writes (card fragments, text/, prefix-chunks): part of every
 * part's digest. Change it when that layout changes, so cached parts are rebuilt.
 */
const CARD_FORMAT = 'zhuanban-card-1';
/** Pagefind's signature at the start of every decompressed file it writes. */
const SIGNATURE = 'pagefind_dcd';
/** Folder for card text segments 1, 2 … inside each part. */
export const TEXT_DIR = 'text';

/**
 * Positions per index chunk (Pagefind's default is 20,000; 1.6 reads this setting from
 * PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE). Measured at 1,000 features (bench/README.md, "Search
 * index design"): at 8,000 a first query for 党建 is the same (141 KB: its own chunk), a phrase's
 * rarer pairs come in smaller chunks (海绵城市 176 → 152 KB, 党员先锋模范作用 195 → 168 KB),
 * and the page list every query loads grows by 5 KB; at 5,000 the list grows by 10 KB and 党建
 * by 4. Should a later Pagefind drop the setting, chunks go back to 20,000: more bytes, no harm.
 */
export const INDEX_CHUNK_SIZE = 8000;
const CHUNK_SIZE_SETTING = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/** Have Pagefind processes started from now on cut chunks of INDEX_CHUNK_SIZE (an explicit setting wins). */
export function useIndexChunkSize(): string {
  process.env[CHUNK_SIZE_SETTING] ??= String(INDEX_CHUNK_SIZE);
  return process.env[CHUNK_SIZE_SETTING];
}

/** The installed Pagefind's version (its package.json is not exported, so it is found from the entry point). */
function pagefindVersion(): string {
  const packageJson = path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json');
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

/** The URL path a built file is served at: features/a/index.html → /features/a/. */
export function urlOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/u, '$1')}`;
}

/** What is kept of a part's pages once their documents are written: enough to finish the part. */
export interface PartInput {
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
export async function readPart(
  siteDir: string,
  dir: string,
  files: readonly string[],
  stagingRoot: string,
): Promise<PartInput> {
  const staging = path.join(stagingRoot, dir);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const segments: PartInput['segments'] = new Map();
  const hash = createHash('sha256').update(
    `${CARD_FORMAT}\0${pagefindVersion()}\0${languageOfPart(dir)}\0${useIndexChunkSize()}\0`,
  );
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
export function finishPart(outDir: string, input: PartInput): void {
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
