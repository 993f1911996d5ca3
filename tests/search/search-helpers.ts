/** Drives the search page the way a reader does: type, then wait for the rendered results. */
import { expect, type Page } from '@playwright/test';

const slugOf = (href: string): string => new URL(href, 'http://x').pathname.split('/')[2] ?? '';

/** Type a query into the search page and return the result slugs once they have rendered. */
export async function search(page: Page, query: string): Promise<string[]> {
  const input = page.locator('[data-search-input]');
  await input.fill(query);
  const wanted = query.trim();
  await page.waitForFunction((q) => document.documentElement.dataset['searchQuery']?.trim() === q, wanted);
  const count = Number(await page.evaluate(() => document.documentElement.dataset['searchCount']));
  const links = page.locator('.search-results .search-card-link');
  // One page of results is rendered; the search page shows ten at a time.
  await expect(links).toHaveCount(Math.min(count, 10));
  return (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map(slugOf);
}
