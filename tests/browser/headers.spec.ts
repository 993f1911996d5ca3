/**
 * The headers a <meta> cannot carry (src/lib/http-headers.ts) reach the browser through
 * `astro preview` — what `npm start` serves — and do what they say.
 */
import { SECURITY_HEADERS } from '../../src/lib/http-headers.ts';
import { expect, test } from './fixtures.ts';

test('every response carries the security headers', async ({ page }) => {
  // Routing every request turns Playwright's HTTP cache off: a file revalidated from the cache
  // would show only the 304's headers (the browser keeps the stored ones).
  await page.route('**/*', (route) => route.continue());
  const seen: { url: string; headers: Promise<Record<string, string>> }[] = [];
  // allHeaders(): headers() leaves out some security-related ones.
  page.on('response', (response) => seen.push({ url: response.url(), headers: response.allHeaders() }));
  await page.goto('features/jiulong/');
  await page.goto('search/?q=海绵城市');
  await expect(page.locator('.search-results .search-card').first()).toBeVisible();
  // Pages, stylesheets, scripts, photos and Pagefind's files alike.
  expect(seen.length).toBeGreaterThan(10);
  for (const { url, headers } of seen) {
    const received = await headers;
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(received[name.toLowerCase()], `${name} on ${url}`).toBe(value);
  }
});

test('another site cannot frame a page (frame-ancestors)', async ({ browser }) => {
  // A context of its own: the refusal is a console error, which the fixture would count.
  const context = await browser.newContext();
  const page = await context.newPage();
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('frame-ancestors')) refused.push(message.text());
  });
  const target = new URL('about/', test.info().project.use.baseURL).href;
  await page.setContent(`<iframe src="${target}" title="framed"></iframe>`);
  await expect.poll(() => refused.length).toBeGreaterThan(0);
  // Chromium shows its own error page in the frame instead of ours.
  expect(await page.frameLocator('iframe').locator('main#main').count()).toBe(0);
  await context.close();
});
