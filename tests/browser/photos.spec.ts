/** Photos cost a phone's data only when seen: lightbox images wait until a reader opens one. */
import { expect, test } from './fixtures.ts';
import { galleryFeature } from './site.ts';

test('the large photo is fetched only when its viewer opens', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'image') fetched.push(new URL(request.url()).pathname);
  });
  await page.goto(`features/${galleryFeature.slug}/`);
  // Scroll the whole article past, so every inline photo has had its chance to load.
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle');

  const urls = (selector: string) =>
    page.evaluate(
      (css) =>
        [...document.querySelectorAll(css)].flatMap((el) =>
          (el.getAttribute('srcset') ?? '').split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''),
        ),
      selector,
    );
  const inline = new Set(await urls('.figure-open :is(source, img)'));
  const dialogOnly = new Set((await urls('dialog :is(source, img)')).filter((url) => !inline.has(url)));
  expect(dialogOnly.size).toBeGreaterThan(0);
  expect(fetched.filter((url) => dialogOnly.has(url))).toEqual([]);

  await page.locator('button[command="show-modal"]').nth(1).click();
  const large = page.getByRole('dialog').getByRole('img');
  await expect(large).toBeVisible();
  await expect.poll(() => fetched.filter((url) => dialogOnly.has(url)).length).toBe(1);
});
