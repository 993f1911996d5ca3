/**
 * Page weight of a built page, as a reader downloads it.
 *
 *   node bench/page-weight.ts <dist> [/features/<slug>/ …]    (default: the home page and every feature)
 *
 * HTML, CSS and JavaScript are reported raw, gzip and brotli (what a CDN serves); images as
 * the browser would pick them from <picture>: the first <source> the browser supports
 * (AVIF, then WebP) at a 360 px phone (2× density) and a 1280 px laptop (1×). "lead" is the
 * eagerly loaded photo, the one that decides how soon the page looks done; "all" adds every
 * lazy photo as the reader scrolls. Render-blocking scripts (classic <script src> without
 * async/defer, in <head>) are counted, and must be zero.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import { evaluateSizes, parseSrcset, pickCandidate } from './lib/responsive.ts';

interface Weight {
  raw: number;
  gzip: number;
  brotli: number;
}

const weigh = (data: Buffer | string): Weight => ({
  raw: Buffer.byteLength(data),
  gzip: gzipSync(data, { level: 9 }).length,
  brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const add = (a: Weight, b: Weight): Weight => ({
  raw: a.raw + b.raw,
  gzip: a.gzip + b.gzip,
  brotli: a.brotli + b.brotli,
});
const ZERO: Weight = { raw: 0, gzip: 0, brotli: 0 };

export interface PageWeight {
  page: string;
  html: Weight;
  css: Weight;
  js: Weight;
  renderBlockingScripts: number;
  /** Every script the page runs (JSON-LD is data, not counted): its src, or "inline" and its size. */
  scripts: string[];
  images: Record<'phone' | 'laptop', { lead: number; all: number; leadFile?: string }>;
}

const VIEWPORTS = { phone: { width: 360, dpr: 2 }, laptop: { width: 1280, dpr: 1 } } as const;

function fileOf(dist: string, url: string): string {
  return join(dist, decodeURIComponent(new URL(url, 'https://x/').pathname));
}

function pictureBytes(
  dist: string,
  picture: HTMLElement,
  viewport: { width: number; dpr: number },
): { bytes: number; file: string } {
  const img = picture.querySelector('img');
  const source = picture.querySelector('source') ?? img;
  const srcset = source?.getAttribute('srcset') ?? img?.getAttribute('src') ?? '';
  const sizes = source?.getAttribute('sizes') ?? img?.getAttribute('sizes');
  const chosen = pickCandidate(parseSrcset(srcset), evaluateSizes(sizes, viewport.width), viewport.dpr);
  if (!chosen) return { bytes: 0, file: '' };
  const file = fileOf(dist, chosen.url);
  return { bytes: existsSync(file) ? statSync(file).size : 0, file: chosen.url };
}

export function measurePage(dist: string, page: string): PageWeight {
  const htmlFile = join(dist, page, 'index.html');
  const html = readFileSync(htmlFile);
  const root = parse(html.toString('utf8'));
  let css = ZERO;
  for (const link of root.querySelectorAll('link[rel="stylesheet"]')) {
    css = add(css, weigh(readFileSync(fileOf(dist, link.getAttribute('href')!))));
  }
  let js = ZERO;
  let renderBlockingScripts = 0;
  const scripts: string[] = [];
  // Astro inlines small module scripts into the page: they are JavaScript the page runs too.
  for (const script of root.querySelectorAll('script:not([src])')) {
    const type = script.getAttribute('type');
    if (type && type !== 'module' && type !== 'text/javascript') continue;
    js = add(js, weigh(script.textContent));
    scripts.push(`inline ${Buffer.byteLength(script.textContent)} B`);
  }
  for (const script of root.querySelectorAll('script[src]')) {
    scripts.push(script.getAttribute('src')!);
    js = add(js, weigh(readFileSync(fileOf(dist, script.getAttribute('src')!))));
    const deferred =
      script.hasAttribute('async') || script.hasAttribute('defer') || script.getAttribute('type') === 'module';
    if (!deferred && script.closest('head')) renderBlockingScripts++;
  }
  // Inline classic scripts in <head> block parsing too (JSON-LD and the like are data, not scripts).
  for (const script of root.querySelectorAll('head script:not([src])')) {
    const type = script.getAttribute('type');
    if (!type || type === 'text/javascript') renderBlockingScripts++;
  }
  // Photos inside a closed <dialog> (the lightbox) are only fetched when it opens.
  const pictures = root.querySelectorAll('picture').filter((p) => !p.closest('dialog'));
  const images = {} as PageWeight['images'];
  for (const [name, viewport] of Object.entries(VIEWPORTS) as [
    keyof typeof VIEWPORTS,
    (typeof VIEWPORTS)[keyof typeof VIEWPORTS],
  ][]) {
    let all = 0;
    let lead = 0;
    let leadFile: string | undefined;
    for (const picture of pictures) {
      const { bytes, file } = pictureBytes(dist, picture, viewport);
      all += bytes;
      if (!leadFile && picture.querySelector('img')?.getAttribute('loading') !== 'lazy') {
        lead = bytes;
        leadFile = file;
      }
    }
    images[name] = { lead, all, ...(leadFile ? { leadFile } : {}) };
  }
  return { page, html: weigh(html), css, js, renderBlockingScripts, scripts, images };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatPageWeight(w: PageWeight): string {
  const row = (name: string, x: Weight) =>
    `  ${name.padEnd(12)} ${kb(x.raw).padStart(10)} ${kb(x.gzip).padStart(10)} ${kb(x.brotli).padStart(10)}`;
  return [
    w.page,
    `  ${''.padEnd(12)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`,
    row('HTML', w.html),
    row('CSS', w.css),
    row('JS', w.js),
    row('HTML + CSS', add(w.html, w.css)),
    `  HTML + CSS gzip budget 50 KB: ${add(w.html, w.css).gzip <= 50 * 1024 ? 'within' : 'OVER'}`,
    `  scripts: ${w.scripts.length > 0 ? w.scripts.join(', ') : 'none'}`,
    `  render-blocking scripts: ${w.renderBlockingScripts}`,
    `  images, 360 px @2x:  lead ${kb(w.images.phone.lead)}, all ${kb(w.images.phone.all)}  (${w.images.phone.leadFile ?? 'no eager image'})`,
    `  images, 1280 px @1x: lead ${kb(w.images.laptop.lead)}, all ${kb(w.images.laptop.all)}  (${w.images.laptop.leadFile ?? 'no eager image'})`,
  ].join('\n');
}

if (import.meta.main) {
  const [dist, ...pages] = process.argv.slice(2);
  if (!dist) {
    console.error('usage: node bench/page-weight.ts <dist> [/features/<slug>/ …]');
    process.exit(2);
  }
  // By default the home page and every feature page: the budget holds for each, not on average.
  const features = readdirSync(join(dist, 'features')).filter((d) =>
    existsSync(join(dist, 'features', d, 'index.html')),
  );
  const targets = pages.length > 0 ? pages : ['/', ...features.sort().map((slug) => `/features/${slug}/`)];
  for (const page of targets) console.log(formatPageWeight(measurePage(dist, page)));
}
