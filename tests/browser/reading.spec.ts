/** A reader's path through the site, on a phone-sized and a desktop-sized screen. */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { at, districtNames, galleryFeature } from './site.ts';

const feature = galleryFeature;
const districtName = districtNames.get(feature.district) ?? feature.district;

test('home → a feature → its district → back', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: feature.title }).first().click();
  await expect(page).toHaveURL(new RegExp(`/features/${feature.slug}/$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(feature.title.replace(/\s+/g, ' '));

  await page.getByRole('link', { name: districtName, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/districts/${feature.district}/$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(districtName);
  await expect(page.getByRole('link', { name: feature.title }).first()).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/features/${feature.slug}/$`));
});

test('every caption shows under its photo', async ({ page }) => {
  await page.goto(`features/${feature.slug}/`);
  expect(feature.figureCaptions.length).toBeGreaterThan(0);
  for (const caption of feature.figureCaptions) {
    const figure = page.getByRole('figure').filter({ hasText: caption });
    await expect(figure.first()).toBeVisible();
    await expect(figure.first().getByRole('img').first()).toBeVisible();
  }
});

for (const path of ['/', `/features/${feature.slug}/`, `/districts/${feature.district}/`]) {
  test(`no sideways scrolling on a 360 px phone: ${path}`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(at(path));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

/** Scrolls through the page so lazy photos load before a full-page picture is taken. */
async function loadWholePage(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle');
}

for (const width of [360, 1280]) {
  for (const [name, path] of [
    ['home', '/'],
    [`feature-${feature.slug}`, `/features/${feature.slug}/`],
  ] as const) {
    test(`screenshot: ${name} at ${width} px`, async ({ page }, testInfo) => {
      test.skip(testInfo.project.name === 'sub-path', 'the same pictures as the site at the root');
      await page.setViewportSize({ width, height: width < 600 ? 740 : 900 });
      await page.goto(at(path));
      await loadWholePage(page);
      // Kept as CI artifacts for a person to look at; never compared.
      mkdirSync('test-results/screenshots', { recursive: true });
      const file = `test-results/screenshots/${name}-${width}.png`;
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`${name}-${width}`, { path: file, contentType: 'image/png' });
    });
  }
}
