/**
 * Issue 20: an index updated build after build answers exactly as one made anew. The
 * 200-feature archive goes through a seeded random sequence of edits, additions and removals,
 * each build indexed from the last one's index in the cache (edited-archive.ts), and the same
 * final pages are indexed anew; then, in the real search page:
 *
 *   - runs of article text drawn at random (as in recall-property.spec.ts) find, in the
 *     updated index, exactly the features that print them (recall and precision 100 %), and
 *     the same ids in the same order as the fresh index; so do runs drawn from text the archive
 *     took back (old versions of edited features, removed features), which must no longer
 *     find a feature that dropped them;
 *   - the 74 queries of the evaluation give both indexes the same results: ids in order,
 *     counts, the cards on screen (title, office · date, excerpt with its marks), the filter
 *     counts, and the results under a filter.
 * First of all the two indexes hold the same words on the same pages (index-contents.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { indexContents, indexDifferences } from '../support/index-contents.ts';
import { seeded } from '../support/random.ts';
import { htmlBlocks, slugsByPageId } from './article-text.ts';
import { editedArchive, type EditedArchive } from './edited-archive.ts';
import { evalSet } from './eval-set.ts';
import { drawRun, fold, readFeatures, truthFor, typed, type Feature } from './query-runs.ts';
import { allResultIds } from './search-helpers.ts';
import { serveStatic } from './static-server.ts';

const RUNS = 200;
const GHOST_RUNS = 100;

let archive: EditedArchive;
let servers: Awaited<ReturnType<typeof serveStatic>>[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const started = performance.now();
  archive = await editedArchive(
    path.resolve(process.env['DIST'] ?? 'dist'),
    path.resolve('test-results/edited-archive'),
  );
  const builds = archive.builds.map((build) => `${build.indexed}+/${build.removed}−`).join(' ');
  console.log(
    `edited archive: ${archive.slugs.length} features after ${archive.builds.length} builds (${builds}), ` +
      `${Math.round(performance.now() - started)} ms`,
  );
  servers = await Promise.all([serveStatic(archive.incremental), serveStatic(archive.fresh)]);
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

test('the updated index holds the same words on the same pages as one made anew', () => {
  const differences = indexDifferences(
    indexContents(path.join(archive.incremental, 'pagefind')),
    indexContents(path.join(archive.fresh, 'pagefind')),
  );
  expect(differences).toEqual([]);
});

/** The search page of each index, opened. */
async function openBoth(pages: [Page, Page]): Promise<void> {
  await Promise.all(pages.map((page, i) => page.goto(`${servers[i]!.url}/search/`)));
}

test('runs of text, and of text taken back, find what they find in a fresh index', async ({ browser }) => {
  test.setTimeout(300_000);
  const pages: [Page, Page] = [await browser.newPage(), await browser.newPage()];
  await openBoth(pages);
  const [updated, fresh] = pages;
  const features = await readFeatures(updated, servers[0]!.url, archive.slugs);
  const slugOf = slugsByPageId(archive.incremental);
  const holding = await truthFor(features);
  const truth = (run: string): string[] => holding([run]);
  const ghosts: Feature[] = (await htmlBlocks(updated, archive.ghosts)).map((blocks, i) => ({
    slug: `ghost-${i}`,
    blocks,
    folded: blocks.map((block) => fold(block.text)),
  }));
  const random = seeded(2020);
  const runs: string[] = [];
  while (runs.length < RUNS) {
    const run = drawRun(random, features, runs.length % 5 === 0);
    if (run) runs.push(run);
  }
  // Half of them from the notes that every version of a feature prints once, then takes back.
  const notes = ghosts.map((ghost) => ({
    ...ghost,
    blocks: ghost.blocks.filter((block) => block.text.startsWith('编辑部')),
  }));
  while (runs.length < RUNS + GHOST_RUNS && ghosts.length > 0) {
    const run = drawRun(random, runs.length % 2 === 0 ? ghosts : notes.filter((note) => note.blocks.length > 0), false);
    if (run) runs.push(run);
  }
  let expected = 0;
  let found = 0;
  let returned = 0;
  let gone = 0;
  const misses: string[] = [];
  for (const run of runs) {
    // Typed as the query syntax asks: in quotes where its punctuation would separate it.
    const query = typed(random, run);
    if (query === undefined) continue;
    const want = truth(run);
    const [ids, freshIds] = await Promise.all([allResultIds(updated, query), allResultIds(fresh, query)]);
    const got = ids.map((id) => slugOf.get(id) ?? id).sort();
    if (want.length === 0) gone += 1;
    expected += want.length;
    returned += got.length;
    found += got.filter((slug) => want.includes(slug)).length;
    if (JSON.stringify(got) !== JSON.stringify(want))
      misses.push(`${query}: expected ${want.join(',') || 'nothing'}, got ${got.join(',') || 'nothing'}`);
    if (JSON.stringify(ids) !== JSON.stringify(freshIds))
      misses.push(`${query}: updated index ${ids.join(',')}, fresh index ${freshIds.join(',')}`);
  }
  const recall = expected === 0 ? 100 : (100 * found) / expected;
  const precision = returned === 0 ? 100 : (100 * found) / returned;
  console.log(
    `edited archive: ${runs.length} runs (${runs.length - RUNS} from text taken back, ${gone} now found nowhere) · ` +
      `recall ${recall.toFixed(1)}% · precision ${precision.toFixed(1)}% · ${misses.length} differences`,
  );
  if (misses.length > 0) console.log(`  ${misses.slice(0, 20).join('\n  ')}`);
  expect(gone).toBeGreaterThan(0);
  expect(misses).toEqual([]);
  expect(recall).toBe(100);
  expect(precision).toBe(100);
});

/** What a reader sees for `query`: every result id in order, the count, and the first cards. */
async function answer(page: Page, query: string): Promise<{ ids: string[]; count: string; cards: string[] }> {
  const ids = await allResultIds(page, query);
  const count = (await page.evaluate(() => document.documentElement.dataset['searchCount'])) ?? '';
  const shown = Math.min(ids.length, 5);
  // The first cards on screen, as a reader sees them: they load when they come into view.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await page.waitForFunction(
    (n) =>
      [...document.querySelectorAll('.search-results > li')]
        .slice(0, n)
        .every((item) => !item.matches('.search-card-placeholder')),
    shown,
  );
  const cards = await page
    .locator('.search-results > li')
    .evaluateAll((items, n) => items.slice(0, n).map((item) => item.innerHTML), shown);
  return { ids, count, cards };
}

test('the 74 queries of the evaluation get the same results, counts, cards and filters', async ({ browser }) => {
  test.setTimeout(300_000);
  const pages: [Page, Page] = [await browser.newPage(), await browser.newPage()];
  for (const page of pages) await page.setViewportSize({ width: 1280, height: 4000 });
  await openBoth(pages);
  const differences: string[] = [];
  let results = 0;
  for (const { query } of evalSet) {
    const [updated, fresh] = await Promise.all([answer(pages[0], query), answer(pages[1], query)]);
    results += updated.ids.length;
    const a = JSON.stringify(updated);
    const b = JSON.stringify(fresh);
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    if (a !== b)
      differences.push(
        `${query}: …${a.slice(Math.max(0, at - 100), at + 200)} ≠ …${b.slice(Math.max(0, at - 100), at + 200)}`,
      );
  }
  // The filter pane: every value with its count; then a query narrowed to the first year.
  const filters = await Promise.all(
    pages.map(async (page) => {
      await page.locator('[data-search-filters] summary').click();
      const groups = page.locator('[data-search-filter-groups]');
      await expect(groups.locator('input').first()).toBeVisible();
      const text = await groups.innerText();
      await page
        .getByRole('checkbox', { name: /^\s*20\d\d\b/u })
        .first()
        .check();
      return { text, narrowed: await answer(page, '社区') };
    }),
  );
  console.log(`edited archive: ${evalSet.length} queries, ${results} results, ${differences.length} differences`);
  expect(differences).toEqual([]);
  expect(results).toBeGreaterThan(evalSet.length);
  expect(filters[0]).toEqual(filters[1]);
});
