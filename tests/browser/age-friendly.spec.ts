/**
 * The MIIT rules for older readers (互联网网站适老化通用设计规范, 2021) the site meets beyond
 * text size, contrast and line spacing (text-size*.spec.ts, accessibility.spec.ts): controls
 * big enough to hit, a focus a reader can see, and nothing that moves unless asked
 * (docs/适老化.md lists every item and its test).
 */
import type { Page } from '@playwright/test';
import { ui } from '../../src/i18n/zh-CN.ts';
import { expect, test } from './fixtures.ts';
import { at, galleryFeature, sitemapPaths } from './site.ts';
import { MAINLAND_VOICE, useSpeechStandIn } from './speech.ts';
import { showAt } from './text-size.ts';

const SEARCH = `/search/?q=${encodeURIComponent('社区')}`;
const FEATURE = `/features/${galleryFeature.slug}/`;
/** One page of each kind. */
const PAGES = [
  '/',
  FEATURE,
  '/archive/',
  '/districts/',
  sitemapPaths().find((path) => /^\/districts\/[^/]+\/$/u.test(path))!,
  '/topics/',
  sitemapPaths().find((path) => /^\/topics\/[^/]+\/$/u.test(path))!,
  '/about/',
  SEARCH,
];

async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(at(path));
  if (path === SEARCH) await expect(page.locator('.search-results .search-card').first()).toBeVisible();
}

/**
 * Every control on the page smaller than 44 × 44 px, as "name w×h". A link set in a line of
 * text (its parent holds words of its own beside it: 郑州市 before the district, 话题： before
 * the topics, a sentence) is text, not a control, as WCAG's inline exception has it; a link
 * stretched over its card (::after at inset 0) is as big as the card; a radio button is as big
 * as its label when that is bigger.
 */
const smallTargets = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const small: string[] = [];
    for (const control of document.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary',
    )) {
      if (!control.checkVisibility({ visibilityProperty: true }) || control.closest('.sr-only')) continue;
      if (control.matches('.skip-link')) continue; // off screen until focused
      const words = [...(control.parentElement?.childNodes ?? [])]
        .filter((node) => node instanceof Text)
        .map((node) => node.data)
        .join('')
        .replace(/[\s·：:，、（）()]/gu, '');
      if (control.localName === 'a' && words) continue;
      let box = control.getBoundingClientRect();
      const after = getComputedStyle(control, '::after');
      if (after.position === 'absolute' && after.content !== 'none') {
        let holder = control.parentElement;
        while (holder && getComputedStyle(holder).position === 'static') holder = holder.parentElement;
        if (holder) box = holder.getBoundingClientRect();
      }
      const big = (rect: DOMRect) => rect.width >= 43.5 && rect.height >= 43.5;
      const label = control instanceof HTMLInputElement ? control.labels?.[0] : undefined;
      if (!big(box) && label && big(label.getBoundingClientRect())) continue;
      if (!big(box))
        small.push(
          `${control.localName} “${control.textContent.trim().slice(0, 12)}” ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    }
    return small;
  });

for (const path of PAGES) {
  test(`适老化: every control on ${path} is at least 44 × 44 px, at 标准 and 超大, on a phone and a desktop`, async ({
    page,
  }) => {
    // A feature page's read-aloud buttons show with a Chinese voice (speech.ts).
    if (path === FEATURE) await useSpeechStandIn(page, { voices: [MAINLAND_VOICE], pace: 'manual' });
    await openPage(page, path);
    if (path === FEATURE) {
      await page.getByRole('button', { name: ui.readAloud.play }).click();
      await expect(page.getByRole('button', { name: ui.readAloud.stop })).toBeVisible();
    }
    const found: string[] = [];
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      for (const size of ['standard', 'largest'] as const) {
        await showAt(page, size);
        for (const target of await smallTargets(page)) found.push(`${width}px ${size}: ${target}`);
      }
    }
    // The controls that open on a tap: the text-size list, and read-aloud's buttons.
    await page.getByRole('button', { name: ui.textSize.button }).click();
    for (const target of await smallTargets(page)) found.push(`size list open: ${target}`);
    expect(found).toEqual([]);
  });
}

/** WCAG's relative luminance of an rgb() colour. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/gu) ?? []).map(Number);
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
const contrast = (a: string, b: string) => {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
};

for (const colorScheme of ['light', 'dark'] as const) {
  test(`适老化: the keyboard focus is visible on every stop, ${colorScheme}, home and a feature`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const path of ['/', FEATURE]) {
      await page.goto(at(path));
      const seen = new Set<string>();
      for (let stop = 0; stop < 80; stop++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const active = document.activeElement;
          if (!active || active === document.body) return undefined;
          // The ring may be drawn by the element or, for a card's link, by the card around it.
          for (let element: Element | null = active, depth = 0; element && depth < 4; element = element.parentElement) {
            const style = getComputedStyle(element);
            if (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2)
              return {
                name: `${active.localName} “${active.textContent.trim().slice(0, 12)}”`,
                ring: style.outlineColor,
                page: getComputedStyle(document.documentElement).backgroundColor,
              };
          }
          return { name: `${active.localName} “${active.textContent.trim().slice(0, 12)}”`, ring: '' };
        });
        if (!focus) break;
        if (seen.has(focus.name)) continue;
        seen.add(focus.name);
        expect(focus.ring, `${path}: ${focus.name} shows no focus ring`).not.toBe('');
        expect(contrast(focus.ring, focus.page ?? ''), `${path}: ${focus.name}`).toBeGreaterThanOrEqual(3);
      }
      expect(seen.size, path).toBeGreaterThan(10);
    }
  });
}

test('适老化: nothing moves by itself — no animation, transition running or autoplaying media on any page', async ({
  page,
}) => {
  for (const path of [...sitemapPaths(), SEARCH]) {
    await openPage(page, path);
    const moving = await page.evaluate(() => [
      ...document
        .getAnimations()
        .map((animation) => `animation on ${String((animation.effect as KeyframeEffect | null)?.target?.nodeName)}`),
      ...[...document.querySelectorAll('video[autoplay], audio[autoplay], marquee')].map(
        (element) => element.localName,
      ),
      ...(getComputedStyle(document.documentElement).scrollBehavior === 'smooth' ? ['smooth scrolling'] : []),
    ]);
    expect(moving, path).toEqual([]);
  }
});
