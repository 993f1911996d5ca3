/**
 * The site works under its Content-Security-Policy (astro.config.mjs `security.csp`): a
 * reader's whole visit — searching (typing, results, filters), opening a result with its terms
 * highlighted, the photo viewer, the share box and copying the link — with no violation. The
 * fixture fails any test on a `securitypolicyviolation` event or a console error (how Chromium
 * reports a blocked script, style or request); this test makes sure every feature is used.
 */
import { ui } from '../../src/i18n/zh-CN.ts';
import { expect, test } from './fixtures.ts';
import { at, galleryFeature, sitemapPaths } from './site.ts';

/** The page's policy, from its <meta>: every directive by name. */
async function policy(page: import('@playwright/test').Page): Promise<Map<string, string[]>> {
  const content = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  return new Map(
    (content ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/u))
      .filter(([name]) => name)
      .map(([name = '', ...values]) => [name, values]),
  );
}

test('every page has a policy: hashes for inline code, no unsafe-inline, nothing from another origin', async ({
  page,
}) => {
  for (const path of sitemapPaths()) {
    await page.goto(at(path));
    const directives = await policy(page);
    expect(directives.get('default-src'), path).toEqual(["'none'"]);
    for (const name of ['script-src', 'style-src']) {
      const values = directives.get(name) ?? [];
      expect(values, `${path} ${name}`).toContain("'self'");
      expect(values.filter((value) => !/^'(?:self|wasm-unsafe-eval|sha256-[A-Za-z0-9+/=]+)'$/u.test(value))).toEqual(
        [],
      );
    }
    // No source but 'self', 'none' and hashes anywhere: no host, no scheme, no unsafe-*.
    const all = [...directives.values()].flat();
    expect(all.filter((value) => !/^'(?:self|none|wasm-unsafe-eval|sha256-[A-Za-z0-9+/=]+)'$/u.test(value))).toEqual(
      [],
    );
  }
});

test.describe('a visit under the policy', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('search, filters, a highlighted result, the photo viewer, the share box and copying', async ({ page }) => {
    await page.goto('search/');
    const input = page.locator('[data-search-input]');
    await input.pressSequentially('社区');
    await page.waitForFunction(() => document.documentElement.dataset['searchQuery'] === '社区');
    const cards = page.locator('.search-results .search-card-link');
    await expect(cards.first()).toBeVisible();
    // Thumbnails and excerpts with <mark> come from Pagefind's fragments, through its wasm.
    await expect(page.locator('.search-card-excerpt mark').first()).toBeVisible();
    await page.locator('[data-search-filters] summary').click();
    const filter = page.locator('[data-search-filter-groups] input[type="checkbox"]').first();
    await filter.check();
    await page.waitForFunction(() => Number(document.documentElement.dataset['searchCount']) > 0);
    await filter.uncheck();
    await page.waitForFunction(() => document.documentElement.dataset['searchCount'] === '7');
    // "显示更多结果" appears past ten results; the seven features never have that many.
    // A card loads its fragment when it comes on screen, below the open filter pane.
    await page.locator('.search-results > li').first().scrollIntoViewIfNeeded();
    await cards.first().click();
    await expect(page).toHaveURL(/\/features\/[^/]+\/\?highlight=/u);
    await expect(page.locator('mark.search-highlight').first()).toBeVisible();

    await page.goto(`features/${galleryFeature.slug}/`);
    const photo = page.getByRole('button', { name: new RegExp(`^${ui.figure.open('')}`, 'u') }).nth(1);
    await photo.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('img')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: ui.share.copy }).click();
    await expect(page.getByRole('status').filter({ hasText: ui.share.copied })).toBeVisible();
    await page.keyboard.press('/');
    await expect(page).toHaveURL(/\/search\/$/u);
  });
});

test('a violation fails the visit: an inline script the policy does not name is blocked', async ({ browser }) => {
  // The check itself, proved on a page we break on purpose in a context of its own.
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy'))
      violations.push(message.text());
  });
  await page.goto(new URL('about/', test.info().project.use.baseURL).href);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.title = "injected"';
    document.body.append(script);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.title()).not.toBe('injected');
  await context.close();
});
