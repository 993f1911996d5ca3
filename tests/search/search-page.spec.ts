/**
 * The search page in Chromium: a shared address shows its results, bad input is handled
 * (shown as text, never run), and a result opens its feature with the terms marked.
 */
import { expect, test } from '@playwright/test';
import { renderedResults, search } from './search-helpers.ts';

test('/search/?q=海绵城市 shows 九州路办事处 and 二七区 with highlighted excerpts', async ({ page }) => {
  await page.goto('search/?q=海绵城市');
  const cards = page.locator('.search-results .search-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText('九州路办事处');
  await expect(cards.nth(1)).toContainText('二七区');
  await expect(cards.nth(0).locator('.search-card-excerpt mark').first()).toBeVisible();
  // One Pagefind meta value per field: the meta line is office · date, nothing else.
  await expect(cards.nth(0).locator('.search-card-meta')).toHaveText(/^九州路办事处 · \d{4}年[^:,]*$/u);
  // The card's thumbnail is a small one made for it, not the article's full-width photo.
  const thumb = cards.nth(0).locator('img.search-card-thumb');
  await expect(thumb).toHaveCount(1);
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(192);
  // Chromium decodes AVIF, so it takes the AVIF source (half the WebP fallback's bytes).
  expect(await thumb.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\.avif$/u);
  await expect(page.locator('[data-search-input]')).toHaveValue('海绵城市');
});

test('typing keeps the query in the address; Back returns to the search', async ({ page }) => {
  await page.goto('search/');
  await search(page, '天健湖');
  await expect(page).toHaveURL(/\/search\/\?q=%E5%A4%A9%E5%81%A5%E6%B9%96$/u);
  await page.locator('.search-results .search-card-link').first().click();
  await expect(page).toHaveURL(/\/features\/gouzhao\/\?highlight=/u);
  await expect(page.locator('mark.search-highlight').first()).toContainText('天健湖');
  await page.goBack();
  await expect(page.locator('.search-results .search-card')).toHaveCount(1);
});

test('the empty state suggests topics, and a query nobody wrote about says so', async ({ page }) => {
  await page.goto('search/');
  await expect(page.locator('[data-search-empty] a[href*="/topics/"]').first()).toBeVisible();
  expect(await search(page, '上海浦东')).toEqual([]);
  await expect(page.locator('[data-search-no-results]')).toContainText('上海浦东');
  await expect(page.locator('[data-search-empty]')).toBeVisible();
});

test('bad input: empty, 1,000 characters, punctuation, emoji, HTML and script', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto('search/');
  expect(await search(page, '海绵城市')).toHaveLength(2);
  expect(await search(page, '')).toEqual([]);
  const long = '海绵城市'.repeat(250);
  const started = Date.now();
  expect(await search(page, long)).toEqual([]);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(await search(page, '！？。，……——')).toEqual([]);
  expect(await search(page, '😀🎉')).toEqual([]);
  expect(await search(page, '😀天健湖')).toEqual(['gouzhao']);
  expect(await search(page, '<b>天健湖</b>')).toEqual(['gouzhao']);
  const script = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  expect(await search(page, script)).toEqual([]);
  // Shown as text, never as markup.
  await expect(page.locator('[data-search-no-results]')).toHaveText(
    new RegExp(script.replace(/[()]/gu, '\\$&').slice(0, 20), 'u'),
  );
  expect(await page.locator('.search-page img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('without JavaScript the page says so and links to districts and topics', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('search/');
  const notice = page.locator('.search-noscript');
  await expect(notice).toContainText('JavaScript');
  await expect(notice.locator('a[href$="/districts/"]')).toHaveCount(1);
  await expect(notice.locator('a[href$="/topics/"]')).toHaveCount(1);
  await context.close();
});

test('"/" and Ctrl+K open search from any page', async ({ page }) => {
  await page.goto('features/jiulong/');
  await page.keyboard.press('/');
  await expect(page).toHaveURL(/\/search\/$/u);
  await expect(page.locator('[data-search-input]')).toBeFocused();
  await page.goto('features/erqi/');
  await page.keyboard.press('Control+k');
  await expect(page).toHaveURL(/\/search\/$/u);
});

test('filters are fetched when the pane opens, and narrow the results', async ({ page }) => {
  const filterRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/filter/')) filterRequests.push(request.url());
  });
  await page.goto('search/');
  expect(await search(page, '社区')).toHaveLength(7);
  expect(filterRequests).toEqual([]);
  await page.locator('[data-search-filters] summary').click();
  const gaoxin = page.getByRole('checkbox', { name: /高新区/u });
  await expect(gaoxin).toBeVisible();
  expect(filterRequests.length).toBeGreaterThan(0);
  await gaoxin.check();
  await page.waitForFunction(() => document.documentElement.dataset['searchCount'] === '2');
  expect((await renderedResults(page)).sort()).toEqual(['fengyang', 'gouzhao']);
});

test('the traditional-to-simplified converter is fetched only for a traditional query', async ({ page }) => {
  const converter: string[] = [];
  page.on('request', (request) => {
    if (/\/_astro\/(tw|cn)\.[\w-]+\.js$/u.test(request.url())) converter.push(request.url());
  });
  await page.goto('search/');
  expect(await search(page, '海绵城市')).toHaveLength(2);
  expect(converter).toEqual([]);
  expect(await search(page, '海綿城市')).toHaveLength(2);
  expect(converter).toHaveLength(2);
});
