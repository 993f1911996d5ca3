/** The photo viewer: keyboard and touch readers open it, close it, and land where they were. */
import { ui } from '../../src/i18n/zh-CN.ts';
import { expect, test } from './fixtures.ts';
import { galleryFeature } from './site.ts';

const openButton = new RegExp(`^${ui.figure.open('')}`);

test('Enter opens the photo, Esc closes it and focus returns to the photo', async ({ page }) => {
  await page.goto(`features/${galleryFeature.slug}/`);
  const photo = page.getByRole('button', { name: openButton }).nth(1);
  await photo.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('img')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(photo).toBeFocused();
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });

  test('a tap opens the photo and the close button returns to it', async ({ page }) => {
    await page.goto(`features/${galleryFeature.slug}/`);
    const photo = page.getByRole('button', { name: openButton }).first();
    await photo.tap();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: ui.figure.close }).tap();
    await expect(dialog).toBeHidden();
    await expect(photo).toBeFocused();
  });
});
