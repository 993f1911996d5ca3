/**
 * Merging search indexes, as Lucene merges segments: the index the site publishes is always
 * one index of exactly the live pages, made from the last build's index and the small indexes
 * Pagefind wrote for the pages that changed (index-build.ts). Pagefind cannot update an index;
 * its files can be (pagefind-files.ts), so the merge writes them:
 *
 *   - pages: the dropped ones (removed, or replaced by a new version) leave, the new ones come
 *     in, numbered without holes (index-pages.ts) — Pagefind's BM25 counts the page list, and a
 *     merged index must rank exactly as one fresh index of the same pages;
 *   - words: a word's list of pages is the old list without the dropped pages, renumbered,
 *     plus the new pages' entries; each page's own locations are copied as Pagefind wrote them;
 *   - chunks: updating in place, only the chunks that hold a word of a dropped, moved or new
 *     page are rewritten (a chunk that grows past twice the chunk size is cut again), the others
 *     kept by name; a full merge streams every source in word order and cuts chunks afresh
 *     (ChunkWriter.add);
 *   - filters, metadata fields and the page list are rewritten whole (they are small).
 * Every file is named by its content, so a kept file keeps its name in readers' caches.
 * docs/search-index.md tells why this design and what it costs.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { INDEX_LANGUAGE } from './index-document.ts';
import type { PageNumbers } from './index-pages.ts';
import {
  contentName,
  readFilter,
  readWords,
  renumberMetaFields,
  updateWords,
  SIGNATURE,
  unpack,
  wordSize,
  writeFilter,
  writeWords,
  type FilterIndex,
  type IndexMeta,
  type IndexWord,
  type MetaChunk,
  type Posting,
  type RawWord,
  type WordUpdate,
} from './pagefind-files.ts';

const gzipAsync = promisify(gzip);

/**
 * Locations per chunk for an index of `pages` pages. A first query loads the chunk list,
 * which shrinks as chunks grow, and a chunk per word, which grows with them: measured
 * (bench/README.md, "One index"), 8,000 is best at 1,000 features and twice that at 5,000;
 * the best size grows about as the square root of the archive.
 */
export function chunkSizeFor(pages: number): number {
  return CHUNK_SIZE * Math.max(1, Math.round(Math.sqrt(pages / 1000)));
}

const CHUNK_SIZE = 8000;

/**
 * Whether an index cut to `size` has grown or shrunk (to `pages` pages) far enough from it to
 * be cut again; with room either side, so an archive near a step is not re-cut every build.
 */
export function needsRecut(size: number, pages: number): boolean {
  const ideal = CHUNK_SIZE * Math.sqrt(Math.max(pages, 1000) / 1000);
  return size > 1.6 * ideal || ideal > 1.6 * size;
}

/** Pagefind's order of words (Rust's String order: UTF-8 bytes, so code points). */
export function compareWords(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (part of a code point above U+FFFF) sorts after every unit from U+E000 on.
    const rank = (unit: number) =>
      unit >= 0xd800 && unit < 0xe000 ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit;
    return rank(x) - rank(y);
  }
  return a.length - b.length;
}

/** An index on disk in Pagefind's layout, and its metadata. */
export interface IndexSource {
  dir: string;
  meta: IndexMeta;
}

/** What a source's pages become in the merged index. */
interface SourceMap {
  source: IndexSource;
  /** Per page of the source: its number in the merged index, or -1 (dropped). */
  pages: ArrayLike<number>;
  /** Per metadata field of the source: its number in the merged index. */
  fields: number[];
}

const renumbersFields = (map: SourceMap) => map.fields.some((field, i) => field !== i);

function readChunk(source: IndexSource, chunk: MetaChunk): IndexWord[] {
  return readWords(unpack(readFileSync(path.join(source.dir, 'index', `${chunk.id}.pf_index`))));
}

function mapPostings(postings: readonly Posting[], map: SourceMap, renumbered: boolean): Posting[] {
  const out: Posting[] = [];
  let ordered = true;
  for (const posting of postings) {
    const page = map.pages[posting.page] ?? -1;
    if (page < 0) continue;
    if (out.length > 0 && page < out.at(-1)!.page) ordered = false;
    const moved = page === posting.page ? posting : { ...posting, page };
    out.push(renumbered ? renumberMetaFields(moved, map.fields) : moved);
  }
  // Pages that moved down into holes come out of order; a list must be in page order.
  return ordered ? out : out.sort((a, b) => a.page - b.page);
}

/** `word` from `map`'s source as it is in the merged index, or undefined when no page of it stays. */
function mapWord(word: IndexWord, map: SourceMap, renumbered = renumbersFields(map)): IndexWord | undefined {
  const pages = mapPostings(word.pages, map, renumbered);
  const variants = word.variants
    .map((variant) => ({ form: variant.form, pages: mapPostings(variant.pages, map, renumbered) }))
    .filter((variant) => variant.pages.length > 0);
  return pages.length > 0 || variants.length > 0 ? { word: word.word, pages, variants } : undefined;
}

/** Two lists of postings, each in page order, as one. */
function mergeSorted(a: readonly Posting[], b: readonly Posting[]): Posting[] {
  const out = new Array<Posting>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]!.page <= b[j]!.page ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** One word from several sources: their pages together, in page order. */
function joinWords(parts: readonly IndexWord[]): IndexWord {
  if (parts.length === 1) return parts[0]!;
  const variants = new Map<string, Posting[]>();
  for (const part of parts)
    for (const v of part.variants) variants.set(v.form, mergeSorted(variants.get(v.form) ?? [], v.pages));
  return {
    word: parts[0]!.word,
    pages: parts.reduce<Posting[]>((pages, part) => mergeSorted(pages, part.pages), []),
    variants: [...variants].map(([form, pages]) => ({ form, pages })),
  };
}

const SIGNATURE_BYTES = new TextEncoder().encode(SIGNATURE);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * Files named by their content, as Pagefind names them, written off the main thread. A name
 * already used by other content (a prefix collision) is made one digit longer.
 */
class NamedFiles {
  private readonly written = new Map<string, Uint8Array>();
  private readonly pending: Promise<void>[] = [];
  private readonly dir: string;
  private readonly extension: string;

  constructor(dir: string, extension: string) {
    this.dir = dir;
    this.extension = extension;
    mkdirSync(dir, { recursive: true });
  }

  write(body: Uint8Array): string {
    for (let digits = 7; ; digits++) {
      const id = contentName(INDEX_LANGUAGE, body, digits);
      const file = path.join(this.dir, `${id}${this.extension}`);
      const mine = this.written.get(id);
      if (mine) {
        if (sameBytes(mine, body)) return id;
        continue;
      }
      if (existsSync(file) && !sameBytes(unpack(readFileSync(file)), body)) continue;
      this.written.set(id, body);
      if (!existsSync(file)) this.pending.push(writePacked(file, body));
      return id;
    }
  }

  async done(): Promise<void> {
    await Promise.all(this.pending);
  }
}

async function writePacked(file: string, body: Uint8Array): Promise<void> {
  const whole = new Uint8Array(SIGNATURE_BYTES.length + body.length);
  whole.set(SIGNATURE_BYTES);
  whole.set(body, SIGNATURE_BYTES.length);
  writeNewFile(file, await gzipAsync(whole, { level: 6 }));
}

/**
 * Write a file whole under its name: written aside and renamed, never rewritten where it is —
 * the index's files are hard-linked into built sites, which must not change under them.
 */
export function writeNewFile(file: string, data: string | Uint8Array): void {
  const partial = `${file}.partial-${process.pid}`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}

/** Writes chunks into `<dir>/index/`, cut as Pagefind cuts them, and lists them. */
class ChunkWriter {
  readonly chunks: MetaChunk[] = [];
  /** Chunks written (not kept). */
  written = 0;
  private words: (IndexWord | RawWord)[] = [];
  private size = 0;
  private readonly files: NamedFiles;
  private readonly chunkSize: number;

  constructor(dir: string, chunkSize: number) {
    this.files = new NamedFiles(path.join(dir, 'index'), '.pf_index');
    this.chunkSize = chunkSize;
  }

  /**
   * Add the next word; with `cut`, a chunk holds at most the chunk size of locations — a word
   * that would take it past starts the next one, and a word larger than that is a chunk of its
   * own. (Pagefind ends a chunk once it has reached the size, so a common word carries the
   * words before it in its chunk: 党建's chunk at 1,000 features was 18 KB, 12 KB of it 党建.)
   */
  add(word: IndexWord | RawWord, cut = true): void {
    const size = wordSize(word);
    if (cut && this.size > 0 && this.size + size > this.chunkSize) this.cut();
    this.words.push(word);
    this.size += size;
    if (cut && this.size >= this.chunkSize) this.cut();
  }

  /** Keep an existing chunk as it is (its file is already in the folder). */
  keep(chunk: MetaChunk): void {
    this.cut();
    this.chunks.push(chunk);
  }

  cut(): void {
    const words = this.words;
    if (words.length === 0) return;
    const body = writeWords(words);
    this.chunks.push({ from: words[0]!.word, to: words.at(-1)!.word, id: this.files.write(body) });
    this.written++;
    this.words = [];
    this.size = 0;
  }

  async done(): Promise<MetaChunk[]> {
    this.cut();
    await this.files.done();
    return this.chunks;
  }
}

/** Words of one source in order, a chunk at a time. */
function* wordsOf(map: SourceMap): Generator<IndexWord> {
  const renumbered = renumbersFields(map);
  for (const chunk of map.source.meta.chunks) {
    for (const word of readChunk(map.source, chunk)) {
      const mapped = mapWord(word, map, renumbered);
      if (mapped) yield mapped;
    }
  }
}

/** Full merge: every source streamed in word order, chunks cut afresh. */
async function mergeAll(maps: readonly SourceMap[], out: ChunkWriter): Promise<MetaChunk[]> {
  const cursors = maps.map((map) => wordsOf(map)).map((words) => ({ words, head: words.next() }));
  for (;;) {
    let first: string | undefined;
    for (const { head } of cursors)
      if (!head.done && (first === undefined || compareWords(head.value.word, first) < 0)) first = head.value.word;
    if (first === undefined) break;
    const parts: IndexWord[] = [];
    for (const cursor of cursors) {
      if (!cursor.head.done && cursor.head.value.word === first) {
        parts.push(cursor.head.value);
        cursor.head = cursor.words.next();
      }
    }
    out.add(joinWords(parts));
  }
  return out.done();
}

/** The chunk of `chunks` (sorted) a word belongs in: the last that starts at or before it. */
function chunkFor(chunks: readonly MetaChunk[], word: string): number {
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (compareWords(chunks[middle]!.from, word) <= 0) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Update in place: the base's chunks that hold no word of a dropped, moved or new page are
 * kept; the others are read, updated and written again. `touched` are the words of the base
 * pages that are dropped or move; `added` the new pages' words, already numbered.
 */
async function mergeInPlace(
  base: SourceMap,
  touched: ReadonlySet<string>,
  added: readonly IndexWord[],
  out: ChunkWriter,
  chunkSize: number,
): Promise<{ chunks: MetaChunk[]; rewritten: number }> {
  const chunks = base.source.meta.chunks;
  const renumbered = renumbersFields(base);
  const dirty = new Set<number>();
  for (const word of touched) dirty.add(chunkFor(chunks, word));
  const addedTo = new Map<number, IndexWord[]>();
  const addedWords = new Set<string>();
  for (const word of added) {
    const at = chunkFor(chunks, word.word);
    dirty.add(at);
    addedTo.set(at, [...(addedTo.get(at) ?? []), word]);
    addedWords.add(word.word);
  }
  // A word of the base that is neither a dropped or moved page's nor a new page's is the same
  // list, on the same page numbers: its bytes are kept as they are. One that is, while no page
  // moves, is spliced: the dropped pages' entries left out, the new ones written in.
  const inOrder = Array.prototype.every.call(base.pages, (page: number, i: number) => page === i || page === -1);
  const addedByWord = new Map(added.map((word) => [word.word, word]));
  const update = (word: string): WordUpdate | undefined => {
    if (renumbered) return undefined;
    const insert = addedByWord.get(word);
    if (!touched.has(word) && !insert) return { keep: true };
    if (!inOrder || (insert && insert.variants.length > 0)) return undefined;
    return { pages: base.pages, inserts: insert?.pages ?? [] };
  };
  for (const [i, chunk] of chunks.entries()) {
    if (!dirty.has(i)) {
      out.keep(chunk);
      continue;
    }
    const words = new Map<string, (IndexWord | RawWord)[]>();
    const body = unpack(readFileSync(path.join(base.source.dir, 'index', `${chunk.id}.pf_index`)));
    const done = new Set<string>();
    for (const word of updateWords(body, update, (decoded) => mapWord(decoded, base, renumbered))) {
      words.set(word.word, [word]);
      if ('bytes' in word && update(word.word) && !('keep' in update(word.word)!)) done.add(word.word);
    }
    // New pages' words: spliced into a word of the chunk already, or joined to it, or new.
    for (const word of addedTo.get(i) ?? []) {
      if (done.has(word.word)) continue;
      words.set(word.word, [...(words.get(word.word) ?? []), word]);
    }
    const merged = [...words.values()]
      .map((parts) => (parts.length === 1 ? parts[0]! : joinWords(parts as IndexWord[])))
      .sort((a, b) => compareWords(a.word, b.word));
    // A chunk that grew past twice the size is cut again; otherwise it stays one chunk.
    const grown = merged.reduce((sum, word) => sum + wordSize(word), 0) >= 2 * chunkSize;
    out.cut();
    for (const word of merged) out.add(word, grown);
    out.cut();
  }
  return { chunks: await out.done(), rewritten: out.written };
}

/** The filters of the merged index: every source's values, renumbered, in Pagefind's order. */
function mergeFilters(maps: readonly SourceMap[]): FilterIndex[] {
  const filters = new Map<string, Map<string, number[]>>();
  for (const map of maps) {
    for (const { id } of map.source.meta.filters) {
      const filter = readFilter(unpack(readFileSync(path.join(map.source.dir, 'filter', `${id}.pf_filter`))));
      const values = filters.get(filter.name) ?? new Map<string, number[]>();
      filters.set(filter.name, values);
      for (const { value, pages } of filter.values) {
        const numbers = pages.map((page) => map.pages[page] ?? -1).filter((page) => page >= 0);
        if (numbers.length > 0) values.set(value, [...(values.get(value) ?? []), ...numbers]);
      }
    }
  }
  return [...filters]
    .sort(([a], [b]) => compareWords(a, b))
    .map(([name, values]) => ({
      name,
      values: [...values]
        .sort(([a], [b]) => compareWords(a, b))
        .map(([value, pages]) => ({ value, pages: pages.sort((a, b) => a - b) })),
    }))
    .filter((filter) => filter.values.length > 0);
}

export interface MergeInput {
  /** The index so far (written by this module), or undefined: the merged index is made anew. */
  base: IndexSource | undefined;
  /** Numbers of the base's pages and the new pages in the merged index (index-pages.ts). */
  numbers: PageNumbers;
  /** Indexes Pagefind wrote for the new pages, in order: their pages are numbers.added, in turn. */
  batches: readonly IndexSource[];
  /**
   * The words of the base pages that are dropped or move, to update in place; undefined
   * (unknown, or too many changes for it to pay) merges everything anew.
   */
  touched: ReadonlySet<string> | undefined;
  chunkSize: number;
}

export interface MergedWords {
  chunks: MetaChunk[];
  filters: { name: string; id: string }[];
  metaFields: string[];
  /** Chunks written (the rest were kept). */
  rewritten: number;
}

/** Merge the words, chunks and filters of `input` into `dir` (the base's own folder, or a new one). */
export async function mergeWords(dir: string, input: MergeInput): Promise<MergedWords> {
  const { base, numbers, batches } = input;
  const metaFields = base ? [...base.meta.metaFields] : [];
  const fieldsOf = (meta: IndexMeta) =>
    meta.metaFields.map((field) => {
      if (!metaFields.includes(field)) metaFields.push(field);
      return metaFields.indexOf(field);
    });
  const baseMap: SourceMap | undefined = base && { source: base, pages: numbers.kept, fields: fieldsOf(base.meta) };
  let next = 0;
  const batchMaps = batches.map((source): SourceMap => {
    const pages = source.meta.pages.map(() => numbers.added[next++] ?? -1);
    return { source, pages, fields: fieldsOf(source.meta) };
  });
  if (next !== numbers.added.length)
    throw new Error(`search index: ${numbers.added.length} new pages, ${next} indexed`);

  // Updating in place, the new pages' words are merged in memory: there are few of them.
  const inPlace = baseMap !== undefined && input.touched !== undefined && base!.meta.chunks.length > 0;
  const addedWords: IndexWord[] = [];
  if (inPlace) for (const map of batchMaps) addedWords.push(...wordsOf(map));

  const out = new ChunkWriter(dir, input.chunkSize);
  let chunks: MetaChunk[];
  let rewritten: number;
  if (inPlace) {
    const merged = new Map<string, IndexWord[]>();
    for (const word of addedWords) merged.set(word.word, [...(merged.get(word.word) ?? []), word]);
    const added = [...merged.values()].map(joinWords);
    ({ chunks, rewritten } = await mergeInPlace(baseMap, input.touched!, added, out, input.chunkSize));
  } else {
    chunks = await mergeAll([...(baseMap ? [baseMap] : []), ...batchMaps], out);
    rewritten = out.written;
  }

  const filterFiles = new NamedFiles(path.join(dir, 'filter'), '.pf_filter');
  const filters = mergeFilters([...(baseMap ? [baseMap] : []), ...batchMaps]).map((filter) => ({
    name: filter.name,
    id: filterFiles.write(writeFilter(filter)),
  }));
  await filterFiles.done();
  return { chunks, filters, metaFields, rewritten };
}
