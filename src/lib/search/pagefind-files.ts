/**
 * Pagefind's index files, read and written as Pagefind 1.6 lays them out, so that the indexer
 * can merge indexes Pagefind wrote into one (index-merge.ts) without asking Pagefind to hold
 * the whole archive in memory:
 *
 *   pagefind.<id>.pf_meta   [version, pages, chunks, filters, sorts, meta fields]
 *                           page:  [page id, word count, …]   chunk: [first word, last word, id]
 *   index/<id>.pf_index     [[word, [[page delta, locations, meta locations], …], variants], …]
 *   filter/<id>.pf_filter   [filter, [[value, [page, …]], …]]
 *
 * Every file is gzipped after a 12-byte signature, its body CBOR (RFC 8949; what minicbor
 * writes: integers, text, definite arrays). Page numbers are delta-coded within a word's list;
 * a page's locations are its own (weights and positions, delta-coded within the page) and are
 * carried over as they are, bytes untouched: only page numbers change when indexes merge.
 * Checked against pagefind/src/index/*.rs and pagefind_web/src/{index,metadata,filter_index}.rs.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/** Pagefind's signature at the start of every decompressed file it writes. */
export const SIGNATURE = 'pagefind_dcd';
const SIGNATURE_BYTES = new TextEncoder().encode(SIGNATURE);

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** A CBOR reader over one file's body. */
export class CborReader {
  offset = 0;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  head(): [major: number, value: number] {
    const initial = this.bytes[this.offset++] ?? 0;
    const major = initial >> 5;
    const info = initial & 31;
    if (info < 24) return [major, info];
    const length = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (length === 0) throw new Error(`CBOR: unsupported item (${initial}) at byte ${this.offset - 1}`);
    let value = 0;
    for (let i = 0; i < length; i++) value = value * 256 + (this.bytes[this.offset++] ?? 0);
    return [major, value];
  }

  private expect(major: number, what: string): number {
    const at = this.offset;
    const [found, value] = this.head();
    if (found !== major) throw new Error(`CBOR: expected ${what} at byte ${at}, found major type ${found}`);
    return value;
  }

  array(): number {
    return this.expect(4, 'an array');
  }

  uint(): number {
    return this.expect(0, 'an unsigned integer');
  }

  int(): number {
    const [major, value] = this.head();
    if (major === 0) return value;
    if (major === 1) return -1 - value;
    throw new Error(`CBOR: expected an integer, found major type ${major}`);
  }

  text(): string {
    const length = this.expect(3, 'text');
    const text = decoder.decode(this.bytes.subarray(this.offset, this.offset + length));
    this.offset += length;
    return text;
  }

  /** Skip one item, whatever it holds. */
  skip(): void {
    const [major, value] = this.head();
    if (major === 2 || major === 3) this.offset += value;
    else if (major === 4) for (let i = 0; i < value; i++) this.skip();
    else if (major === 5) for (let i = 0; i < value * 2; i++) this.skip();
    else if (major === 6) this.skip();
  }

  /** Skip `count` integers (locations: most of an index), reading only their heads. */
  skipIntegers(count: number): void {
    const bytes = this.bytes;
    let offset = this.offset;
    for (let i = 0; i < count; i++) {
      const info = (bytes[offset] ?? 0) & 31;
      offset += info < 24 ? 1 : info === 24 ? 2 : info === 25 ? 3 : info === 26 ? 5 : 9;
    }
    this.offset = offset;
  }

  /** The next item's bytes, as they are. */
  raw(): Uint8Array {
    const start = this.offset;
    this.skip();
    return this.bytes.subarray(start, this.offset);
  }
}

/** A CBOR writer: minimal-length heads, as minicbor writes them. */
export class CborWriter {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + bytes) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  head(major: number, value: number): this {
    this.reserve(9);
    const type = major << 5;
    if (value < 24) this.buffer[this.length++] = type | value;
    else if (value < 0x100) {
      this.buffer[this.length++] = type | 24;
      this.buffer[this.length++] = value;
    } else if (value < 0x10000) {
      this.buffer[this.length++] = type | 25;
      this.buffer[this.length++] = value >> 8;
      this.buffer[this.length++] = value & 0xff;
    } else {
      this.buffer[this.length++] = type | 26;
      for (let shift = 24; shift >= 0; shift -= 8) this.buffer[this.length++] = (value >>> shift) & 0xff;
    }
    return this;
  }

  array(length: number): this {
    return this.head(4, length);
  }

  uint(value: number): this {
    if (!(value >= 0)) throw new Error(`CBOR: ${value} is not an unsigned integer`);
    return this.head(0, value);
  }

  int(value: number): this {
    return value >= 0 ? this.head(0, value) : this.head(1, -1 - value);
  }

  text(value: string): this {
    const bytes = encoder.encode(value);
    this.head(3, bytes.length);
    return this.raw(bytes);
  }

  raw(bytes: Uint8Array): this {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  /** Copy `source[start, end)`: byte by byte, as the ranges are short and a view per range costs more. */
  range(source: Uint8Array, start: number, end: number): this {
    this.reserve(end - start);
    const buffer = this.buffer;
    let at = this.length;
    for (let i = start; i < end; i++) buffer[at++] = source[i] ?? 0;
    this.length = at;
    return this;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** A Pagefind file's body: gunzipped, signature checked and removed. */
export function unpack(file: Uint8Array): Uint8Array {
  const body = gunzipSync(file);
  if (decoder.decode(body.subarray(0, SIGNATURE.length)) !== SIGNATURE)
    throw new Error('Pagefind file without its signature');
  return body.subarray(SIGNATURE.length);
}

/** A body as Pagefind stores it: signature, then gzip. */
export function pack(body: Uint8Array): Buffer {
  const whole = new Uint8Array(SIGNATURE_BYTES.length + body.length);
  whole.set(SIGNATURE_BYTES);
  whole.set(body, SIGNATURE_BYTES.length);
  return gzipSync(whole, { level: 6 });
}

/**
 * A file's name from its body, as Pagefind names them: the index language, an underscore and
 * the first `length` hex digits of a hash of the content. Content-addressed, so a file that
 * did not change keeps its name and its place in every browser's cache.
 */
export function contentName(language: string, body: Uint8Array | string, length = 7): string {
  return `${language}_${createHash('sha256').update(body).digest('hex').slice(0, length)}`;
}

export interface MetaPage {
  /** The page id: its fragment is fragment/<id>.pf_fragment. */
  id: string;
  wordCount: number;
  /** Any further fields of the entry, as they were. */
  rest: Uint8Array[];
}

export interface MetaChunk {
  /** The first and last word of the chunk (Pagefind loads it for any word between them). */
  from: string;
  to: string;
  id: string;
}

export interface MetaFilter {
  name: string;
  id: string;
}

export interface IndexMeta {
  version: string;
  pages: MetaPage[];
  chunks: MetaChunk[];
  filters: MetaFilter[];
  /** Sorts (data-pagefind-sort), as they were: the site defines none. */
  sorts: Uint8Array;
  metaFields: string[];
}

export function readMeta(body: Uint8Array): IndexMeta {
  const reader = new CborReader(body);
  const fields = reader.array();
  if (fields < 5) throw new Error('pf_meta: not a Pagefind 1.x metadata file');
  const version = reader.text();
  const pages = Array.from({ length: reader.array() }, (): MetaPage => {
    const length = reader.array();
    const id = reader.text();
    const wordCount = reader.uint();
    return { id, wordCount, rest: Array.from({ length: length - 2 }, () => reader.raw()) };
  });
  const chunks = Array.from({ length: reader.array() }, (): MetaChunk => {
    reader.array();
    return { from: reader.text(), to: reader.text(), id: reader.text() };
  });
  const filters = Array.from({ length: reader.array() }, (): MetaFilter => {
    reader.array();
    return { name: reader.text(), id: reader.text() };
  });
  const sorts = reader.raw();
  const metaFields = fields > 5 ? Array.from({ length: reader.array() }, () => reader.text()) : [];
  return { version, pages, chunks, filters, sorts, metaFields };
}

export function writeMeta(meta: IndexMeta): Uint8Array {
  const writer = new CborWriter().array(6).text(meta.version);
  writer.array(meta.pages.length);
  for (const page of meta.pages) {
    writer
      .array(2 + page.rest.length)
      .text(page.id)
      .uint(page.wordCount);
    for (const field of page.rest) writer.raw(field);
  }
  writer.array(meta.chunks.length);
  for (const chunk of meta.chunks) writer.array(3).text(chunk.from).text(chunk.to).text(chunk.id);
  writer.array(meta.filters.length);
  for (const filter of meta.filters) writer.array(2).text(filter.name).text(filter.id);
  writer.raw(meta.sorts);
  writer.array(meta.metaFields.length);
  for (const field of meta.metaFields) writer.text(field);
  return writer.bytes();
}

/**
 * One page in a word's list: where the word is on it, as Pagefind encoded it — the bytes
 * `source[start, end)` hold its locations array (weights and positions) and, from `metaAt`,
 * its metadata locations array (absent in old indexes: then metaAt = end). Offsets, not
 * copies: an index has millions of these.
 */
export interface Posting {
  /** The page number (absolute). */
  page: number;
  source: Uint8Array;
  start: number;
  metaAt: number;
  end: number;
  /** Pagefind's measure of the entry, for cutting chunks: locations + metadata locations + 1. */
  size: number;
}

export interface IndexWord {
  word: string;
  pages: Posting[];
  /** Spellings with diacritics (index-document.ts writes none; metadata may): [form, pages]. */
  variants: { form: string; pages: Posting[] }[];
}

function readPostings(reader: CborReader): Posting[] {
  let page = 0;
  const count = reader.array();
  const postings = new Array<Posting>(count);
  for (let p = 0; p < count; p++) {
    const fields = reader.array();
    page += reader.uint();
    const start = reader.offset;
    const locCount = reader.array();
    reader.skipIntegers(locCount);
    const metaAt = reader.offset;
    let metaCount = 0;
    if (fields >= 3) {
      metaCount = reader.array();
      reader.skipIntegers(metaCount);
    }
    const end = reader.offset;
    for (let i = 3; i < fields; i++) reader.skip();
    postings[p] = { page, source: reader.bytes, start, metaAt, end, size: locCount + metaCount + 1 };
  }
  return postings;
}

function writePostings(writer: CborWriter, pages: readonly Posting[]): void {
  writer.array(pages.length);
  let last = 0;
  for (const posting of pages) {
    if (posting.page < last) throw new Error(`search index: page ${posting.page} after page ${last} in a word's list`);
    writer.array(posting.metaAt < posting.end ? 3 : 2).uint(posting.page - last);
    last = posting.page;
    writer.range(posting.source, posting.start, posting.end);
  }
}

/** A word of a chunk kept as the bytes it was written in: nothing in it changes. */
export interface RawWord {
  word: string;
  bytes: Uint8Array;
  /** Pagefind's measure of it (wordSize). */
  size: number;
}

/** Skip a list of postings, returning Pagefind's measure of it. */
function skipPostings(reader: CborReader): number {
  let size = 0;
  const count = reader.array();
  for (let p = 0; p < count; p++) {
    const fields = reader.array();
    reader.uint();
    for (let f = 1; f < fields; f++) {
      const length = reader.array();
      reader.skipIntegers(length);
      if (f <= 2) size += length;
    }
    size += 1;
  }
  return size;
}

/**
 * A word's postings, renumbered and spliced without decoding them: `pages[p]` is page p's new
 * number (-1: dropped), which must keep the kept pages in order; `inserts` (in page order) are
 * written among them. Each page's locations are copied as bytes. Returns the word as it is
 * now, null when no page of it is left, or undefined when it has spellings with diacritics
 * (their own lists of pages), which only a decoded word can renumber.
 */
function spliceWord(
  reader: CborReader,
  fields: number,
  word: string,
  pages: ArrayLike<number>,
  inserts: readonly Posting[],
): RawWord | null | undefined {
  const body = reader.bytes;
  const postings = new CborWriter();
  let count = 0;
  let size = 0;
  let last = 0;
  let next = 0;
  const insertBefore = (page: number) => {
    while (next < inserts.length && inserts[next]!.page < page) {
      const posting = inserts[next++]!;
      postings.array(posting.metaAt < posting.end ? 3 : 2).uint(posting.page - last);
      postings.range(posting.source, posting.start, posting.end);
      last = posting.page;
      size += posting.size;
      count++;
    }
  };
  let page = 0;
  const total = reader.array();
  for (let p = 0; p < total; p++) {
    const postingFields = reader.array();
    page += reader.uint();
    const locsAt = reader.offset;
    let postingSize = 1;
    for (let f = 1; f < postingFields; f++) {
      const length = reader.array();
      reader.skipIntegers(length);
      if (f <= 2) postingSize += length;
    }
    const to = pages[page] ?? -1;
    if (to < 0) continue;
    if (to < last) throw new Error(`search index: page ${to} after ${last} in ${word}: out of order`);
    insertBefore(to);
    postings.array(postingFields).uint(to - last);
    postings.range(body, locsAt, reader.offset);
    last = to;
    size += postingSize;
    count++;
  }
  insertBefore(Infinity);
  const variantsAt = reader.offset;
  for (let i = 2; i < fields; i++) reader.skip();
  if (fields >= 3 && body[variantsAt] !== 0x80) return undefined;
  if (count === 0) return null;
  const out = new CborWriter().array(fields).text(word).array(count).raw(postings.bytes());
  out.range(body, variantsAt, reader.offset);
  return { word, bytes: out.bytes().slice(), size };
}

/** What an update does with one word of a chunk it rewrites. */
export type WordUpdate =
  /** Nothing of it changes: its bytes are kept. */
  | { keep: true }
  /** Its pages are renumbered by `pages` (in order), `inserts` written among them. */
  | { pages: ArrayLike<number>; inserts: readonly Posting[] };

/**
 * The words of a chunk as an update leaves them: kept ones as their bytes, spliced ones
 * rewritten without being decoded (spliceWord), and the rest decoded, for `decoded` to map.
 */
export function updateWords(
  body: Uint8Array,
  update: (word: string) => WordUpdate | undefined,
  decoded: (word: IndexWord) => IndexWord | undefined,
): (IndexWord | RawWord)[] {
  const reader = new CborReader(body);
  reader.array();
  const out: (IndexWord | RawWord)[] = [];
  for (let count = reader.array(); count > 0; count--) {
    const start = reader.offset;
    const fields = reader.array();
    const word = reader.text();
    const how = update(word);
    if (how && 'keep' in how) {
      const size = skipPostings(reader);
      for (let i = 2; i < fields; i++) reader.skip();
      out.push({ word, bytes: body.subarray(start, reader.offset), size });
      continue;
    }
    if (how) {
      const spliced = spliceWord(reader, fields, word, how.pages, how.inserts);
      if (spliced) out.push(spliced);
      if (spliced !== undefined) continue;
    }
    reader.offset = start;
    const mapped = decoded(readWord(reader));
    if (mapped) out.push(mapped);
  }
  return out;
}

function readWord(reader: CborReader): IndexWord {
  const fields = reader.array();
  const word = reader.text();
  const pages = readPostings(reader);
  const variants =
    fields >= 3
      ? Array.from({ length: reader.array() }, () => {
          reader.array();
          return { form: reader.text(), pages: readPostings(reader) };
        })
      : [];
  for (let i = 3; i < fields; i++) reader.skip();
  return { word, pages, variants };
}

export function readWords(body: Uint8Array): IndexWord[] {
  const reader = new CborReader(body);
  reader.array();
  return Array.from({ length: reader.array() }, () => readWord(reader));
}

export function writeWords(words: readonly (IndexWord | RawWord)[]): Uint8Array {
  const writer = new CborWriter().array(1).array(words.length);
  for (const entry of words) {
    if ('bytes' in entry) {
      writer.raw(entry.bytes);
      continue;
    }
    const { word, pages, variants } = entry;
    writer.array(3).text(word);
    writePostings(writer, pages);
    writer.array(variants.length);
    for (const variant of variants) {
      writer.array(2).text(variant.form);
      writePostings(writer, variant.pages);
    }
  }
  return writer.bytes();
}

/** Pagefind's measure of a word's postings, for cutting chunks (pagefind/src/index/mod.rs, chunk_index). */
export function wordSize(word: IndexWord | RawWord): number {
  if ('bytes' in word) return word.size;
  let size = 0;
  for (const posting of word.pages) size += posting.size;
  return size;
}

export interface FilterIndex {
  name: string;
  values: { value: string; pages: number[] }[];
}

export function readFilter(body: Uint8Array): FilterIndex {
  const reader = new CborReader(body);
  reader.array();
  const name = reader.text();
  const values = Array.from({ length: reader.array() }, () => {
    reader.array();
    const value = reader.text();
    return { value, pages: Array.from({ length: reader.array() }, () => reader.uint()) };
  });
  return { name, values };
}

export function writeFilter(filter: FilterIndex): Uint8Array {
  const writer = new CborWriter().array(2).text(filter.name).array(filter.values.length);
  for (const { value, pages } of filter.values) {
    writer.array(2).text(value).array(pages.length);
    for (const page of pages) writer.uint(page);
  }
  return writer.bytes();
}

/**
 * A posting with the field ids of its metadata locations renumbered (`fieldOf[old] = new`),
 * for an index whose list of metadata fields differs: a field switch is written −(id + 1).
 */
export function renumberMetaFields(posting: Posting, fieldOf: readonly number[]): Posting {
  if (posting.metaAt === posting.end) return posting;
  const reader = new CborReader(posting.source);
  reader.offset = posting.metaAt;
  const count = reader.array();
  const writer = new CborWriter().range(posting.source, posting.start, posting.metaAt).array(count);
  for (let i = 0; i < count; i++) {
    const value = reader.int();
    writer.int(value < 0 ? -((fieldOf[-value - 1] ?? -value - 1) + 1) : value);
  }
  const source = writer.bytes().slice();
  return { ...posting, source, start: 0, metaAt: posting.metaAt - posting.start, end: source.length };
}
