/**
 * Which index chunks a one-character query must load.
 *
 * A one-character query is a prefix search: every index word that starts with the character's
 * symbol (tokens.ts). Pagefind's browser code loads only the chunk whose range holds the query
 * itself, so when a character's words spill over into further chunks — always, for a common
 * character in a large archive — their occurrences would be missed (checked: 的 over the
 * seven features cut into 54 chunks found 36 of its 329 occurrences). The chunk list is in
 * Pagefind's pf_meta (CBOR, see pagefind/src/index/index_metadata.rs); the indexer reads it
 * and writes, per index part, the first word of every chunk that starts inside one
 * character's range. The search page preloads those words before a one-character search:
 * preloading a chunk's first word loads exactly that chunk.
 */
import { splitSymbols } from './tokens.ts';

/** File written beside each part's pagefind-entry.json. */
export const PREFIX_CHUNKS_FILE = 'prefix-chunks.json';

/** First symbol → the first words of the chunks that start inside its range. */
export type PrefixChunks = Record<string, string[]>;

export interface ChunkRange {
  from: string;
  to: string;
  hash: string;
}

/** Reads the chunk list from a decompressed pf_meta (after Pagefind's 12-byte "pagefind_dcd" signature). */
export function readIndexChunks(meta: Uint8Array): ChunkRange[] {
  let offset = 0;
  const decoder = new TextDecoder();
  const head = (): [major: number, value: number] => {
    const initial = meta[offset++] ?? 0;
    const major = initial >> 5;
    const info = initial & 31;
    if (info < 24) return [major, info];
    const bytes = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 0;
    if (bytes === 0) throw new Error(`pf_meta: unsupported CBOR length (${info}) at byte ${offset - 1}`);
    let value = 0;
    for (let i = 0; i < bytes; i++) value = value * 256 + (meta[offset++] ?? 0);
    return [major, value];
  };
  const item = (): unknown => {
    const [major, value] = head();
    if (major === 0) return value;
    if (major === 3) {
      const text = decoder.decode(meta.subarray(offset, offset + value));
      offset += value;
      return text;
    }
    if (major === 4) return Array.from({ length: value }, item);
    throw new Error(`pf_meta: unexpected CBOR major type ${major} at byte ${offset - 1}`);
  };
  // MetaIndex: [version, pages, index_chunks, filters, sorts, meta_fields]
  const [, value] = head();
  if (value < 3) throw new Error('pf_meta: not a Pagefind 1.x metadata file');
  item(); // version
  item(); // pages
  const chunks = item() as [string, string, string][];
  return chunks.map(([from, to, hash]) => ({ from, to, hash }));
}

/** The chunks to preload per first symbol: those whose first word starts with it. */
export function prefixChunks(chunks: readonly ChunkRange[]): PrefixChunks {
  const map: PrefixChunks = {};
  // The first chunk is always loaded for the words before it; its `from` is the index's first word.
  for (const { from } of chunks.slice(1)) {
    const [first] = splitSymbols(from);
    if (!first) continue;
    (map[first] ??= []).push(from);
  }
  return map;
}
