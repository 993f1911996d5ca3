/** Drives the search page the way a reader does: type, then wait for the rendered results. */
import { expect, type Page } from '@playwright/test';

const slugOf = (href: string): string => /\/features\/([^/]+)\//u.exec(new URL(href, 'http://x').pathname)?.[1] ?? '';

/** Type a query into the search page and return the result slugs once they have rendered. */
export async function search(page: Page, query: string): Promise<string[]> {
  const input = page.locator('[data-search-input]');
  await input.fill(query);
  const wanted = query.trim();
  await page.waitForFunction((q) => document.documentElement.dataset['searchQuery']?.trim() === q, wanted);
  return renderedResults(page);
}

/** The slugs of the first page of results once every card has loaded. */
export async function renderedResults(page: Page): Promise<string[]> {
  const count = Number(await page.evaluate(() => document.documentElement.dataset['searchCount']));
  const links = page.locator('.search-results .search-card-link');
  // The page renders ten results at a time, and a card loads when it is scrolled to: scroll
  // down as a reader would until the whole first page is there.
  await expect
    .poll(async () => {
      await page.evaluate(() => document.querySelector('.search-results > li:last-child')?.scrollIntoView());
      return links.count();
    })
    .toBe(Math.min(count, 10));
  return (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map(slugOf);
}
