import { describe, expect, it } from 'vitest';
import { prefixChunks, readIndexChunks } from './prefix-chunks.ts';
import { symbolOf } from './tokens.ts';

/** Minimal CBOR: unsigned integers, text and definite arrays, as minicbor writes Pagefind's pf_meta. */
function cbor(value: unknown): number[] {
  const head = (major: number, length: number): number[] =>
    length < 24
      ? [(major << 5) | length]
      : length < 256
        ? [(major << 5) | 24, length]
        : [(major << 5) | 25, length >> 8, length & 255];
  if (typeof value === 'number') return head(0, value);
  if (typeof value === 'string') {
    const bytes = [...new TextEncoder().encode(value)];
    return [...head(3, bytes.length), ...bytes];
  }
  if (Array.isArray(value)) return [...head(4, value.length), ...value.flatMap(cbor)];
  throw new Error('unsupported');
}

describe('prefix chunks', () => {
  const comma = symbolOf('，');
  const meta = new Uint8Array(
    cbor([
      '1.6.0',
      [['und_a1b2c3d', 3000]],
      [
        ['一二', '的人', 'und_c1'],
        ['的他', '的是', 'und_c2'],
        [`的${comma}`, '的第', 'und_c3'],
        ['目', '龙头', 'und_c4'],
      ],
      [['区', 'und_f1']],
      [],
      ['title'],
    ]),
  );

  it("reads the chunk list from Pagefind's metadata", () => {
    expect(readIndexChunks(meta).map((chunk) => chunk.hash)).toEqual(['und_c1', 'und_c2', 'und_c3', 'und_c4']);
  });

  it("lists, per character, the chunks that start inside its words' range", () => {
    expect(prefixChunks(readIndexChunks(meta))).toEqual({ 的: ['的他', `的${comma}`], 目: ['目'] });
  });
});
