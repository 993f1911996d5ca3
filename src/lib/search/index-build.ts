/**
 * The search index, build after build: what changed since the last build is indexed by
 * Pagefind into small indexes and merged into the last build's index (index-merge.ts), which
 * is kept in the cache (Astro's cacheDir, node_modules/.astro/zhuanban-search/ — keep it
 * between CI runs) and linked into the site.
 *
 * What changed is decided without reading every built page back: a page whose signature
 * (src/lib/build/incremental-pages.ts: Astro restored it, or would have) is the one it had
 * when it was indexed holds the same article; any other page is read, and indexed again only
 * when its document (index-part.ts) differs. The state in the cache lists every indexed page
 * by number with its signature, document digest and fragment hash; a format key (Pagefind's
 * version, the card layout, the chunk size, this indexer's own code) that differs starts the
 * index afresh. docs/search-index.md tells the design and its figures.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { INDEX_LANGUAGE } from './index-document.ts';
import { chunkSizeFor, mergeWords, needsRecut, writeNewFile, type IndexSource } from './index-merge.ts';
import { numberPages, pageIds } from './index-pages.ts';
import {
  cardFragment,
  pagefindVersion,
  readFragment,
  readPages,
  TEXT_DIR,
  type CardFragment,
  type ReadPage,
} from './index-part.ts';
import { PRIMARY_INDEX_DIR } from './index-plan.ts';
import { contentName, readMeta, readWords, SIGNATURE, unpack, writeMeta, type MetaPage } from './pagefind-files.ts';
import { prefixChunks, PREFIX_CHUNKS_FILE } from './prefix-chunks.ts';

/** Pages per Pagefind run: Pagefind holds a run's whole index in memory (1.4 GB at 1,000 pages). */
export const BATCH_PAGES = 1000;
/** Up to this many pages to read back are read in the build's own process, not a child. */
const READ_HERE = 100;
/**
 * An update touching at most this share of the index (dropped and new pages) rewrites only the
 * chunks that hold their words; a larger one merges the whole index anew (bench/README.md).
 */
const IN_PLACE_SHARE = 0.1;
/** Bumped when the state's or the merged index's layout changes: a different one starts afresh. */
const STATE_FORMAT = 'zhuanban-index-2';
/** The files of this indexer: code that decides what the index holds (a change starts afresh). */
const INDEXER_FILES = [
  'article.ts',
  'blocks.ts',
  'fold.ts',
  'tokens.ts',
  'index-document.ts',
  'index-part.ts',
  'index-pages.ts',
  'index-merge.ts',
  'index-build.ts',
  'pagefind-files.ts',
  'prefix-chunks.ts',
];

export interface StatePage {
  /** The built file (relative to the site) and its URL. */
  file: string;
  url: string;
  /** Digest of the page's document (index-part.ts). */
  digest: string;
  /** Hash of its card fragment: its id (index-pages.ts). */
  hash: string;
  /** Number of card text segments (text/<id>-1.json … the rest). */
  segments: number;
  /** Its signature when it was last read (incremental-pages.ts), if Astro gave one. */
  signature?: string | undefined;
}

export interface IndexState {
  format: string;
  /** The page list's file (pagefind.<id>.pf_meta) of the index. */
  meta: string;
  /** Every page of the index, by number. */
  pages: StatePage[];
  /** Locations per chunk the index was cut to when it was last merged whole (chunkSizeFor). */
  chunkSize: number;
  /** Built files without an article, by signature: not read again while it holds. */
  unindexed: Record<string, string>;
}

export interface SearchIndexOptions {
  /** Where the index is kept between builds (Astro's cacheDir); none: made anew in a temporary folder. */
  cacheDir?: string | undefined;
  /** Built file → signature of what it holds (incremental-pages.ts); a file without one is read. */
  signatures?: ReadonlyMap<string, string> | undefined;
  /** Pages per Pagefind run (BATCH_PAGES). */
  batchPages?: number | undefined;
  /**
   * Runs one step in a child process, so the memory it churns through is given back before
   * Pagefind runs (src/integrations/pagefind.ts); by default in this process.
   */
  readPages?: ReadPagesStep | undefined;
}

export type ReadPagesStep = (
  siteDir: string,
  files: string[],
  staging: string,
  known: Record<string, string>,
) => Promise<{ pages: ReadPage[]; unindexed: string[] }>;

export interface SearchIndexResult {
  /** Pages in the index: those with data-pagefind-body. */
  pageCount: number;
  /** Built pages read back (the rest were known by their signature). */
  read: number;
  /** Pages indexed by Pagefind in this build (new or changed), and pages that left. */
  indexed: number;
  removed: number;
  /** Chunks written; the rest of the index's chunks were kept. */
  rewrittenChunks: number;
  chunks: number;
}

/** A digest of what decides the index's layout: a different one starts the index afresh. */
function formatKey(): string {
  const hash = createHash('sha256').update(`${STATE_FORMAT}\0${pagefindVersion()}\0`);
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const file of INDEXER_FILES) hash.update(readFileSync(path.join(here, file))).update('\0');
  return hash.digest('hex').slice(0, 32);
}

/** Every .html file under `dir` but the asset and index folders, relative, with forward slashes. */
export function htmlFiles(dir: string, prefix = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!prefix && (entry.name === '_astro' || /^pagefind(?:-\d+)?$/u.test(entry.name))) continue;
      files.push(...htmlFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`));
    } else if (entry.name.endsWith('.html')) {
      files.push(`${prefix}${entry.name}`);
    }
  }
  return prefix ? files : files.sort();
}

/** Hard-link (or, across file systems, copy) `from` to `to`. */
function link(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Throw if Pagefind reported any error: a silently partial index is worse than a failed build. */
function assertNoErrors(step: string, errors: readonly string[]): void {
  if (errors.length === 0) return;
  throw new Error(`搜索索引：${step} 失败 / Search index: ${step} failed:\n  ${errors.join('\n  ')}`);
}

/** Index the documents staged in `staging` with Pagefind into `outDir` (a fresh Pagefind process). */
async function pagefindRun(staging: string, outDir: string): Promise<void> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
    assertNoErrors('createIndex', errors);
    if (!index) throw new Error('搜索索引：Pagefind 未能创建索引 / Search index: Pagefind created no index');
    mkdirSync(staging, { recursive: true });
    const added = await index.addDirectory({ path: staging });
    assertNoErrors('addDirectory', added.errors);
    rmSync(outDir, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: outDir });
    assertNoErrors('writeFiles', written.errors);
  } finally {
    // Ending the process hands all of the run's memory back before the next one.
    await pagefind.close();
  }
}

const metaFileOf = (dir: string) => readdirSync(dir).find((name) => name.endsWith('.pf_meta'));

/** An index on disk; Pagefind writes no page list for an index without pages. */
function readIndex(dir: string, metaName = metaFileOf(dir)): IndexSource {
  if (!metaName) {
    const empty = { pages: [], chunks: [], filters: [], sorts: Uint8Array.of(0x80), metaFields: [] };
    return { dir, meta: { version: pagefindVersion(), ...empty } };
  }
  return { dir, meta: readMeta(unpack(readFileSync(path.join(dir, metaName)))) };
}

/** What one Pagefind run added: its index, and per page its card fragment. */
interface Batch {
  source: IndexSource;
  fragments: CardFragment[];
}

/**
 * A Pagefind run's pages as the index keeps them: card fragments, and the words of each page
 * written to the cache (for a later update in place to find the chunks that hold them).
 */
function finishBatch(dir: string, cards: ReadonlyMap<string, ReadPage>, root: string): Batch {
  const source = readIndex(dir);
  const fragments = source.meta.pages.map((page) => {
    const fragment = readFragment(path.join(dir, 'fragment', `${page.id}.pf_fragment`));
    const card = cards.get(String(fragment['url']))?.card;
    if (!card)
      throw new Error(
        `搜索索引：片段 ${page.id} 对应不到任何文章 / Search index: fragment ${page.id} matches no article`,
      );
    return cardFragment(fragment, card);
  });
  const words: string[][] = source.meta.pages.map(() => []);
  for (const chunk of source.meta.chunks) {
    for (const { word, pages } of readWords(unpack(readFileSync(path.join(dir, 'index', `${chunk.id}.pf_index`))))) {
      for (const posting of pages) words[posting.page]?.push(word);
    }
  }
  fragments.forEach((fragment, i) => {
    writeWordsFile(root, fragment.hash, words[i] ?? []);
  });
  return { source, fragments };
}

const wordsFile = (root: string, hash: string) => path.join(root, 'words', hash.slice(0, 2), hash);

function writeWordsFile(root: string, hash: string, words: readonly string[]): void {
  const file = wordsFile(root, hash);
  mkdirSync(path.dirname(file), { recursive: true });
  writeNewFile(file, gzipSync(words.join('\n'), { level: 1 }));
}

function readWordsFile(root: string, hash: string): string[] | undefined {
  const file = wordsFile(root, hash);
  return existsSync(file) ? gunzipSync(readFileSync(file)).toString('utf8').split('\n') : undefined;
}

function loadState(root: string, format: string): IndexState | undefined {
  try {
    const state = JSON.parse(readFileSync(path.join(root, 'state.json'), 'utf8')) as IndexState;
    return state.format === format && existsSync(path.join(root, 'index', state.meta)) ? state : undefined;
  } catch {
    return undefined;
  }
}

function saveState(root: string, state: IndexState): void {
  const partial = path.join(root, `state.json.partial-${process.pid}`);
  writeFileSync(partial, JSON.stringify(state));
  renameSync(partial, path.join(root, 'state.json'));
}

/** The files of the index `state` describes, relative to its folder. */
function indexFiles(state: IndexState, meta: IndexSource['meta']): string[] {
  const ids = pageIds(state.pages.map((page) => page.hash));
  return [
    state.meta,
    PREFIX_CHUNKS_FILE,
    ...meta.chunks.map((chunk) => `index/${chunk.id}.pf_index`),
    ...meta.filters.map((filter) => `filter/${filter.id}.pf_filter`),
    ...state.pages.flatMap((page, i) => [
      `fragment/${ids[i]}.pf_fragment`,
      ...Array.from({ length: page.segments - 1 }, (_, k) => `${TEXT_DIR}/${ids[i]}-${k + 1}.json`),
    ]),
  ];
}

/** Pagefind's own files (its scripts, WebAssembly, styles): the same for every index of a version. */
const isStaticFile = (name: string) =>
  !name.endsWith('.pf_meta') && name !== 'pagefind-entry.json' && name !== PREFIX_CHUNKS_FILE;

function entryJson(metaName: string, pageCount: number, includeCharacters: unknown): string {
  const hash = metaName.replace(/^pagefind\.|\.pf_meta$/gu, '');
  return JSON.stringify({
    version: pagefindVersion(),
    languages: { [INDEX_LANGUAGE]: { hash, wasm: null, page_count: pageCount } },
    include_characters: includeCharacters,
  });
}

/**
 * Index every feature page under `siteDir` into `<siteDir>/pagefind/`, from the cache's index
 * of the last build when there is one.
 */
export async function buildSearchIndex(siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const format = formatKey();
  const temporary = options.cacheDir === undefined;
  const root = options.cacheDir
    ? path.join(options.cacheDir, 'zhuanban-search')
    : path.join(os.tmpdir(), `zhuanban-search-${process.pid}-${Date.now()}`);
  const indexDir = path.join(root, 'index');
  const work = path.join(root, `work-${process.pid}`);
  const batchPages = options.batchPages ?? BATCH_PAGES;
  const read = options.readPages ?? readPages;
  try {
    let state = loadState(root, format);
    if (!state) {
      for (const dir of ['index', 'words', 'state.json'])
        rmSync(path.join(root, dir), { recursive: true, force: true });
    }
    const signatures = options.signatures ?? new Map<string, string>();
    const files = htmlFiles(siteDir);
    const known = new Map((state?.pages ?? []).map((page) => [page.file, page]));
    const unchanged = (file: string) => {
      const signature = signatures.get(file);
      return (
        signature !== undefined && (known.get(file)?.signature === signature || state?.unindexed[file] === signature)
      );
    };
    const toRead = files.filter((file) => !unchanged(file));
    const digests = Object.fromEntries((state?.pages ?? []).map((page) => [page.url, page.digest]));

    // Read what may have changed, a batch at a time: each batch's changed pages are one Pagefind run.
    const readByFile = new Map<string, ReadPage>();
    const unindexed: Record<string, string> = {};
    const stagings: string[] = [];
    for (let from = 0; from < toRead.length; from += batchPages) {
      const staging = path.join(work, `staging-${stagings.length}`);
      const files = toRead.slice(from, from + batchPages);
      // A few pages (an edit's) are read here: a child process would cost more than it saves.
      const step = files.length <= READ_HERE ? readPages : read;
      const result = await step(siteDir, files, staging, digests);
      for (const page of result.pages) readByFile.set(page.file, page);
      for (const file of result.unindexed) {
        const signature = signatures.get(file);
        if (signature) unindexed[file] = signature;
      }
      if (result.pages.some((page) => page.card)) stagings.push(staging);
    }
    for (const file of files) if (unchanged(file) && state?.unindexed[file]) unindexed[file] = state.unindexed[file];

    const present = new Set(files);
    const stays = (page: StatePage) =>
      present.has(page.file) &&
      (unchanged(page.file) || (readByFile.has(page.file) && !readByFile.get(page.file)!.card));
    const base = state && readIndex(indexDir, state.meta);
    const dropped = new Set((state?.pages ?? []).flatMap((page, i) => (stays(page) ? [] : [i])));
    const changedPages = [...readByFile.values()].filter((page) => page.card);
    const refreshed = (page: StatePage): StatePage => ({ ...page, signature: signatures.get(page.file) });

    if (state && base && dropped.size === 0 && changedPages.length === 0) {
      const next = { ...state, pages: state.pages.map(refreshed), unindexed };
      if (JSON.stringify(next) !== JSON.stringify(state)) saveState(root, next);
      state = next;
      publish(siteDir, indexDir, state, base.meta);
      return result(state, toRead.length, 0, 0, 0, base.meta.chunks.length);
    }

    // Pagefind indexes each staged batch; an index with no pages yet still needs its files.
    const batches: Batch[] = [];
    const cards = new Map(changedPages.map((page) => [page.url, page]));
    for (const [k, staging] of (stagings.length > 0 || base ? stagings : [path.join(work, 'empty')]).entries()) {
      const out = path.join(work, `batch-${k}`);
      await pagefindRun(staging, out);
      rmSync(staging, { recursive: true, force: true });
      batches.push(finishBatch(out, cards, root));
    }

    const added = batches.flatMap((batch) => batch.fragments);
    const numbers = numberPages(state?.pages.length ?? 0, dropped, added.length);
    const moved = (state?.pages ?? []).filter((_, i) => numbers.kept[i]! >= 0 && numbers.kept[i] !== i);
    const leaving = [...dropped].map((i) => state!.pages[i]!);
    const changes = dropped.size + added.length;
    let touched: Set<string> | undefined;
    const inPlace =
      state !== undefined &&
      changes <= Math.max(1, IN_PLACE_SHARE * state.pages.length) &&
      !needsRecut(state.chunkSize, numbers.total);
    if (inPlace) {
      touched = new Set();
      for (const page of [...leaving, ...moved]) {
        const words = readWordsFile(root, page.hash);
        if (!words) {
          touched = undefined;
          break;
        }
        for (const word of words) touched.add(word);
      }
    }
    mkdirSync(indexDir, { recursive: true });
    // Updated in place, chunks keep the size they were cut to; merged whole, the size for the archive now.
    const chunkSize = touched && state ? state.chunkSize : chunkSizeFor(numbers.total);
    const merged = await mergeWords(indexDir, {
      base,
      numbers,
      batches: batches.map((batch) => batch.source),
      touched,
      chunkSize,
    });

    // The page list, by number: pages that stay keep their entry, new ones come from their run.
    const pages = new Array<StatePage>(numbers.total);
    const entries = new Array<MetaPage>(numbers.total);
    state?.pages.forEach((page, i) => {
      const at = numbers.kept[i]!;
      if (at < 0) return;
      pages[at] = refreshed(page);
      entries[at] = base!.meta.pages[i]!;
    });
    const byUrl = new Map(changedPages.map((page) => [page.url, page]));
    let next = 0;
    for (const batch of batches) {
      batch.fragments.forEach((fragment, i) => {
        const at = numbers.added[next++]!;
        const page = byUrl.get(fragment.url)!;
        pages[at] = {
          file: page.file,
          url: page.url,
          digest: page.digest,
          hash: fragment.hash,
          segments: fragment.segments.length + 1,
          signature: signatures.get(page.file),
        };
        entries[at] = batch.source.meta.pages[i]!;
      });
    }
    const oldPages = state?.pages ?? [];
    const oldIds = new Map(pageIds(oldPages.map((page) => page.hash)).map((id, i) => [oldPages[i]!.hash, id]));
    const ids = pageIds(pages.map((page) => page.hash));

    // Fragments and card text: new pages' written, kept pages' renamed where their id grew.
    mkdirSync(path.join(indexDir, 'fragment'), { recursive: true });
    mkdirSync(path.join(indexDir, TEXT_DIR), { recursive: true });
    const fragmentOf = new Map(added.map((fragment) => [fragment.hash, fragment]));
    pages.forEach((page, at) => {
      const id = ids[at]!;
      const fragment = fragmentOf.get(page.hash);
      if (fragment) {
        writeNewFile(
          path.join(indexDir, 'fragment', `${id}.pf_fragment`),
          gzipSync(`${SIGNATURE}${fragment.json}`, { level: 9 }),
        );
        fragment.segments.forEach((segment, k) => {
          writeNewFile(path.join(indexDir, TEXT_DIR, `${id}-${k + 1}.json`), segment);
        });
        return;
      }
      const old = oldIds.get(page.hash);
      if (old && old !== id) {
        link(
          path.join(indexDir, 'fragment', `${old}.pf_fragment`),
          path.join(indexDir, 'fragment', `${id}.pf_fragment`),
        );
        for (let k = 1; k < page.segments; k++)
          link(path.join(indexDir, TEXT_DIR, `${old}-${k}.json`), path.join(indexDir, TEXT_DIR, `${id}-${k}.json`));
      }
    });

    const template = batches[0]?.source ?? base!;
    const meta = {
      ...template.meta,
      // Word counts serve only BM25's length normalisation, which the search page turns off
      // (ranking.ts, RANKING.pageLength 0): one for every page, 12 KB less for every reader at 5,000 features.
      pages: entries.map((entry, i) => ({ ...entry, id: ids[i]!, wordCount: 1 })),
      chunks: merged.chunks,
      filters: merged.filters,
      metaFields: merged.metaFields,
    };
    const metaBody = writeMeta(meta);
    const metaName = `pagefind.${contentName(INDEX_LANGUAGE, metaBody, 11)}.pf_meta`;
    writeNewFile(path.join(indexDir, metaName), gzipSync(Buffer.concat([Buffer.from(SIGNATURE), metaBody])));
    writeNewFile(path.join(indexDir, PREFIX_CHUNKS_FILE), JSON.stringify(prefixChunks(meta.chunks)));
    const includeCharacters = (
      JSON.parse(readFileSync(path.join(template.dir, 'pagefind-entry.json'), 'utf8')) as {
        include_characters: unknown;
      }
    ).include_characters;
    if (batches[0]) {
      for (const name of readdirSync(batches[0].source.dir, { withFileTypes: true })) {
        if (name.isFile() && isStaticFile(name.name))
          writeNewFile(path.join(indexDir, name.name), readFileSync(path.join(batches[0].source.dir, name.name)));
      }
    }
    writeNewFile(path.join(indexDir, 'pagefind-entry.json'), entryJson(metaName, numbers.total, includeCharacters));

    const previous = state && base ? new Set(indexFiles(state, base.meta)) : new Set<string>();
    const nextState: IndexState = { format, meta: metaName, pages, chunkSize, unindexed };
    saveState(root, nextState);
    // What the last index had and this one has not: its files, and the words of pages that left.
    for (const file of indexFiles(nextState, meta)) previous.delete(file);
    for (const file of previous) rmSync(path.join(indexDir, file), { force: true });
    const staying = new Set(pages.map((page) => page.hash));
    for (const page of leaving) if (!staying.has(page.hash)) rmSync(wordsFile(root, page.hash), { force: true });

    publish(siteDir, indexDir, nextState, meta);
    const removed = leaving.filter((page) => !cards.has(page.url)).length;
    return result(nextState, toRead.length, added.length, removed, merged.rewritten, meta.chunks.length);
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (temporary) rmSync(root, { recursive: true, force: true });
  }
}

function result(
  state: IndexState,
  read: number,
  indexed: number,
  removed: number,
  rewrittenChunks: number,
  chunks: number,
): SearchIndexResult {
  return { pageCount: state.pages.length, read, indexed, removed, rewrittenChunks, chunks };
}

/** Link the index `state` describes into `<siteDir>/pagefind/`. */
function publish(siteDir: string, indexDir: string, state: IndexState, meta: IndexSource['meta']): void {
  const out = path.join(siteDir, PRIMARY_INDEX_DIR);
  rmSync(out, { recursive: true, force: true });
  for (const dir of ['index', 'filter', 'fragment', TEXT_DIR]) mkdirSync(path.join(out, dir), { recursive: true });
  for (const name of readdirSync(indexDir, { withFileTypes: true })) {
    if (name.isFile() && (isStaticFile(name.name) || name.name === 'pagefind-entry.json'))
      link(path.join(indexDir, name.name), path.join(out, name.name));
  }
  for (const file of indexFiles(state, meta)) link(path.join(indexDir, file), path.join(out, file));
}
