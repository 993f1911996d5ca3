/**
 * Pagefind's files read and written back byte for byte, as the merge relies on; the layout is
 * Pagefind 1.6's (pagefind/src/index/*.rs), built here by hand in CBOR as minicbor writes it.
 */
import { describe, expect, it } from 'vitest';
import {
  CborReader,
  readFilter,
  readMeta,
  readWords,
  renumberMetaFields,
  writeFilter,
  writeMeta,
  writeWords,
} from './pagefind-files.ts';

/** Minimal CBOR: integers, text and definite arrays, minimal heads. */
function cbor(value: unknown): number[] {
  const head = (major: number, length: number): number[] =>
    length < 24
      ? [(major << 5) | length]
      : length < 256
        ? [(major << 5) | 24, length]
        : length < 65536
          ? [(major << 5) | 25, length >> 8, length & 255]
          : [(major << 5) | 26, (length >>> 24) & 255, (length >> 16) & 255, (length >> 8) & 255, length & 255];
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = [...new TextEncoder().encode(value)];
    return [...head(3, bytes.length), ...bytes];
  }
  if (Array.isArray(value)) return [...head(4, value.length), ...value.flatMap(cbor)];
  throw new Error('unsupported');
}
const bytes = (value: unknown) => new Uint8Array(cbor(value));

describe("Pagefind's index files", () => {
  it('reads a page list, its chunks and filters, and writes it back as it was', () => {
    const body = bytes([
      '1.6.0',
      [
        ['und_a1b2c3d', 3000, ''],
        ['und_e4f5a6b', 70000, ''],
      ],
      [
        ['一二', '的人', 'und_c1'],
        ['目', '龙头', 'und_c4'],
      ],
      [['区', 'und_f1']],
      [],
      ['date', 'title'],
    ]);
    const meta = readMeta(body);
    expect(meta.pages.map((page) => [page.id, page.wordCount])).toEqual([
      ['und_a1b2c3d', 3000],
      ['und_e4f5a6b', 70000],
    ]);
    expect(meta.chunks.map((chunk) => chunk.id)).toEqual(['und_c1', 'und_c4']);
    expect(meta.metaFields).toEqual(['date', 'title']);
    expect(writeMeta(meta)).toEqual(body);
  });

  it('reads words with absolute page numbers and their locations untouched, and writes them back', () => {
    // Pages 3 and 300 (deltas 3, 297); locations with a weight marker; metadata locations.
    const body = bytes([
      [
        [
          '党建',
          [
            [3, [-25, 300, 12], []],
            [297, [400], [-1, 0, 4]],
          ],
          [],
        ],
        ['门口', [[0, [259], []]], []],
      ],
    ]);
    const words = readWords(body);
    expect(words.map((word) => [word.word, word.pages.map((posting) => posting.page)])).toEqual([
      ['党建', [3, 300]],
      ['门口', [0]],
    ]);
    expect(words[0]?.pages.map((posting) => posting.size)).toEqual([4, 5]);
    expect(writeWords(words)).toEqual(body);
    const moved = writeWords([{ ...words[1]!, pages: [{ ...words[1]!.pages[0]!, page: 70000 }] }]);
    expect(moved).toEqual(bytes([[['门口', [[70000, [259], []]], []]]]));
  });

  it('renumbers the metadata fields of a posting', () => {
    const [word] = readWords(bytes([[['党建', [[0, [300], [-1, 0, 4, -2, 7]]], []]]]));
    const renumbered = renumberMetaFields(word!.pages[0]!, [2, 0]);
    const reader = new CborReader(renumbered.source);
    reader.offset = renumbered.metaAt;
    expect(Array.from({ length: reader.array() }, () => reader.int())).toEqual([-3, 0, 4, -1, 7]);
  });

  it('reads a filter and writes it back', () => {
    const body = bytes([
      '区',
      [
        ['二七区', [0, 5, 300]],
        ['金水区', [1]],
      ],
    ]);
    expect(readFilter(body)).toEqual({
      name: '区',
      values: [
        { value: '二七区', pages: [0, 5, 300] },
        { value: '金水区', pages: [1] },
      ],
    });
    expect(writeFilter(readFilter(body))).toEqual(body);
  });
});
