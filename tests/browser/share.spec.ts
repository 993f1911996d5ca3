/** The share box: copying the address works with JavaScript, and without it the address is still there to select. */
import { ui } from '../../src/i18n/zh-CN.ts';
import { expect, test } from './fixtures.ts';
import { publishedFeatures } from './site.ts';

const slug = publishedFeatures[0]?.slug ?? '';

test.describe('with the Clipboard API', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 360, height: 740 } });

  test('the copy button copies the canonical address and says so', async ({ page }) => {
    await page.goto(`features/${slug}/`);
    const field = page.getByLabel(ui.share.linkLabel);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    await expect(field).toHaveValue(canonical ?? '');
    await page.getByRole('button', { name: ui.share.copy }).click();
    await expect(page.getByRole('status').filter({ hasText: ui.share.copied })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('there is no dead copy button, and the address is in a read-only field', async ({ page }) => {
    await page.goto(`features/${slug}/`);
    await expect(page.getByRole('button', { name: ui.share.copy })).toBeHidden();
    const field = page.getByLabel(ui.share.linkLabel);
    await expect(field).toBeVisible();
    await expect(field).toHaveAttribute('readonly', '');
    await expect(page.getByRole('img', { name: ui.share.wechatQrAlt })).toBeVisible();
  });
});
