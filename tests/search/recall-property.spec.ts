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
 * Typed as the query syntax asks (query-runs.ts): a run whose punctuation would separate it
 * into terms (三项工程、一项管理), or that holds a quote mark, is typed in quotes of another
 * family (“三项工程、一项管理”), and so is a fifth of the others; the rest as they are.
 * Out of scope, by the query syntax (src/lib/search/query.ts): runs with whitespace or an
 * emoji (they end a term even in quotes; 海绵 改造 means both words, as issue 11 asks) and
 * runs of punctuation alone (nothing to search for). No run crosses from one block
 * (paragraph, caption) into the next: on the page they are apart. Runs joined by separators,
 * several terms, are the separator property's (separator-property.spec.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { seeded } from '../support/random.ts';
import { slugsByPageId } from './article-text.ts';
import { onArchive, onSevenFeatures, type Corpus } from './corpora.ts';
import { drawRun, readFeatures, truthFor, typed } from './query-runs.ts';
import { allResultIds } from './search-helpers.ts';

const RUNS = 300;
const ABSENT = 60;

async function checkCorpus(page: Page, { base, site, slugs }: Corpus, seed: number) {
  const features = await readFeatures(page, base, slugs);
  const slugOf = slugsByPageId(site);
  const holding = await truthFor(features);
  /** The features that contain `run`. */
  const truth = (run: string): string[] => holding([run]);
  const random = seeded(seed);
  let expected = 0;
  let found = 0;
  let returned = 0;
  let lengths = 0;
  let latin = 0;
  const misses: string[] = [];
  let quoted = 0;
  const runs: { run: string; query: string }[] = [];
  while (runs.length < RUNS) {
    const wantLatin = runs.length % 5 === 0;
    const run = drawRun(random, features, wantLatin);
    const query = run === undefined ? undefined : typed(random, run);
    if (run === undefined || query === undefined) continue;
    runs.push({ run, query });
    if (/[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/u.test(run)) latin += 1;
    if (query !== run) quoted += 1;
    lengths += [...run].length;
  }
  for (const { run, query } of runs) {
    const want = truth(run);
    const got = (await allResultIds(page, query)).map((id) => slugOf.get(id) ?? id).sort();
    expected += want.length;
    returned += got.length;
    found += got.filter((slug) => want.includes(slug)).length;
    if (JSON.stringify(got) !== JSON.stringify(want))
      misses.push(`${query}: expected ${want.join(',') || 'nothing'}, got ${got.join(',') || 'nothing'}`);
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
    const query = typed(random, swapped);
    if (query === undefined || truth(swapped).length > 0) continue;
    absent += 1;
    const got = await allResultIds(page, query);
    absentHits += got.length;
    if (got.length > 0) misses.push(`${query} (occurs nowhere): got ${got.length} results`);
  }
  return {
    runs: runs.length,
    meanLength: lengths / runs.length,
    latin,
    quoted,
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
      `${figures.latin} with digits or Latin, ${figures.quoted} typed in quotes) · recall ${figures.recall.toFixed(1)}% · precision ${figures.precision.toFixed(1)}% · ` +
      `${figures.absent} strings that occur nowhere: ${figures.absentHits} results`,
  );
  if (figures.misses.length > 0) console.log(`  ${figures.misses.slice(0, 20).join('\n  ')}`);
}

test('any run of the seven features finds exactly the features that contain it', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const figures = await onSevenFeatures(page, baseURL ?? '', (corpus) => checkCorpus(page, corpus, 101));
  report('seven features', figures);
  expect(figures.misses).toEqual([]);
  expect(figures.recall).toBe(100);
  expect(figures.precision).toBe(100);
});

test('any run of a 200-feature archive finds exactly the features that contain it', async ({ page }) => {
  test.setTimeout(300_000);
  const figures = await onArchive(page, 'archive-site', (corpus) => checkCorpus(page, corpus, 202));
  report('200-feature archive', figures);
  expect(figures.misses).toEqual([]);
  expect(figures.recall).toBe(100);
  expect(figures.precision).toBe(100);
});
