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
 *
 * Scripts are followed as the browser loads them: a module's static imports load with it
 * (Astro splits shared code into chunks), its dynamic imports only when the code asks for them
 * ("on demand": the read-aloud player after the first tap, the search highlighter). The reader
 * tools of issue 21 — the before-paint script, the text-size control and read-aloud — are
 * summed on their own line against their budget of 2 KB gzip on load.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforePaintScript } from '../src/lib/before-paint.ts';
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

export interface ScriptWeight {
  /** Its file, or "inline" and its size. */
  name: string;
  weight: Weight;
  /** Loaded only when code asks for it (a dynamic import), not with the page. */
  onDemand: boolean;
  /** One of issue 21's reader tools: the before-paint script, the text-size control, read-aloud. */
  readerTool: boolean;
}

export interface PageWeight {
  page: string;
  html: Weight;
  css: Weight;
  /** The JavaScript the page loads with it (not what it loads on demand). */
  js: Weight;
  renderBlockingScripts: number;
  /** Every script the page runs or may load (JSON-LD is data, not counted). */
  scripts: ScriptWeight[];
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
  let renderBlockingScripts = 0;
  const scripts: ScriptWeight[] = [];
  // Astro inlines small module scripts into the page: they are JavaScript the page runs too.
  for (const script of root.querySelectorAll('script:not([src])')) {
    const type = script.getAttribute('type');
    if (type && type !== 'module' && type !== 'text/javascript') continue;
    const code = script.textContent;
    scripts.push({
      name: `inline ${Buffer.byteLength(code)} B`,
      weight: weigh(code),
      onDemand: false,
      readerTool: code === beforePaintScript() || code.includes('text-size-choices'),
    });
  }
  /** Every module an entry brings, and whether it comes only on demand (url → onDemand). */
  const reach = (entries: readonly string[]) => {
    const found = new Map<string, boolean>();
    const follow = (url: string, onDemand: boolean) => {
      if (found.has(url) && (onDemand || found.get(url) === false)) return;
      found.set(url, onDemand);
      const code = readFileSync(fileOf(dist, url), 'utf8');
      for (const [, path] of code.matchAll(STATIC_IMPORT)) follow(new URL(path!, `https://x${url}`).pathname, onDemand);
      for (const [, path] of code.matchAll(DYNAMIC_IMPORT)) follow(new URL(path!, `https://x${url}`).pathname, true);
    };
    for (const entry of entries) follow(entry, false);
    return found;
  };
  const sources = root.querySelectorAll('script[src]').map((script) => script.getAttribute('src')!);
  for (const script of root.querySelectorAll('script[src]')) {
    const deferred =
      script.hasAttribute('async') || script.hasAttribute('defer') || script.getAttribute('type') === 'module';
    if (!deferred && script.closest('head')) renderBlockingScripts++;
  }
  // A module counts as a reader tool's when read-aloud brings it and the page would not load
  // it at that moment anyway (the chunks the search entry loads with every page are not).
  const others = reach(sources.filter((src) => !src.includes('/ReadAloud.astro_')));
  const tools = reach(sources.filter((src) => src.includes('/ReadAloud.astro_')));
  const modules = new Map<string, { onDemand: boolean; readerTool: boolean }>();
  for (const url of new Set([...others.keys(), ...tools.keys()])) {
    const onDemand = (others.get(url) ?? true) && (tools.get(url) ?? true);
    modules.set(url, { onDemand, readerTool: tools.has(url) && others.get(url) !== false });
  }
  for (const [url, { onDemand, readerTool }] of modules)
    scripts.push({ name: url, weight: weigh(readFileSync(fileOf(dist, url))), onDemand, readerTool });
  const js = scripts.filter((script) => !script.onDemand).reduce((sum, script) => add(sum, script.weight), ZERO);
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

/** `import … from"./x.js"` or `import"./x.js"` in a built module; import("./x.js") for dynamic ones. */
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/gu;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/gu;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (scripts: readonly ScriptWeight[]) => scripts.reduce((total, script) => add(total, script.weight), ZERO);

/** The reader tools' script: what loads with the page and what the first tap of 朗读 loads. */
export function readerToolsWeight(w: PageWeight): { onLoad: Weight; onDemand: Weight } {
  const tools = w.scripts.filter((script) => script.readerTool);
  return { onLoad: sum(tools.filter((s) => !s.onDemand)), onDemand: sum(tools.filter((s) => s.onDemand)) };
}

const listScripts = (scripts: readonly ScriptWeight[]) =>
  scripts.length > 0
    ? scripts.map((s) => `${s.name} (${kb(s.weight.gzip)} gz${s.readerTool ? ', reader tool' : ''})`).join(', ')
    : 'none';

function readerToolsLine(w: PageWeight): string {
  const { onLoad, onDemand } = readerToolsWeight(w);
  return (
    `  reader tools (字号, 朗读): ${kb(onLoad.gzip)} gzip on load (budget 2 KB: ${onLoad.gzip <= 2048 ? 'within' : 'OVER'})` +
    `, ${kb(onDemand.gzip)} on the first tap of 朗读, ${kb(onLoad.gzip + onDemand.gzip)} together`
  );
}

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
    `  scripts on load: ${listScripts(w.scripts.filter((s) => !s.onDemand))}`,
    `  scripts on demand: ${listScripts(w.scripts.filter((s) => s.onDemand))}`,
    readerToolsLine(w),
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
