/**
 * Which index chunks a one-character query must load.
 *
 * A one-character query is a prefix search: every index word that starts with the character's
 * symbol (tokens.ts). Pagefind's browser code loads only the chunk whose range holds the query
 * itself, so when a character's words spill over into further chunks — always, for a common
 * character in a large archive — their occurrences would be missed (checked: 的 over the
 * seven features cut into 54 chunks found 36 of its 329 occurrences). The indexer
 * (index-build.ts) writes, beside the chunk list, the first word of every chunk that starts
 * inside one character's range. The search page preloads those words before a one-character
 * search: preloading a chunk's first word loads exactly that chunk.
 */
import { splitSymbols } from './tokens.ts';

/** File written beside each part's pagefind-entry.json. */
export const PREFIX_CHUNKS_FILE = 'prefix-chunks.json';

/** First symbol → the first words of the chunks that start inside its range. */
export type PrefixChunks = Record<string, string[]>;

/** The chunks to preload per first symbol: those whose first word starts with it. */
export function prefixChunks(chunks: readonly { from: string }[]): PrefixChunks {
  const map: PrefixChunks = {};
  // The first chunk is always loaded for the words before it; its `from` is the index's first word.
  for (const { from } of chunks.slice(1)) {
    const [first] = splitSymbols(from);
    if (!first) continue;
    (map[first] ??= []).push(from);
  }
  return map;
}
