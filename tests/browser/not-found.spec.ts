/**
 * A missing address under the site shows the 404 page, styled, with its ways back into the
 * site working: the page a host serves for any path it has no file for, so its own links and
 * stylesheets must hold wherever the site is published.
 */
import { ui } from '../../src/i18n/zh-CN.ts';
import { expect, test } from './fixtures.ts';

test('a missing page shows the 404 page, whose links lead back into the site', async ({ browser }) => {
  // A context of its own: the fixture counts the page's own 404 as a fault.
  const context = await browser.newContext();
  const page = await context.newPage();
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().includes('/features/no-such-feature/')) failed.push(response.url());
  });
  const baseURL = test.info().project.use.baseURL ?? '';
  const response = await page.goto(new URL('features/no-such-feature/', baseURL).href);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.notFound.title);
  // Styled: the site's stylesheet reached it (the masthead is not the browser's blue link).
  const decoration = await page.locator('.site-name').evaluate((el) => getComputedStyle(el).textDecorationLine);
  expect(decoration).toBe('none');
  await page.getByRole('link', { name: ui.notFound.districts }).click();
  await expect(page).toHaveURL(new URL('districts/', baseURL).href);
  expect(failed).toEqual([]);
  await context.close();
});
