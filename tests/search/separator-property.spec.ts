/**
 * The property of issue 22: punctuation a reader types between words separates them. Two or
 * three runs of article text joined by separators drawn at random (seeded) from the issue's
 * list — ASCII and full-width commas, 、，；。：！？ / | and the like, alone or mixed with
 * spaces (query-runs.ts) — find every feature that holds all the runs and no other, through
 * the real index and the real search page; over the seven features and a 200-feature archive.
 *
 * The runs of a query are drawn three ways, a third each: neighbours in one block where the
 * text has punctuation between them (三项工程、一项管理 typed 三项工程,一项管理 — the issue's
 * case), runs from anywhere in one feature, and runs from any features. A run is typed as the
 * single-run property types it (in quotes when its own punctuation would separate it).
 *
 * Ranking, on the same queries: every feature where the runs stand together in the order
 * typed (each next one 0 to NEAR characters after the one before, in one block) comes before
 * every feature where no two neighbouring runs stand together at all, in either order.
 */
import { expect, test, type Page } from '@playwright/test';
import { NEAR } from '../../src/lib/search/ranking.ts';
import { seeded, type Random } from '../support/random.ts';
import { slugsByPageId } from './article-text.ts';
import { onArchive, onSevenFeatures, type Corpus } from './corpora.ts';
import {
  drawJoiner,
  drawRun,
  fold,
  inScope,
  readFeatures,
  separates,
  truthFor,
  typed,
  type Feature,
} from './query-runs.ts';
import { allResultIds } from './search-helpers.ts';

const QUERIES = 240;
/** Each run at most this long, so that three fit the query's 64 characters. */
const LONGEST_RUN = 14;

/** Neighbouring pieces of one block where punctuation stands between them: the last of one, the start of the next. */
function drawNeighbours(random: Random, features: readonly Feature[], count: number): string[] | undefined {
  const feature = random.pick(features);
  const block = random.pick(feature.blocks);
  // Pieces between separating punctuation (or whitespace).
  const pieces = [...block.text.matchAll(/[^\s]+/gu)].flatMap((match) => {
    const cut: string[][] = [[]];
    for (const char of match[0]) {
      if (separates(char)) cut.push([]);
      else cut.at(-1)?.push(char);
    }
    return cut.map((chars) => chars.join(''));
  });
  const words = pieces.filter((piece) => inScope(piece));
  if (words.length < count) return undefined;
  const first = random.int(0, words.length - count);
  return words.slice(first, first + count).map((word, i, all) => {
    const chars = [...word];
    const length = random.int(1, Math.min(LONGEST_RUN, chars.length));
    // The first run ends where its piece ends, the last starts where its piece starts: they stand together.
    if (i === 0 && all.length > 1) return chars.slice(chars.length - length).join('');
    if (i === all.length - 1 && all.length > 1) return chars.slice(0, length).join('');
    return chars.slice(0, Math.min(LONGEST_RUN, chars.length)).join('');
  });
}

function drawRuns(random: Random, features: readonly Feature[], count: number): string[] | undefined {
  const way = random.int(0, 2);
  if (way === 0) return drawNeighbours(random, features, count);
  const from = way === 1 ? [random.pick(features)] : features;
  const runs = Array.from({ length: count }, () => drawRun(random, from, random.next() < 0.2, LONGEST_RUN));
  return runs.every((run) => run !== undefined) ? runs : undefined;
}

/** Whether `second` starts 0 to NEAR characters (whitespace not counted) after `first` ends, in one of `texts`. */
function standsAfter(texts: readonly string[], first: string, second: string): boolean {
  return texts.some((text) => {
    for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
      const next = text.indexOf(second, at + first.length);
      if (next >= 0 && next - (at + first.length) <= NEAR) return true;
    }
    return false;
  });
}

async function checkCorpus(page: Page, { base, site, slugs }: Corpus, seed: number) {
  const features = await readFeatures(page, base, slugs);
  const slugOf = slugsByPageId(site);
  const holding = await truthFor(features);
  /** Each feature's blocks without whitespace, as the index counts positions; and all of them as one. */
  const compact = new Map(
    features.map((feature) => {
      const blocks = feature.folded.map((block) => block.replace(/\s+/gu, ''));
      return [feature.slug, { blocks, whole: [blocks.join('')] }];
    }),
  );
  const random = seeded(seed);
  const figures = { queries: 0, pairs: 0, triples: 0, answered: 0, expected: 0, found: 0, returned: 0, ordered: 0 };
  const misses: string[] = [];
  while (figures.queries < QUERIES) {
    const count = random.int(2, 3);
    const runs = drawRuns(random, features, count);
    const words = runs?.map((run) => typed(random, run));
    if (!runs || !words || words.some((word) => word === undefined)) continue;
    if (runs.reduce((sum, run) => sum + [...fold(run)].length, 0) > 64) continue;
    const query = (words as string[]).reduce((typedSoFar, word, i) =>
      i === 0 ? word : `${typedSoFar}${drawJoiner(random, typedSoFar, word)}${word}`,
    );
    figures.queries += 1;
    figures[count === 2 ? 'pairs' : 'triples'] += 1;

    const want = holding(runs);
    const ids = await allResultIds(page, query);
    const got = ids.map((id) => slugOf.get(id) ?? id);
    const sorted = [...got].sort();
    figures.expected += want.length;
    if (want.length > 0) figures.answered += 1;
    figures.returned += got.length;
    figures.found += sorted.filter((slug) => want.includes(slug)).length;
    if (JSON.stringify(sorted) !== JSON.stringify(want)) {
      misses.push(`${query}: expected ${want.join(',') || 'nothing'}, got ${sorted.join(',') || 'nothing'}`);
      continue;
    }
    // Ranking: together in the order typed before not together at all.
    const folded = runs.map(fold);
    const pairs = folded.slice(1).map((second, i) => [folded[i] ?? '', second] as const);
    const together = got.filter((slug) =>
      pairs.every(([first, second]) => standsAfter(compact.get(slug)?.blocks ?? [], first, second)),
    );
    const apart = got.filter((slug) => {
      const whole = compact.get(slug)?.whole ?? [];
      return pairs.every(([first, second]) => !standsAfter(whole, first, second) && !standsAfter(whole, second, first));
    });
    if (together.length > 0 && apart.length > 0) figures.ordered += 1;
    const lastTogether = Math.max(-1, ...together.map((slug) => got.indexOf(slug)));
    const firstApart = Math.min(got.length, ...apart.map((slug) => got.indexOf(slug)));
    if (lastTogether > firstApart)
      misses.push(`${query}: ${got[firstApart] ?? ''} (terms apart) ranks before ${got[lastTogether] ?? ''}`);
  }
  return {
    ...figures,
    recall: figures.expected === 0 ? 100 : (100 * figures.found) / figures.expected,
    precision: figures.returned === 0 ? 100 : (100 * figures.found) / figures.returned,
    misses,
  };
}

function report(name: string, figures: Awaited<ReturnType<typeof checkCorpus>>): void {
  console.log(
    `separator property (${name}): ${figures.queries} queries (${figures.pairs} pairs, ${figures.triples} triples), ` +
      `${figures.answered} held by some feature, ${figures.expected} features expected in all · recall ${figures.recall.toFixed(1)}% · precision ${figures.precision.toFixed(1)}% · ` +
      `${figures.ordered} queries with features both together and apart, ranked together first`,
  );
  if (figures.misses.length > 0) console.log(`  ${figures.misses.slice(0, 20).join('\n  ')}`);
}

test('runs joined by separators find exactly the features holding all of them, together first (seven features)', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const figures = await onSevenFeatures(page, baseURL ?? '', (corpus) => checkCorpus(page, corpus, 2201));
  report('seven features', figures);
  expect(figures.misses).toEqual([]);
  expect(figures.recall).toBe(100);
  expect(figures.precision).toBe(100);
});

test('runs joined by separators find exactly the features holding all of them, together first (200-feature archive)', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const figures = await onArchive(page, 'archive-site-separators', (corpus) => checkCorpus(page, corpus, 2202));
  report('200-feature archive', figures);
  expect(figures.misses).toEqual([]);
  expect(figures.recall).toBe(100);
  expect(figures.precision).toBe(100);
});
