/**
 * Every published feature's page in the production build, checked against what the editor
 * wrote in content/features/<slug>/index.mdx.
 */
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { measurePage, readerToolsWeight } from '../../bench/page-weight.ts';
import { dist, letters, offeredFormats, publishedFeatures, readDist } from '../support/site.ts';

const page = (path: string): HTMLElement => parse(readDist(path));
const home = page('index.html');

/** A script by its source file, or by its text when Astro inlined it. */
const scriptKey = (script: HTMLElement): string => script.getAttribute('src') ?? `inline: ${script.textContent.trim()}`;
const isJsonLd = (script: HTMLElement): boolean => script.getAttribute('type') === 'application/ld+json';

/** Scripts the home page has too (the site and search module): not a feature's own JavaScript. */
const sharedScripts = new Set(
  home
    .querySelectorAll('script')
    .filter((s) => !isJsonLd(s))
    .map(scriptKey),
);

/** Han, then whitespace containing a line break (or a run of spaces), then Han: a stray gap a reader sees. */
const BROKEN_HAN = /\p{Script=Han}(?:\s*[\n\r\t]\s*| {2,})\p{Script=Han}/u;

it('has published features to test', () => {
  expect(publishedFeatures.length).toBeGreaterThan(0);
});

describe.each(publishedFeatures)('features/$slug/', (feature) => {
  const html = page(`features/${feature.slug}/index.html`);
  const images = html.querySelectorAll('main img');

  it('is a Simplified Chinese page whose one h1 is the title', () => {
    expect(html.querySelector('html')?.getAttribute('lang')).toBe('zh-CN');
    const headings = html.querySelectorAll('h1');
    expect(headings).toHaveLength(1);
    expect(letters(headings[0]?.textContent ?? '')).toBe(letters(feature.title));
  });

  it('gives every photo alt text, its size, and AVIF and WebP sources', () => {
    const figures = html.querySelectorAll('figure').filter((figure) => figure.querySelector('img'));
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) {
      const img = figure.querySelector('img');
      const where = `<img src="${img?.getAttribute('src')}">`;
      expect(img?.getAttribute('alt')?.trim(), `${where} alt`).toBeTruthy();
      expect(Number(img?.getAttribute('width')), `${where} width`).toBeGreaterThan(0);
      expect(Number(img?.getAttribute('height')), `${where} height`).toBeGreaterThan(0);
      const picture = figure.querySelector('picture');
      expect(picture, where).not.toBeNull();
      if (picture) expect(offeredFormats(picture), where).toEqual(expect.arrayContaining(['avif', 'webp']));
    }
  });

  it('prints every caption the editor gave under its photo', () => {
    const figcaptions = html.querySelectorAll('figure figcaption').map((caption) => letters(caption.textContent));
    const captions = [...(feature.coverCaption ? [feature.coverCaption] : []), ...feature.figureCaptions];
    for (const caption of captions) {
      expect(
        figcaptions.some((text) => text.includes(letters(caption))),
        `no <figcaption> reads “${caption}”`,
      ).toBe(true);
    }
  });

  it('loads the cover first (eager, high priority) and every other photo lazily', () => {
    expect(images.length).toBeGreaterThan(0);
    const [lead, ...rest] = images;
    expect(lead?.getAttribute('alt')).toBe(feature.coverAlt);
    expect(lead?.getAttribute('loading') ?? 'eager').toBe('eager');
    expect(lead?.getAttribute('fetchpriority')).toBe('high');
    for (const img of rest) {
      expect(img.getAttribute('loading'), `<img alt="${img.getAttribute('alt')}">`).toBe('lazy');
      expect(img.getAttribute('fetchpriority')).not.toBe('high');
    }
  });

  it('indexes the article for search with the headline and the lines printed with it weighted above the body', () => {
    const body = html.querySelector('[data-pagefind-body]');
    expect(body, 'the article carries data-pagefind-body').not.toBeNull();
    // Pagefind weights an h1 at 7 and h2/h3 at 6/5 by default; kicker and subtitle are <p>s.
    expect(body?.querySelectorAll('h1')).toHaveLength(1);
    for (const line of body?.querySelectorAll('hgroup p') ?? []) {
      expect(Number(line.getAttribute('data-pagefind-weight')), line.textContent).toBeGreaterThan(1);
    }
  });

  it('leaves no line break or double space between two Chinese characters in the article text', () => {
    const paragraphs = html.querySelectorAll('article p');
    expect(paragraphs.length).toBeGreaterThan(0);
    const broken = paragraphs.map((p) => p.textContent).filter((text) => BROKEN_HAN.test(text));
    expect(broken).toEqual([]);
  });

  it('has the whole text of the article', () => {
    const article = letters(html.querySelector('article')?.textContent ?? '');
    const missing = feature.paragraphs.filter((paragraph) => !article.includes(letters(paragraph)));
    expect(missing).toEqual([]);
  });

  it('ships no JavaScript of its own but read-aloud: only JSON-LD, the scripts every page shares and ReadAloud', () => {
    const own = html
      .querySelectorAll('script')
      .filter((script) => !isJsonLd(script))
      .map(scriptKey)
      .filter((key) => !sharedScripts.has(key))
      .map((key) => key.slice(0, 100));
    expect(own).toHaveLength(1);
    expect(own[0]).toMatch(/\/_astro\/ReadAloud\.astro_[^/]*\.js$/u);
  });

  it('loads its reader tools (text size, read aloud) in 2 KB of script, gzipped (bench/page-weight.ts)', () => {
    const { onLoad, onDemand } = readerToolsWeight(measurePage(dist, `/features/${feature.slug}/`));
    expect(onLoad.gzip).toBeLessThanOrEqual(2 * 1024);
    // The player comes on the first tap of 朗读, not with the page.
    expect(onDemand.gzip).toBeGreaterThan(0);
  });

  it('weighs under 50 KB of HTML + CSS, gzipped (measured as bench/page-weight.ts reports it)', () => {
    const weight = measurePage(dist, `/features/${feature.slug}/`);
    expect(weight.html.gzip + weight.css.gzip).toBeLessThan(50 * 1024);
  });

  it('describes itself with valid JSON-LD', () => {
    const blocks = html.querySelectorAll('script[type="application/ld+json"]');
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(() => JSON.parse(block.textContent) as unknown).not.toThrow();
  });
});
