/**
 * The property of issue 11: any run of a feature's indexed text finds exactly the features
 * that contain it, and a string that occurs nowhere finds nothing — tested with runs drawn at
 * random (seeded) from the articles, through the real index and the real search page.
 *
 * Corpora: the seven features of the build, and an archive of 200 generated features
 * (archive-site.ts: built pages recombined, indexed by the real indexer).
 * Truth: each feature's article text read by the browser's DOM (article-text.ts), folded as
 * documented (NFKC and lower case per character; a query that may hold traditional
 * characters also counts in its simplified spelling) — not by the indexer or its tokenizer.
 * Runs: 1–20 characters from paragraphs, headings, captions and info boxes, anywhere in a
 * block (so across word boundaries), a fifth of them around a digit or Latin letter.
 *
 * In scope: every run that a reader could type as one term. Out of scope, by the query syntax
 * (src/lib/search/query.ts): runs with whitespace (a space separates terms, so 海绵 改造 means
 * both words, as the issue asks), runs holding an ASCII double quote or an emoji (both also
 * separate terms), and runs of punctuation alone (nothing to search for). No run crosses from
 * one block (paragraph, caption) into the next: on the page they are apart.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { loadSimplifier, mayContainTraditional } from '../../src/lib/search/traditional-chinese.ts';
import { seeded, type Random } from '../support/random.ts';
import { archiveSite } from './archive-site.ts';
import { articleBlocks, slugsByPageId, type TruthBlock } from './article-text.ts';
import { allResultIds } from './search-helpers.ts';
import { serveStatic } from './static-server.ts';

const RUNS = 300;
const ABSENT = 60;
/** Folding as documented, character by character, independently of src/lib/search/fold.ts. */
const fold = (text: string) => [...text].map((char) => char.normalize('NFKC').toLowerCase()).join('');
const OUT_OF_SCOPE = /[\s"\p{Extended_Pictographic}]/u;

interface Feature {
  slug: string;
  blocks: TruthBlock[];
  /** The folded blocks. */
  folded: string[];
}

async function readFeatures(page: Page, base: string, slugs: readonly string[]): Promise<Feature[]> {
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
function drawRun(random: Random, features: readonly Feature[], latin: boolean): string | undefined {
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

async function checkCorpus(page: Page, base: string, site: string, slugs: readonly string[], seed: number) {
  const simplify = await loadSimplifier();
  const features = await readFeatures(page, base, slugs);
  const slugOf = slugsByPageId(site);
  /** The features that contain `run` as a reader's query means it. */
  const truth = (run: string): string[] => {
    const spellings = [fold(run)];
    if (mayContainTraditional(run)) spellings.push(fold(simplify(fold(run))));
    return features
      .filter((feature) => feature.folded.some((block) => spellings.some((spelling) => block.includes(spelling))))
      .map((feature) => feature.slug)
      .sort();
  };
  const random = seeded(seed);
  let expected = 0;
  let found = 0;
  let returned = 0;
  let lengths = 0;
  let latin = 0;
  const misses: string[] = [];
  const runs: string[] = [];
  while (runs.length < RUNS) {
    const wantLatin = runs.length % 5 === 0;
    const run = drawRun(random, features, wantLatin);
    if (run === undefined) continue;
    runs.push(run);
    if (/[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/u.test(run)) latin += 1;
    lengths += [...run].length;
  }
  for (const run of runs) {
    const want = truth(run);
    const got = (await allResultIds(page, run)).map((id) => slugOf.get(id) ?? id).sort();
    expected += want.length;
    returned += got.length;
    found += got.filter((slug) => want.includes(slug)).length;
    if (JSON.stringify(got) !== JSON.stringify(want))
      misses.push(`${run}: expected ${want.join(',') || 'nothing'}, got ${got.join(',') || 'nothing'}`);
  }
  // Strings that occur nowhere: real runs with two neighbouring characters swapped.
  let absent = 0;
  let absentHits = 0;
  while (absent < ABSENT) {
    const run = drawRun(random, features, false);
    const chars = run ? [...run] : [];
    if (chars.length < 2) continue;
    const i = random.int(0, chars.length - 2);
    [chars[i], chars[i + 1]] = [chars[i + 1] ?? '', chars[i] ?? ''];
    const swapped = chars.join('');
    if (truth(swapped).length > 0) continue;
    absent += 1;
    const got = await allResultIds(page, swapped);
    absentHits += got.length;
    if (got.length > 0) misses.push(`${swapped} (occurs nowhere): got ${got.length} results`);
  }
  return {
    runs: runs.length,
    meanLength: lengths / runs.length,
    latin,
    recall: expected === 0 ? 100 : (100 * found) / expected,
    precision: returned === 0 ? 100 : (100 * found) / returned,
    absent,
    absentHits,
    misses,
  };
}

function report(name: string, figures: Awaited<ReturnType<typeof checkCorpus>>): void {
  console.log(
    `search property (${name}): ${figures.runs} runs (mean ${figures.meanLength.toFixed(1)} characters, ` +
      `${figures.latin} with digits or Latin) · recall ${figures.recall.toFixed(1)}% · precision ${figures.precision.toFixed(1)}% · ` +
      `${figures.absent} strings that occur nowhere: ${figures.absentHits} results`,
  );
  if (figures.misses.length > 0) console.log(`  ${figures.misses.slice(0, 20).join('\n  ')}`);
}

test('any run of the seven features finds exactly the features that contain it', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  await page.goto('/search/');
  const site = path.resolve(process.env['DIST'] ?? 'dist');
  const slugs = [...new Set(slugsByPageId(site).values())].sort();
  const figures = await checkCorpus(page, baseURL ?? '', site, slugs, 101);
  report('seven features', figures);
  expect(figures.misses).toEqual([]);
  expect(figures.recall).toBe(100);
  expect(figures.precision).toBe(100);
});

test('any run of a 200-feature archive finds exactly the features that contain it', async ({ page }) => {
  test.setTimeout(300_000);
  const site = path.resolve('test-results/archive-site');
  const started = performance.now();
  const slugs = await archiveSite(path.resolve(process.env['DIST'] ?? 'dist'), site, 200);
  console.log(`archive of ${slugs.length} features made and indexed in ${Math.round(performance.now() - started)} ms`);
  const server = await serveStatic(site);
  try {
    await page.goto(`${server.url}/search/`);
    const figures = await checkCorpus(page, server.url, site, slugs, 202);
    report('200-feature archive', figures);
    expect(figures.misses).toEqual([]);
    expect(figures.recall).toBe(100);
    expect(figures.precision).toBe(100);
  } finally {
    await server.close();
  }
});
