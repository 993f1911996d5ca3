/**
 * Runs the evaluation set (eval-set.ts) through the real search page in Chromium, against
 * the built site, and prints the figures the issue sets targets for:
 *   recall@1  — the best feature is the first result
 *   recall@3  — the best feature is among the first three
 *   complete  — every feature that contains the query is returned
 *   precision — share of shown results whose text contains every term of the query
 *   false hits — results shown for queries that must return nothing
 */
import { expect, test, type Page } from '@playwright/test';
import { search } from './search-helpers.ts';
import { articleBlocks } from './article-text.ts';
import { parseQuery } from '../../src/lib/search/query.ts';
import { loadSimplifier } from '../../src/lib/search/traditional-chinese.ts';
import { evalSet, type Slug } from './eval-set.ts';

/** Each feature's indexed text as the reader sees it (article-text.ts), folded like a query. */
async function featureTexts(page: Page, slugs: readonly string[]): Promise<Map<string, string>> {
  const pages = await articleBlocks(
    page,
    slugs.map((slug) => `features/${slug}/`),
  );
  const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
  return new Map(slugs.map((slug, i) => [slug, (pages[i] ?? []).map((block) => fold(block.text)).join('\n')]));
}

test('search evaluation: recall, precision and false hits meet the targets', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 4000 });
  await page.goto('search/');
  const allSlugs: Slug[] = ['jiulong', 'jiuzhoulu', 'erqi', 'huayuankou', 'changxinglu', 'gouzhao', 'fengyang'];
  const texts = await featureTexts(page, allSlugs);
  const simplify = await loadSimplifier();

  let at1 = 0;
  let at3 = 0;
  let complete = 0;
  let shown = 0;
  let relevant = 0;
  let falseHits = 0;
  const misses: string[] = [];
  const answerable = evalSet.filter((item) => item.best.length > 0);

  for (const item of evalSet) {
    const results = await search(page, item.query);
    const { terms } = parseQuery(item.query, simplify);
    for (const slug of results) {
      shown += 1;
      const text = texts.get(slug) ?? '';
      if (terms.every((term) => term.alternatives.some((chars) => text.includes(chars.join(''))))) relevant += 1;
      else misses.push(`${item.query}: ${slug} does not contain it`);
    }
    if (item.best.length === 0) {
      falseHits += results.length;
      if (results.length > 0) misses.push(`${item.query}: expected nothing, got ${results.join(', ')}`);
      continue;
    }
    const first = results[0] as Slug | undefined;
    if (first && item.best.includes(first)) at1 += 1;
    else misses.push(`${item.query}: first is ${first ?? 'nothing'}, expected ${item.best.join(' or ')}`);
    if (results.slice(0, 3).some((slug) => item.best.includes(slug as Slug))) at3 += 1;
    const missing = item.expect.filter((slug) => !results.includes(slug));
    if (missing.length === 0 && results.length === item.expect.length) complete += 1;
    else misses.push(`${item.query}: returned ${results.join(', ') || 'nothing'}, expected ${item.expect.join(', ')}`);
  }

  const pct = (n: number, d: number) => (d === 0 ? 100 : (100 * n) / d);
  const figures = {
    queries: evalSet.length,
    'recall@1': pct(at1, answerable.length),
    'recall@3': pct(at3, answerable.length),
    complete: pct(complete, answerable.length),
    precision: pct(relevant, shown),
    falseHits,
  };
  console.log(
    `search eval (${test.info().project.name}): ${figures.queries} queries · recall@1 ${figures['recall@1'].toFixed(1)}% · recall@3 ${figures['recall@3'].toFixed(1)}% · ` +
      `complete ${figures.complete.toFixed(1)}% · precision ${figures.precision.toFixed(1)}% (${relevant}/${shown}) · false hits ${falseHits}`,
  );
  if (misses.length > 0) console.log(`  ${misses.join('\n  ')}`);

  expect(figures['recall@1']).toBeGreaterThanOrEqual(95);
  expect(figures['recall@3']).toBe(100);
  expect(figures.precision).toBeGreaterThanOrEqual(95);
  expect(falseHits).toBe(0);
});
