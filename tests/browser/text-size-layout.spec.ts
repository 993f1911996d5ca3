/**
 * 字号 (issue 21) on every page: each page of the sitemap and a search result page laid out at
 * every text size, at 360 and 1280 px, in light and dark, must not scroll sideways or cut text
 * off; axe judges the pages a reader spends most time on at every size, with the size list
 * open, and on a feature with read-aloud reading. (Kept apart from text-size.spec.ts so the
 * sub-path project can leave these out, as it leaves out accessibility.spec.ts: the markup is
 * the same under any base path.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import { ui } from '../../src/i18n/zh-CN.ts';
import { TEXT_SIZES } from '../../src/lib/text-size.ts';
import { expect, test } from './fixtures.ts';
import { layoutProblems } from './layout.ts';
import { at, galleryFeature, sitemapPaths } from './site.ts';
import { MAINLAND_VOICE, useSpeechStandIn } from './speech.ts';
import { showAt } from './text-size.ts';

/** The steps: 100, 115, 130 and 150 % of body text. */
const SCALE = { standard: 1, large: 1.15, larger: 1.3, largest: 1.5 } as const;
const WIDTHS = [360, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const SEARCH = `/search/?q=${encodeURIComponent('社区')}`;
const FEATURE = `/features/${galleryFeature.slug}/`;

async function openPage(page: import('@playwright/test').Page, path: string): Promise<void> {
  await page.goto(at(path));
  if (path === SEARCH) await expect(page.locator('.search-results .search-card').first()).toBeVisible();
}

for (const path of [...sitemapPaths(), SEARCH]) {
  test(`字号: ${path} — every size at 360 and 1280 px, light and dark: no sideways scrolling, nothing cut off`, async ({
    page,
  }) => {
    // A feature page with read-aloud's buttons out, all three (speech.ts gives it a voice).
    const feature = path.startsWith('/features/');
    if (feature) await useSpeechStandIn(page, { voices: [MAINLAND_VOICE], pace: 'manual' });
    await openPage(page, path);
    if (feature) await page.getByRole('button', { name: ui.readAloud.play }).click();
    const problems: string[] = [];
    for (const size of TEXT_SIZES) {
      await showAt(page, size);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: width < 600 ? 740 : 900 });
        // The page is at that size: 17 px body text on a phone, 18 px on a desktop, times the step.
        const body = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
        expect(body, `${size} ${width}px`).toBeCloseTo((width < 736 ? 17 : 18) * SCALE[size], 1);
        for (const colorScheme of SCHEMES) {
          await page.emulateMedia({ colorScheme });
          for (const problem of await layoutProblems(page))
            problems.push(`${size} ${width}px ${colorScheme}: ${problem}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
}

// axe, put into the page once and run at every size, width and scheme (see accessibility.spec.ts).
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

for (const path of ['/', FEATURE, '/archive/', SEARCH]) {
  test(`axe at every text size: ${path}, 360 and 1280 px, light and dark, the size list open`, async ({ page }) => {
    // On the feature, read-aloud reading too: its buttons out and the first block marked.
    if (path === FEATURE) await useSpeechStandIn(page, { voices: [MAINLAND_VOICE], pace: 'manual' });
    await openPage(page, path);
    if (path === FEATURE) await page.getByRole('button', { name: ui.readAloud.play }).click();
    await page.evaluate(axeSource);
    await page.getByRole('button', { name: ui.textSize.button }).click();
    const found: string[] = [];
    for (const size of TEXT_SIZES.slice(1)) {
      await showAt(page, size);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: width < 600 ? 740 : 900 });
        for (const colorScheme of SCHEMES) {
          await page.emulateMedia({ colorScheme });
          const results = await page.evaluate(() =>
            (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe.run(document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
              resultTypes: ['violations'],
            }),
          );
          for (const violation of results.violations)
            found.push(
              `${size} ${width}px ${colorScheme}: ${violation.id} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
            );
        }
      }
    }
    expect(found).toEqual([]);
  });
}
