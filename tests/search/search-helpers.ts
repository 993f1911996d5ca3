/** Drives the search page the way a reader does: type, then wait for the rendered results. */
import { expect, type Page } from '@playwright/test';

const slugOf = (href: string): string => new URL(href, 'http://x').pathname.split('/')[2] ?? '';

/** Type a query into the search page and return the result slugs once they have rendered. */
export async function search(page: Page, query: string): Promise<string[]> {
  const input = page.locator('pagefind-input input');
  await input.fill(query);
  const wanted = query.trim();
  await page.waitForFunction((q) => document.documentElement.dataset['searchQuery']?.trim() === q, wanted);
  const count = Number(await page.evaluate(() => document.documentElement.dataset['searchCount']));
  const links = page.locator('pagefind-results .search-card-link');
  await expect(links).toHaveCount(count);
  return (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map(slugOf);
}
