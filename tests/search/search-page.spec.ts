/**
 * The search page in Chromium: a shared address shows its results, bad input is handled
 * (shown as text, never run), and a result opens its feature with the terms marked.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { articleBlocks } from './article-text.ts';
import { openSearch, renderedResults, search } from './search-helpers.ts';

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

test('门口的变化 shows 二七区 with the phrase marked once in a clean excerpt of the article', async ({ page }) => {
  await page.goto('search/?q=门口的变化');
  const cards = page.locator('.search-results .search-card');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('二七区');
  const excerpt = cards.first().locator('.search-card-excerpt');
  await expect(excerpt.locator('mark')).toHaveText(['门口的变化']);
  const text = await excerpt.innerText();
  expect(text).toContain('村民见证了家门口的变化');
  // Only the article's own words: no index words, no zero-width spaces, no ". " between blocks.
  expect(text).not.toMatch(/[\u200b\ua000-\ua4cf]|\. /u);
});

test('海绵 改造 puts 九州路, where both matter most, first', async ({ page }) => {
  await page.goto('search/?q=海绵 改造');
  await expect(page.locator('.search-results .search-card').first()).toContainText('九州路');
  expect((await renderedResults(page))[0]).toBe('jiuzhoulu');
});

test('/search/?q=三项工程,一项管理 lists 二七区 and 枫杨, both terms marked in each excerpt (issue 22)', async ({
  page,
}) => {
  expect((await openSearch(page, '三项工程,一项管理')).sort()).toEqual(['erqi', 'fengyang']);
  for (const card of await page.locator('.search-results .search-card').all()) {
    const marks = await card.locator('.search-card-excerpt mark').allInnerTexts();
    expect(marks).toEqual(expect.arrayContaining(['三项工程', '一项管理']));
  }
  await expect(page.locator('[data-search-input]')).toHaveValue('三项工程,一项管理');
});

test('/search/?q=序化,洁化,绿化,亮化 lists 枫杨 with the four words marked (issue 22)', async ({ page }) => {
  expect(await openSearch(page, '序化,洁化,绿化,亮化')).toEqual(['fengyang']);
  await expect(page.locator('.search-card-excerpt mark')).toHaveText(['序化', '洁化', '绿化', '亮化']);
});

test('punctuation typed between words separates them; in quotes it is part of the phrase', async ({ page }) => {
  await page.goto('search/');
  const both = ['erqi', 'fengyang'];
  for (const query of [
    '三项工程，一项管理',
    '三项工程、一项管理',
    '三项工程 / 一项管理',
    '三项工程；一项管理|',
    '“三项工程、一项管理”',
  ]) {
    expect((await search(page, query)).sort(), query).toEqual(both);
  }
  // The pages print 、 there: a phrase in quotes with another mark finds nothing.
  expect(await search(page, '"三项工程,一项管理"')).toEqual([]);
  // Numbers and Latin words with digits stay whole.
  expect(await search(page, 'PM2.5,PM10')).toEqual(['jiuzhoulu']);
  expect(await search(page, '35.97平方公里，天健湖')).toEqual(['gouzhao']);
  // The help text says so.
  await expect(page.locator('.search-rules')).toContainText('引号');
});

test('海绵 改造 shows 二七区 with both words marked where they stand close together', async ({ page }) => {
  await openSearch(page, '海绵 改造');
  const erqi = page.locator('.search-results .search-card', { hasText: '二七区' });
  const marks = await erqi.locator('.search-card-excerpt mark').allInnerTexts();
  expect(marks).toEqual(expect.arrayContaining(['海绵', '改造']));
  // Opened from the result, the feature page marks each term.
  await erqi.locator('.search-card-link').click();
  await expect(page).toHaveURL(/\/features\/erqi\/\?highlight=/u);
  // The highlighter is fetched after the page has loaded: wait for its marks.
  const marked = async () => [...new Set(await page.locator('mark.search-highlight').allInnerTexts())].sort();
  await expect.poll(marked).toEqual(['改造', '海绵']);
});

test('龙 lists every feature whose article contains 龙, and nothing else', async ({ page }) => {
  await page.goto('search/');
  const slugs = ['changxinglu', 'erqi', 'fengyang', 'gouzhao', 'huayuankou', 'jiulong', 'jiuzhoulu'];
  const texts = await articleBlocks(
    page,
    slugs.map((slug) => `features/${slug}/`),
  );
  const expected = slugs.filter((_, i) => (texts[i] ?? []).some((block) => block.text.includes('龙')));
  expect(expected.length).toBeGreaterThan(1);
  expect((await search(page, '龙')).sort()).toEqual(expected);
});

test('traditional and full-width queries find what their simplified, half-width forms find', async ({ page }) => {
  await page.goto('search/');
  expect(await search(page, '門口的變化')).toEqual(await search(page, '门口的变化'));
  expect(await search(page, 'ＰＭ２．５')).toEqual(['jiuzhoulu']);
  await expect(page.locator('.search-card-excerpt mark').first()).toHaveText('PM2.5');
});

test('the feature page opened from a result marks the whole query, across inline elements', async ({ page }) => {
  await page.goto('search/?q=门口的变化');
  await page.locator('.search-results .search-card-link').first().click();
  await expect(page).toHaveURL(/\/features\/erqi\/\?highlight=/u);
  await expect(page.locator('mark.search-highlight')).toHaveText(['门口的变化']);
  await expect(page.locator('mark.search-highlight')).toBeInViewport();
  // 郑州市<a>二七区</a>: one term across two elements, marked in two pieces.
  await page.goto('features/erqi/?highlight=市二七');
  await expect(page.locator('.feature-meta mark.search-highlight')).toHaveText(['市', '二七']);
  // Furniture the index leaves out stays unmarked.
  await page.goto('features/erqi/?highlight=分钟读完');
  await expect(page.locator('mark.search-highlight')).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe on search result pages, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const query of ['海绵城市', '门口的变化', '海绵 改造', '龙']) {
      await page.goto(`search/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction((q) => document.documentElement.dataset['searchQuery'] === q, query);
      await renderedResults(page);
      await expect(page.locator('.search-card-excerpt mark').first()).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const violations = results.violations.map(
        (violation) =>
          `${violation.impact}: ${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
      );
      expect(violations, query).toEqual([]);
    }
  });
}
