/**
 * 字号 (issue 21): four text sizes a reader picks in the header, on every page. The sizes are
 * the issue's — 100, 115, 130 and 150 % of body text — written here, not read from the code.
 * How every page lays out at every size is text-size-layout.spec.ts.
 */
import type { Page } from '@playwright/test';
import { ui } from '../../src/i18n/zh-CN.ts';
import { TEXT_SIZES, type TextSize } from '../../src/lib/text-size.ts';
import { expect, test } from './fixtures.ts';
import { layoutShift } from './layout.ts';
import { at, galleryFeature } from './site.ts';
import { showAt } from './text-size.ts';

const SCALE: Record<TextSize, number> = { standard: 1, large: 1.15, larger: 1.3, largest: 1.5 };
const WIDTHS = [360, 1280] as const;
const t = ui.textSize;
const SEARCH = `/search/?q=${encodeURIComponent('社区')}`;
const FEATURE = `/features/${galleryFeature.slug}/`;

test('字号: body text and headings grow by the step, line spacing and paragraph spacing with them', async ({
  page,
}) => {
  await page.goto(at(FEATURE));
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const sizes = new Map<TextSize, { body: number; h2: number; h1: number; line: number; gap: number }>();
    for (const size of TEXT_SIZES) {
      await showAt(page, size);
      sizes.set(
        size,
        await page.evaluate(() => {
          const [first, second] = document.querySelectorAll('.prose > p');
          const style = getComputedStyle(first!);
          return {
            body: Number.parseFloat(style.fontSize),
            h2: Number.parseFloat(getComputedStyle(document.querySelector('.prose h2')!).fontSize),
            h1: Number.parseFloat(getComputedStyle(document.querySelector('h1')!).fontSize),
            line: Number.parseFloat(style.lineHeight),
            // From the last line of one paragraph to the first of the next, beyond one line.
            gap: second!.getBoundingClientRect().top - first!.getBoundingClientRect().bottom,
          };
        }),
      );
    }
    const standard = sizes.get('standard')!;
    expect(standard.body).toBeGreaterThanOrEqual(17);
    for (const size of TEXT_SIZES) {
      const at = sizes.get(size)!;
      expect(at.body / standard.body, `${width}px ${size} body`).toBeCloseTo(SCALE[size], 2);
      expect(at.h2 / standard.h2, `${width}px ${size} h2`).toBeCloseTo(SCALE[size], 2);
      // The headline grows too, and stays the largest text on the page.
      expect(at.h1, `${width}px ${size} h1`).toBeGreaterThanOrEqual(standard.h1 * (1 + (SCALE[size] - 1) / 3));
      expect(at.h1).toBeGreaterThan(at.h2);
      // 行距 at least 1.3 times the text (we set 1.8), paragraphs apart by more than a line's
      // spacing: from one paragraph's last line to the next one's first, 1.3 lines at least.
      expect(at.line / at.body, `${width}px ${size} line spacing`).toBeGreaterThanOrEqual(1.5);
      expect((at.line + at.gap) / at.line, `${width}px ${size} paragraph spacing`).toBeGreaterThanOrEqual(1.3);
    }
  }
});

test('字号: the control is in the header, big enough to hit, named for screen readers, and works from the keyboard', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('./');
  const header = page.getByRole('banner');
  const button = header.getByRole('button', { name: t.button });
  await expect(button).toBeVisible();
  const box = (await button.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(44);
  expect(box.height).toBeGreaterThanOrEqual(44);
  // By keyboard: Tab reaches the button, Enter opens the choices, Tab enters them.
  await button.focus();
  await page.keyboard.press('Enter');
  const group = page.getByRole('group', { name: t.legend });
  await expect(group).toBeVisible();
  const radios = group.getByRole('radio');
  await expect(radios).toHaveCount(4);
  for (const size of TEXT_SIZES) {
    const radio = group.getByRole('radio', { name: t.steps[size], exact: true });
    await expect(radio).toHaveCount(1);
    const label = (await page.locator(`label:has(input[value="${size}"])`).boundingBox())!;
    expect(label.height, size).toBeGreaterThanOrEqual(44);
    expect(label.width, size).toBeGreaterThanOrEqual(44);
    expect(label.x).toBeGreaterThanOrEqual(0);
    expect(label.x + label.width).toBeLessThanOrEqual(360);
  }
  const radio = (size: TextSize) => group.getByRole('radio', { name: t.steps[size], exact: true });
  await expect(radio('standard')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(radio('standard')).toBeFocused();
  const before = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
  await page.keyboard.press('ArrowDown');
  await expect(radio('large')).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
  expect(await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize))).toBeCloseTo(
    before * SCALE.large,
    1,
  );
  // Esc closes the choices and gives the focus back to the button.
  await page.keyboard.press('Escape');
  await expect(group).toBeHidden();
  await expect(button).toBeFocused();
});

test('字号: the choice holds on the next page, after a reload, in a new tab and back from the cache', async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('./');
  await page.getByRole('button', { name: t.button }).click();
  await page.getByRole('radio', { name: t.steps.largest, exact: true }).check();
  const expected = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
  expect(expected).toBeCloseTo(17 * SCALE.largest, 1);
  const shown = async (target: Page) => ({
    size: await target.locator('html').getAttribute('data-text-size'),
    body: await target.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize)),
  });

  await page.getByRole('link', { name: galleryFeature.title }).first().click();
  await expect(page).toHaveURL(new RegExp(`${FEATURE}$`, 'u'));
  expect(await shown(page)).toEqual({ size: 'largest', body: expected });
  await page.reload();
  expect(await shown(page)).toEqual({ size: 'largest', body: expected });
  const tab = await context.newPage();
  await tab.setViewportSize({ width: 360, height: 740 });
  await tab.goto(at('/archive/'));
  expect(await shown(tab)).toEqual({ size: 'largest', body: expected });
  // A size chosen in the new tab holds in the first one when it goes back to a page it left.
  await tab.getByRole('button', { name: t.button }).click();
  await tab.getByRole('radio', { name: t.steps.large, exact: true }).check();
  await page.goBack();
  expect((await shown(page)).size).toBe('large');
  await tab.close();
});

test('字号: applied before the first paint — the first frame is drawn at the chosen size and nothing moves', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('./');
  await page.evaluate(() => {
    localStorage.setItem('zhuanban:text-size', 'larger');
  });
  await page.addInitScript(() => {
    // The first frame with any of the page's content in it (a frame before <body> has any is
    // the bare background, and shows no text at any size).
    const look = () => {
      const main = document.querySelector('main');
      if (!main) {
        requestAnimationFrame(look);
        return;
      }
      (window as unknown as { __firstFrame: unknown }).__firstFrame = {
        size: document.documentElement.getAttribute('data-text-size'),
        body: getComputedStyle(document.body).fontSize,
      };
    };
    requestAnimationFrame(look);
  });
  for (const path of ['/', FEATURE, '/archive/', SEARCH]) {
    await page.goto(at(path));
    const first = await page.evaluate(() => (window as unknown as { __firstFrame: unknown }).__firstFrame);
    expect(first, path).toEqual({ size: 'larger', body: `${17 * SCALE.larger}px` });
    // Nothing moves as the page loads (the search page's results, which arrive later, aside).
    if (path !== SEARCH) expect(await layoutShift(page), path).toBe(0);
  }
});

test.describe('字号 without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page reads at 标准 and shows no control that cannot work', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(at(FEATURE));
    await expect(page.getByRole('button', { name: t.button })).toHaveCount(0);
    expect(
      await page
        .locator('.prose > p')
        .first()
        .evaluate((p) => getComputedStyle(p).fontSize),
    ).toBe('17px');
  });
});

test('字号: the printed page keeps the chosen size; the controls stay off paper', async ({ page }) => {
  await page.goto(at(FEATURE));
  await page.emulateMedia({ media: 'print' });
  const printed = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
  const standard = await printed();
  expect(standard).toBeCloseTo(14, 1); // 10.5 pt
  await showAt(page, 'largest');
  expect(await printed()).toBeCloseTo(standard * SCALE.largest, 1);
  await expect(page.getByRole('button', { name: t.button })).toBeHidden();
  await expect(page.getByRole('button', { name: ui.readAloud.play })).toBeHidden();
});
