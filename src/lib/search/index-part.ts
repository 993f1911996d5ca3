/**
 * The pages of the search index, around what Pagefind does with them (index-build.ts):
 *
 *   - before: a built feature page is read (article.ts) into its document for Pagefind
 *     (index-document.ts), written to a staging folder, and a digest of the document, so a
 *     page rendered again with the same article is not indexed again;
 *   - after: Pagefind's fragment for the page — which holds our index words, the article two
 *     and a half times over — is rewritten to hold what a result card shows (the metadata and
 *     the first segment of the article text, card.ts); the other segments go beside it in
 *     text/. The rewritten fragment's hash names the page (index-pages.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { readArticle } from './article.ts';
import { indexDocument, type CardBlock, type CardData } from './index-document.ts';
import { PRIMARY_INDEX_DIR } from './index-plan.ts';
import { SIGNATURE } from './pagefind-files.ts';

/** Folder for card text segments 1, 2 … in the index. */
export const TEXT_DIR = 'text';

/** The installed Pagefind's version (its package.json is not exported, so it is found from the entry point). */
export function pagefindVersion(): string {
  const packageJson = path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json');
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

/** The URL path a built file is served at: features/a/index.html → /features/a/. */
export function urlOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/u, '$1')}`;
}

/**
 * A page's card text: where each segment starts, and each segment as JSON. Kept serialised:
 * the text itself would be slices of the page's HTML and keep all of it alive.
 */
export interface CardText {
  starts: number[];
  json: string[];
}

export interface ReadPage {
  /** The built file, relative to the site. */
  file: string;
  url: string;
  /** A digest of the page's document and card text: what the index holds of the page. */
  digest: string;
  /** The card text, when the page is to be indexed (its digest is not the one known). */
  card?: CardText;
}

export interface ReadResult {
  /** Pages with an article (data-pagefind-body). */
  pages: ReadPage[];
  /** Pages without one (lists, the home page): never in the index. */
  unindexed: string[];
}

/**
 * Read built pages one at a time: a page with an article whose digest is not `known[url]`
 * gets its document written to `staging` (at the page's path, so Pagefind gives it the same
 * URL) and its card text kept; the indexer's own memory stays small whatever the number.
 */
export async function readPages(
  siteDir: string,
  files: readonly string[],
  staging: string,
  known: Readonly<Record<string, string>>,
): Promise<ReadResult> {
  const result: ReadResult = { pages: [], unindexed: [] };
  for (const file of files) {
    const record = readArticle(await readFile(path.join(siteDir, file), 'utf8'), urlOf(file));
    if (!record) {
      result.unindexed.push(file);
      continue;
    }
    const document = indexDocument(record);
    const segments = document.segments.map((segment) => JSON.stringify(segment));
    const digest = createHash('sha256')
      .update(`${record.url}\0${document.html}\0${segments.join('\0')}`)
      .digest('hex')
      .slice(0, 32);
    if (known[record.url] === digest) {
      result.pages.push({ file, url: record.url, digest });
      continue;
    }
    const target = path.join(staging, ...record.url.split('/').filter(Boolean), 'index.html');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, document.html);
    const card = { starts: document.segments.map((segment) => segment[0]?.[0] ?? 0), json: segments };
    result.pages.push({ file, url: record.url, digest, card });
  }
  return result;
}

/**
 * A fragment Pagefind wrote, without its content: our index words, most of the file, which
 * hold no quote or backslash (tokens.ts) and so end at the next quote — cut out unparsed.
 */
export function readFragment(file: string): Record<string, unknown> {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  const start = text.indexOf('"content":"');
  const end = start < 0 ? -1 : text.indexOf('"', start + '"content":"'.length);
  const json = end < 0 ? text.slice(SIGNATURE.length) : `${text.slice(SIGNATURE.length, start)}${text.slice(end + 2)}`;
  return JSON.parse(json) as Record<string, unknown>;
}

/** What the index keeps of a page: its card fragment (JSON) and the card's further text segments. */
export interface CardFragment {
  url: string;
  json: string;
  /** Segments 1, 2 …: text/<id>-1.json … */
  segments: string[];
  /** The hash (hex) of the fragment and its segments: names the page (index-pages.ts). */
  hash: string;
}

/** Pagefind's fragment for a page rewritten to the card: metadata and filters kept, index words out, card text in. */
export function cardFragment(fragment: Record<string, unknown>, card: CardText): CardFragment {
  const [first = '[]', ...segments] = card.json;
  const data: CardData = { part: PRIMARY_INDEX_DIR, segments: card.starts, blocks: JSON.parse(first) as CardBlock[] };
  const json = JSON.stringify({ ...fragment, content: '', anchors: [], zhuanban: data });
  // The further segments too: a page's files are named by its id, and readers cache them for a year.
  const hash = createHash('sha256')
    .update([json, ...segments].join('\0'))
    .digest('hex');
  return { url: String(fragment['url']), json, segments, hash };
}
