/**
 * What the search property tests draw and compare against: runs of a feature's article text,
 * typed as the query syntax documented in docs/search-queries.md asks, and the features that
 * hold them, read from the DOM (article-text.ts). The syntax is written here again on its own,
 * from the documentation, not imported from src/lib/search/query.ts, so the tests check it:
 *   - whitespace and the punctuation in SEPARATING separate terms;
 *   - except a point between letters or digits, a colon or slash between digits and a comma
 *     before exactly three digits (KEPT_WHOLE: 35.97, pm2.5, 8:30, 1/3, 2,500);
 *   - a phrase in quotes keeps its punctuation; any mark of its family closes it (QUOTES).
 * Folding as documented: NFKC and lower case, character by character.
 */
import type { Page } from '@playwright/test';
import { loadSimplifier, mayContainTraditional } from '../../src/lib/search/traditional-chinese.ts';
import type { Random } from '../support/random.ts';
import { articleBlocks, type TruthBlock } from './article-text.ts';

export const fold = (text: string): string => [...text].map((char) => char.normalize('NFKC').toLowerCase()).join('');

/** Punctuation that separates terms, folded (， is , after folding; 、 and 。 stay). */
const SEPARATING = /[,、;:.。!?/\\|¦‖~〜·・•‧—―–#()[\]{}<>【】〔〕〖〗《》〈〉]/u;
const KEPT_WHOLE = /(?<=[0-9a-z])\.(?=[0-9a-z])|(?<=[0-9])[:/](?=[0-9])|(?<=[0-9]),(?=[0-9]{3}(?![0-9]))/gu;
/** Quote marks by family, folded: a phrase opened by a mark of a family is closed by any mark of it. */
const QUOTES = ['"“”„‟〝〞〟', '‘’‚‛', '「」', '『』'];
/** How a reader quotes a phrase, one pair per family. */
const QUOTE_PAIRS: readonly (readonly [string, string])[] = [
  ['“', '”'],
  ['"', '"'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
];
/** Out of scope for a run: whitespace and emoji end a term even in quotes. */
const NEVER_IN_A_TERM = /[\s\p{Extended_Pictographic}]/u;

/**
 * What a reader types between words, as issue 22 lists them: ASCII and full-width commas,
 * 、，；。：！？ / | and the like (half- and full-width), each alone or mixed with spaces.
 */
export const SEPARATOR_MARKS = [...',，、､;；:：。．.!！?？/／|｜\\＼~～—…·（）()【】《》〈〉[]'];
/** Marks that never stay inside a word, whatever stands either side. */
const ALWAYS_SEPARATING = SEPARATOR_MARKS.filter((mark) => !/^[.,:/]$/u.test(fold(mark)));

/** Whether `run` read as a query would be more than one term (its punctuation separates). */
export function separates(run: string): boolean {
  return SEPARATING.test(fold(run).replace(KEPT_WHOLE, ''));
}

export interface Feature {
  slug: string;
  blocks: TruthBlock[];
  /** The folded blocks. */
  folded: string[];
}

export async function readFeatures(page: Page, base: string, slugs: readonly string[]): Promise<Feature[]> {
  const pages = await articleBlocks(
    page,
    slugs.map((slug) => `${base}/features/${slug}/`),
  );
  return slugs.map((slug, i) => {
    const blocks = pages[i] ?? [];
    return { slug, blocks, folded: blocks.map((block) => fold(block.text)) };
  });
}

const LATIN = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/u;

/** Whether a run can be one term at all: no whitespace or emoji, and a letter or digit to search for. */
export function inScope(run: string): boolean {
  return !NEVER_IN_A_TERM.test(run) && !NEVER_IN_A_TERM.test(fold(run)) && /[\p{L}\p{N}]/u.test(run);
}

/** A run of 1–`longest` characters of one block, not crossing whitespace; around a digit or letter when asked. */
export function drawRun(
  random: Random,
  features: readonly Feature[],
  latin: boolean,
  longest = 20,
): string | undefined {
  const feature = random.pick(features);
  const kinds: TruthBlock['kind'][] = ['text', 'text', 'text', 'heading', 'caption', 'infobox'];
  const kind = random.pick(kinds);
  const blocks = feature.blocks.filter((block) => block.kind === kind);
  const block = random.pick(blocks.length > 0 ? blocks : feature.blocks);
  const pieces = block.text.split(/\s+/u).filter((piece) => piece.length > 0);
  const candidates = latin ? pieces.filter((piece) => LATIN.test(piece)) : pieces;
  if (candidates.length === 0) return undefined;
  const chars = [...random.pick(candidates)];
  const length = random.int(1, Math.min(longest, chars.length));
  let start = random.int(0, chars.length - length);
  if (latin) {
    const at = chars.findIndex((char, i) => i >= start && LATIN.test(char));
    const anchor = at >= 0 ? at : chars.findIndex((char) => LATIN.test(char));
    start = Math.max(0, Math.min(anchor - random.int(0, length - 1), chars.length - length));
  }
  const run = chars.slice(start, start + length).join('');
  return inScope(run) ? run : undefined;
}

/**
 * `run` as a reader must type it to search for it whole: as it is, or in quotes of a family
 * none of whose marks it holds when its punctuation would separate it or it holds a quote mark
 * (and, a fifth of the time, in quotes anyway). Undefined when every family's marks are in it.
 */
export function typed(random: Random, run: string): string | undefined {
  const folded = fold(run);
  const quoted = QUOTES.some((family) => [...family].some((mark) => folded.includes(mark)));
  if (!separates(run) && !quoted && random.next() >= 0.2) return run;
  const pairs = QUOTE_PAIRS.filter(([open]) => {
    const family = QUOTES.find((marks) => marks.includes(fold(open))) ?? '';
    return ![...family].some((mark) => folded.includes(mark));
  });
  if (pairs.length === 0) return undefined;
  const [open, close] = random.pick(pairs);
  return `${open}${run}${close}`;
}

/**
 * Separators to join two runs: 1–3 marks of SEPARATOR_MARKS, at times with spaces around or
 * between. Between a letter or digit and another, only marks that never stay inside a word.
 */
export function drawJoiner(random: Random, left: string, right: string): string {
  const alphanumeric = (char: string | undefined) => /^[0-9a-z]$/u.test(fold(char ?? ''));
  const marks = alphanumeric([...left].at(-1)) && alphanumeric([...right][0]) ? ALWAYS_SEPARATING : SEPARATOR_MARKS;
  const parts = Array.from({ length: random.int(1, 3) }, () => random.pick(marks));
  return parts.map((mark) => (random.next() < 0.25 ? `${mark} ` : mark)).join(random.next() < 0.2 ? ' ' : '');
}

/** The features that contain every one of `runs` (each in any of its spellings, in some block), sorted. */
export async function truthFor(features: readonly Feature[]): Promise<(runs: readonly string[]) => string[]> {
  const simplify = await loadSimplifier();
  const spellings = (run: string) =>
    mayContainTraditional(run) ? [fold(run), fold(simplify(fold(run)))] : [fold(run)];
  return (runs) =>
    features
      .filter((feature) =>
        runs.every((run) =>
          spellings(run).some((spelling) => feature.folded.some((block) => block.includes(spelling))),
        ),
      )
      .map((feature) => feature.slug)
      .sort();
}
