/**
 * The photos of every feature page, as built: the lightbox is wired without JavaScript,
 * and no <img> falls back to the camera original.
 */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { publishedFeatures, readDist } from '../support/site.ts';

describe.each(publishedFeatures)('features/$slug/ photos', (feature) => {
  const html = parse(readDist(`features/${feature.slug}/index.html`));
  const openers = html.querySelectorAll('button[command="show-modal"]');

  it('opens each photo in its own native dialog, which a button inside closes', () => {
    expect(openers.length).toBeGreaterThan(0);
    const ids = openers.map((button) => button.getAttribute('commandfor'));
    expect(new Set(ids).size, 'two photos share one dialog id').toBe(ids.length);
    for (const id of ids) {
      const dialog = html.querySelector(`dialog#${id}`);
      expect(dialog, `no <dialog id="${id}">`).not.toBeNull();
      expect(dialog?.getAttribute('closedby')).toBe('any');
      const close = dialog?.querySelector(`button[command="close"][commandfor="${id}"]`);
      expect(close?.textContent.trim()).toBe('关闭');
    }
  });

  it('names each photo button after what the photo shows', () => {
    for (const button of openers) {
      const alt = button.querySelector('img')?.getAttribute('alt') ?? '';
      expect(button.getAttribute('aria-label')).toBe(`查看大图：${alt}`);
    }
  });

  it('loads the large photo only when its dialog opens', () => {
    for (const img of html.querySelectorAll('dialog img')) {
      expect(img.getAttribute('loading')).toBe('lazy');
      expect(img.getAttribute('sizes')).toBe('100vw');
    }
  });

  it('falls back to a mid-size image, never the 2000 px original', () => {
    for (const img of html.querySelectorAll('.figure-open img')) {
      const width = Number(img.getAttribute('width'));
      expect(width).toBeGreaterThan(0);
      expect(width).toBeLessThanOrEqual(1080);
      // The src must be one of the resized candidates of the srcset, at most 1080 px wide.
      const src = img.getAttribute('src');
      const candidates = new Map(
        (img.getAttribute('srcset') ?? '').split(',').map((candidate) => {
          const [url = '', descriptor = ''] = candidate.trim().split(/\s+/);
          return [url, Number.parseInt(descriptor, 10)];
        }),
      );
      expect(candidates.get(src ?? ''), `<img src="${src}"> is not a resized candidate`).toBeLessThanOrEqual(1080);
    }
  });
});
