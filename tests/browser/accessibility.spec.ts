/**
 * axe-core over every page the sitemap lists: no serious or critical violation (WCAG 2.1 A/AA).
 * The sitemap names pages at the public address; they are visited on the local preview.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { at, sitemapPaths } from './site.ts';

for (const path of sitemapPaths()) {
  test(`axe: ${path}`, async ({ page }) => {
    await page.goto(at(path));
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.impact}: ${violation.id} — ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
      );
    expect(serious).toEqual([]);
  });
}
