/**
 * What a built search index holds, in a form two indexes can be compared by: every word with
 * the pages (by URL) it is on and where (Pagefind's location bytes, metadata locations by field
 * name), every filter value with its pages, every page's id, word count and fragment. Page
 * numbers and chunk boundaries are left out: they differ between an index updated build by
 * build and one made anew, and Pagefind's results depend on neither. Two indexes with equal
 * contents give every query the same results, scores and ids.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  CborReader,
  readFilter,
  readMeta,
  readWords,
  SIGNATURE,
  unpack,
  type Posting,
} from '../../src/lib/search/pagefind-files.ts';

export interface IndexContents {
  pages: Map<string, { id: string; wordCount: number; fragment: string }>;
  words: Map<string, string[]>;
  filters: Map<string, string[]>;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

export function indexContents(dir: string): IndexContents {
  const metaName = readdirSync(dir).find((name) => name.endsWith('.pf_meta'));
  if (!metaName) throw new Error(`${dir}: no pf_meta`);
  const meta = readMeta(unpack(readFileSync(path.join(dir, metaName))));
  const urls = meta.pages.map((page) => {
    const text = gunzipSync(readFileSync(path.join(dir, 'fragment', `${page.id}.pf_fragment`))).toString('utf8');
    return {
      page,
      fragment: text.slice(SIGNATURE.length),
      url: (JSON.parse(text.slice(SIGNATURE.length)) as { url: string }).url,
    };
  });
  const pages = new Map(
    urls.map(({ page, fragment, url }) => [url, { id: page.id, wordCount: page.wordCount, fragment }]),
  );
  const entry = (posting: Posting) => {
    const reader = new CborReader(posting.source);
    reader.offset = posting.metaAt;
    const meta = posting.metaAt < posting.end ? Array.from({ length: reader.array() }, () => reader.int()) : [];
    const named = meta.map((value) => (value < 0 ? `@${metaFields[-value - 1]}` : String(value)));
    return `${urls[posting.page]?.url}:${hex(posting.source.subarray(posting.start, posting.metaAt))}:${named.join(',')}`;
  };
  const metaFields = meta.metaFields;
  const words = new Map<string, string[]>();
  for (const chunk of meta.chunks) {
    for (const word of readWords(unpack(readFileSync(path.join(dir, 'index', `${chunk.id}.pf_index`))))) {
      if (words.has(word.word)) throw new Error(`${dir}: ${word.word} in two chunks`);
      const list = [
        ...word.pages.map(entry),
        ...word.variants.flatMap((variant) => variant.pages.map((posting) => `${variant.form}=${entry(posting)}`)),
      ].sort();
      words.set(word.word, list);
    }
  }
  const filters = new Map<string, string[]>();
  for (const { id } of meta.filters) {
    const filter = readFilter(unpack(readFileSync(path.join(dir, 'filter', `${id}.pf_filter`))));
    for (const { value, pages } of filter.values) {
      filters.set(`${filter.name}:${value}`, pages.map((page) => urls[page]?.url ?? `#${page}`).sort());
    }
  }
  return { pages, words, filters };
}

/** The first differences between two indexes' contents (none: they answer every query alike). */
export function indexDifferences(a: IndexContents, b: IndexContents, limit = 10): string[] {
  const differences: string[] = [];
  const compare = <T>(what: string, x: Map<string, T>, y: Map<string, T>) => {
    for (const key of new Set([...x.keys(), ...y.keys()])) {
      if (differences.length >= limit) return;
      const show = (value: T | undefined) => (value === undefined ? 'nothing' : JSON.stringify(value));
      const left = show(x.get(key));
      const right = show(y.get(key));
      if (left !== right) differences.push(`${what} ${key}: ${left.slice(0, 200)} ≠ ${right.slice(0, 200)}`);
    }
  };
  compare('page', a.pages, b.pages);
  compare('word', a.words, b.words);
  compare('filter', a.filters, b.filters);
  return differences;
}
