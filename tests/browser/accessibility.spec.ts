/**
 * axe-core (WCAG 2.1 A and AA rules) over every page the sitemap lists and over search result
 * pages, at a phone's 360 px and a desktop's 1280 px, in the light and the dark colour scheme:
 * no violation of any impact. The sitemap names pages at the public address; they are visited
 * on the local preview.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { expect, test } from './fixtures.ts';
import { at, sitemapPaths } from './site.ts';

const WIDTHS = [360, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const RUN_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  // Violations only: collecting the passes costs more than the checks.
  resultTypes: ['violations'],
};
// axe is put into the page once and run four times there (the four cost about what one
// @axe-core/playwright analyze() does, which injects it again on every call). Evaluated
// through the DevTools protocol, it is not subject to the page's Content-Security-Policy.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Every violation on the page as it is now, in each width and scheme, one line each;
 * `only`/`exclude` narrow axe to some elements or leave some out.
 */
async function violations(page: Page, { only, exclude }: { only?: string; exclude?: string } = {}): Promise<string[]> {
  await page.evaluate(axeSource);
  const found: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width < 600 ? 740 : 900 });
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      const results = await page.evaluate(
        ([include, leaveOut, options]) => {
          const within = include ? { include: [include] } : leaveOut ? { exclude: [leaveOut] } : document;
          return (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe.run(
            within,
            options,
          );
        },
        [only ?? '', exclude ?? '', RUN_OPTIONS] as const,
      );
      for (const violation of results.violations)
        found.push(
          `${width}px ${colorScheme}: ${violation.impact ?? ''} ${violation.id} — ${violation.help} (${violation.nodes
            .map((node) => node.target.join(' '))
            .join(', ')})`,
        );
    }
  }
  return found;
}

for (const path of sitemapPaths()) {
  test(`axe: ${path}`, async ({ page }) => {
    await page.goto(at(path));
    expect(await violations(page)).toEqual([]);
  });
}

const EXCERPT_MARKS = '.search-card-excerpt mark';

/** A search for `query` with its results on screen, the filter pane open and a filter chosen. */
async function searchResults(page: Page, query: string): Promise<void> {
  await page.goto(`search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction((q) => document.documentElement.dataset['searchQuery'] === q, query);
  await expect(page.locator('.search-results .search-card').first()).toBeVisible();
  await page.locator('[data-search-filters] summary').click();
  await page.locator('[data-search-filter-groups] input[type="checkbox"]').first().check();
  await page.waitForFunction(() => Number(document.documentElement.dataset['searchCount']) > 0);
  await page.locator('.search-results > li').first().scrollIntoViewIfNeeded();
  await expect(page.locator(EXCERPT_MARKS).first()).toBeVisible();
}

for (const query of ['海绵城市', '社区']) {
  test(`axe: search results for ${query}`, async ({ page }) => {
    await searchResults(page, query);
    // The excerpts' marks are judged on their own below.
    expect(await violations(page, { exclude: EXCERPT_MARKS })).toEqual([]);
  });
}

test('axe: the marked words of search excerpts', async ({ page }) => {
  // The mark's own colours (--color-mark-bg/--color-mark-text) in both schemes: the old
  // #fde68a on the dark scheme's text colour was 1.02:1 (issue 11.5).
  await searchResults(page, '社区');
  expect(await violations(page, { only: EXCERPT_MARKS })).toEqual([]);
});

test('axe: a feature opened from a search result, its terms marked', async ({ page }) => {
  await page.goto(`features/jiuzhoulu/?highlight=${encodeURIComponent('海绵城市')}`);
  await expect(page.locator('mark').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
