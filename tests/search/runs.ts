/**
 * Runs of article text drawn at random (seeded) for the search property tests
 * (recall-property.spec.ts, edited-archive.spec.ts), and the truth they are checked against:
 * each feature's article text as the browser's DOM reads it (article-text.ts), folded as
 * documented (NFKC and lower case per character) — not by the indexer or its tokenizer.
 */
import type { Page } from '@playwright/test';
import type { Random } from '../support/random.ts';
import { articleBlocks, type TruthBlock } from './article-text.ts';

/** Folding as documented, character by character, independently of src/lib/search/fold.ts. */
export const fold = (text: string) => [...text].map((char) => char.normalize('NFKC').toLowerCase()).join('');
export const OUT_OF_SCOPE = /[\s"\p{Extended_Pictographic}]/u;

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

/** A run of 1–20 characters of one block, not crossing whitespace; around a digit or letter when asked. */
export function drawRun(random: Random, features: readonly Feature[], latin: boolean): string | undefined {
  const feature = random.pick(features);
  const kinds: TruthBlock['kind'][] = ['text', 'text', 'text', 'heading', 'caption', 'infobox'];
  const kind = random.pick(kinds);
  const blocks = feature.blocks.filter((block) => block.kind === kind);
  const block = random.pick(blocks.length > 0 ? blocks : feature.blocks);
  const pieces = block.text.split(/\s+/u).filter((piece) => piece.length > 0);
  const candidates = latin ? pieces.filter((piece) => /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/u.test(piece)) : pieces;
  if (candidates.length === 0) return undefined;
  const chars = [...random.pick(candidates)];
  const length = random.int(1, Math.min(20, chars.length));
  let start = random.int(0, chars.length - length);
  if (latin) {
    const at = chars.findIndex((char, i) => i >= start && /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/u.test(char));
    const anchor = at >= 0 ? at : chars.findIndex((char) => /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/u.test(char));
    start = Math.max(0, Math.min(anchor - random.int(0, length - 1), chars.length - length));
  }
  const run = chars.slice(start, start + length).join('');
  if (OUT_OF_SCOPE.test(run) || OUT_OF_SCOPE.test(fold(run)) || !/[\p{L}\p{N}]/u.test(run)) return undefined;
  return run;
}
