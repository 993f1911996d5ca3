/**
 * The photos of every feature page, as built: the lightbox is wired without JavaScript,
 * and no <img> falls back to the camera original; the asset folder holds exactly the images
 * the site links to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { IMAGE_FILE, referencedAssetNames, TEXT_FILE } from '../support/asset-links.ts';
import { dist, publishedFeatures, readDist } from '../support/site.ts';

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

describe('dist/_astro/', () => {
  const assets = readdirSync(join(dist, '_astro'));
  const linked = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (TEXT_FILE.test(entry.name))
        for (const name of referencedAssetNames(readFileSync(path, 'utf8'), '_astro')) linked.add(name);
    }
  };
  walk(dist);

  it('has every image a built page, feed or script links to', () => {
    const images = [...linked].filter((name) => IMAGE_FILE.test(name));
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((name) => !assets.includes(name) && !assets.includes(decodeURIComponent(name)))).toEqual([]);
  });

  it('ships no image nothing links to, such as a camera original (src/integrations/photos.ts)', () => {
    expect(assets.filter((name) => IMAGE_FILE.test(name) && !linked.has(name))).toEqual([]);
  });
});
