/** Drives the search page the way a reader does: type, then wait for the rendered results. */
import { expect, type Page } from '@playwright/test';

const slugOf = (href: string): string => /\/features\/([^/]+)\//u.exec(new URL(href, 'http://x').pathname)?.[1] ?? '';

/** Type a query into the search page and wait until its results are rendered. */
async function typeQuery(page: Page, query: string): Promise<void> {
  await page.locator('[data-search-input]').fill(query);
  await page.waitForFunction((q) => document.documentElement.dataset['searchQuery']?.trim() === q, query.trim());
}

/** Open /search/?q=… as a shared link does and return the result slugs once they have rendered. */
export async function openSearch(page: Page, query: string): Promise<string[]> {
  await page.goto(`search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction((q) => document.documentElement.dataset['searchQuery'] === q, query.trim());
  return renderedResults(page);
}

/** Type a query into the search page and return the result slugs once they have rendered. */
export async function search(page: Page, query: string): Promise<string[]> {
  await typeQuery(page, query);
  return renderedResults(page);
}

/**
 * Type a query and return the page ids of every result, in order: the page renders ten at a
 * time, so "显示更多结果" is pressed until all are listed (cards load only on screen; ids are
 * on every list item). One round trip to the browser: the property test types hundreds.
 */
export async function allResultIds(page: Page, query: string): Promise<string[]> {
  return page.evaluate(async (q) => {
    const root = document.documentElement;
    const input = document.querySelector<HTMLInputElement>('[data-search-input]');
    if (!input) throw new Error('no search box');
    if (!(input.value === q && root.dataset['searchQuery'] === q.trim())) {
      const done = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (root.dataset['searchQuery'] !== q.trim()) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(root, { attributes: true, attributeFilter: ['data-search-query'] });
      });
      input.value = q;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: q, inputType: 'insertText' }));
      await done;
    }
    const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
    while (more && !more.hidden) more.click();
    return [...document.querySelectorAll<HTMLElement>('.search-results > li')].map(
      (li) => li.dataset['resultId'] ?? '',
    );
  }, query);
}

/** The slugs of the first page of results once every card has loaded. */
export async function renderedResults(page: Page): Promise<string[]> {
  const count = Number(await page.evaluate(() => document.documentElement.dataset['searchCount']));
  const links = page.locator('.search-results .search-card-link');
  // The page renders ten results at a time, and a card loads when it is scrolled to: scroll
  // down as a reader would, to the first card not loaded yet, until the whole first page is
  // there. (Straight to the last one, a card the page had no time to see on a busy machine
  // before it was scrolled away stayed a placeholder.)
  await expect
    .poll(async () => {
      await page.evaluate(() =>
        (
          document.querySelector('.search-results > li.search-card-placeholder') ??
          document.querySelector('.search-results > li:last-child')
        )?.scrollIntoView(),
      );
      return links.count();
    })
    .toBe(Math.min(count, 10));
  return (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map(slugOf);
}
