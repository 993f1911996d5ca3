/**
 * Search benchmark (not a test): what a phone downloads for a first query, and how long from
 * the last keystroke to rendered results, in Chromium, on real builds of the site: the seven
 * features and a 1,000-feature corpus from bench/generate.ts, both built by the real project,
 * so the pages, their Pagefind fields and thumbnails are exactly what readers get.
 *
 *   node bench/search.ts             builds the seven features into bench/.work/site-7 and
 *                                    bench/.work/corpus-1000-shared (generated if missing) with
 *                                    bench/build.ts --scenario unchanged, prints a table for the README
 *   node bench/search.ts --no-build  measure those two builds as they are
 *   node bench/search.ts --site DIR  measure any built site instead (repeatable; e.g. an older commit)
 *   … --indexing                     also index each site again, alone, with today's indexer and
 *                                    with the one before issue 11 (bench/lib/search-indexing.ts):
 *                                    time, CPU, peak memory, bytes and files written
 *
 * Builds take /tmp/zhuanban-build.lock, as every build on the shared machine does. Files are
 * served gzip-compressed (as any static host does); Pagefind's index, fragment and wasm files
 * are already compressed and are sent as they are.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { defaultCorpusDir, PROJECT_ROOT, WORK_DIR } from './generate.ts';
import { sampleTree } from './lib/process-tree.ts';
import { measureIndexing, type IndexingRun } from './lib/search-indexing.ts';
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.jpg': 'image/jpeg',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    let file = path.join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const ext = path.extname(file);
    const gzip = COMPRESSIBLE.has(ext);
    response.writeHead(200, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': 'max-age=3600',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    const stream = createReadStream(file);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve(server);
    });
  });
}

/** What a downloaded file is, for the breakdown of a first query. */
export function kindOf(url: string): string {
  const { pathname } = new URL(url, 'http://x');
  // /pagefind/… is the primary index; /pagefind-1/… a part merged into it.
  const inIndex = /^\/pagefind(?:-[0-9]+)?\/(?<rest>.*)$/u.exec(pathname)?.groups?.['rest'];
  if (inIndex?.startsWith('index/')) return 'index chunks';
  if (inIndex?.startsWith('fragment/')) return 'fragments';
  if (inIndex?.startsWith('filter/')) return 'filters';
  if (inIndex?.startsWith('text/')) return 'card text';
  if (inIndex === 'prefix-chunks.json') return 'prefix chunk list';
  if (pathname.endsWith('.pagefind')) return 'Pagefind wasm';
  if (pathname.endsWith('.pf_meta')) return 'Pagefind meta';
  if (inIndex !== undefined) return 'Pagefind js';
  if (pathname.endsWith('.js')) return 'page js';
  if (/\.(webp|avif|jpg|png)$/u.test(pathname)) return 'thumbnails';
  return 'page html/css';
}

interface Taken {
  bytes: number;
  requests: number;
  /** Bytes and requests per kind of file (kindOf). */
  byKind: Map<string, { bytes: number; requests: number }>;
}

function addTo(byKind: Taken['byKind'], kind: string, taken: { bytes: number; requests: number }): void {
  const sum = byKind.get(kind) ?? { bytes: 0, requests: 0 };
  byKind.set(kind, { bytes: sum.bytes + taken.bytes, requests: sum.requests + taken.requests });
}

/** Bytes received over the network, page and Pagefind's worker alike (headers + encoded body). */
function byteCounter(page: Page): { take: () => Promise<Taken> } {
  let sizes: Promise<[string, number]>[] = [];
  let inFlight = 0;
  let lastActivity = performance.now();
  const context = page.context();
  context.on('request', () => {
    inFlight += 1;
    lastActivity = performance.now();
  });
  context.on('requestfailed', () => {
    inFlight -= 1;
    lastActivity = performance.now();
  });
  context.on('requestfinished', (request) => {
    inFlight -= 1;
    lastActivity = performance.now();
    sizes.push(
      request
        .sizes()
        .then((s): [string, number] => [kindOf(request.url()), s.responseBodySize + s.responseHeadersSize])
        // A request still finishing when its page closes has no sizes any more; it is not part of the query.
        .catch((): [string, number] => [kindOf(request.url()), 0]),
    );
  });
  return {
    // Wait for the network to be quiet for half a second: lazy thumbnails and fragments start
    // after the results are on screen, and page.waitForLoadState('networkidle') does not wait
    // again on a page that was idle once.
    take: async () => {
      while (inFlight > 0 || performance.now() - lastActivity < 500) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const taken = await Promise.all(sizes);
      sizes = [];
      const byKind: Taken['byKind'] = new Map();
      for (const [kind, bytes] of taken) addTo(byKind, kind, { bytes, requests: 1 });
      return { bytes: taken.reduce((sum, [, bytes]) => sum + bytes, 0), requests: taken.length, byKind };
    },
  };
}

/**
 * The search box and the result links. The second selectors are the Pagefind Component UI's,
 * which the page used until it was replaced: kept so a build from before can be measured.
 */
const SELECTORS = {
  input: '[data-search-input], pagefind-input input',
  links: '.search-results .search-card-link, pagefind-results .search-card-link',
  placeholders: '.search-results .search-card-placeholder',
};

/** Put the whole query in the box as one keystroke would, and time until the results on screen have loaded. */
function timeQuery(page: Page, query: string): Promise<{ ms: number; count: number; listedMs: number }> {
  return page.evaluate(
    async ({ q, selectors }) => {
      const input = document.querySelector<HTMLInputElement>(selectors.input);
      if (!input) throw new Error('no search box');
      const root = document.documentElement;
      // When the result list is there (the search itself done, no card loaded yet).
      let listedMs = Number.NaN;
      const observer = new MutationObserver(() => {
        if (root.dataset['searchQuery'] === q && Number.isNaN(listedMs)) listedMs = performance.now() - started;
      });
      observer.observe(root, { attributes: true, attributeFilter: ['data-search-query'] });
      input.value = q;
      const started = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      for (;;) {
        await new Promise(requestAnimationFrame);
        if (performance.now() - started > 30_000) throw new Error(`"${q}": results not on screen after 30 s`);
        if (root.dataset['searchQuery'] !== q) continue;
        const count = Number(root.dataset['searchCount']);
        const shown = document.querySelectorAll(selectors.links).length;
        // Every card on the first screen has loaded (a phone shows three to five, a laptop four or five).
        const waiting = [...document.querySelectorAll(selectors.placeholders)].some(
          (placeholder) => placeholder.getBoundingClientRect().top < window.innerHeight,
        );
        if (count === 0 || (shown > 0 && !waiting)) {
          observer.disconnect();
          return { ms: performance.now() - started, count, listedMs };
        }
      }
    },
    { q: query, selectors: SELECTORS },
  );
}

/** How often each cached query is timed. */
const CACHED_ROUNDS = 5;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Playwright's default viewport, which the figures in the README have always used. */
const DESKTOP = { width: 1280, height: 720 };
/**
 * A small phone (most readers): the cards are narrower and taller, so fewer of them — and so
 * fewer fragments and thumbnails — are on the first screen. Device scale factor stays 1 so
 * the only difference measured is the viewport.
 */
const PHONE = { width: 360, height: 740 };

/**
 * A reader's first query: a new browser profile (empty cache) opens /search/, types `query`,
 * and everything downloaded until the results are on screen is counted — page and Pagefind.
 */
async function firstQuery(browser: Browser, origin: string, query: string, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const counter = byteCounter(page);
  await page.goto(`${origin}/search/`);
  await page.waitForLoadState('networkidle');
  const pageLoad = await counter.take();
  const { ms } = await timeQuery(page, query);
  await page.waitForLoadState('networkidle');
  const afterTyping = await counter.take();
  await context.close();
  const byKind: Taken['byKind'] = new Map();
  for (const [kind, taken] of [...pageLoad.byKind, ...afterTyping.byKind]) addTo(byKind, kind, taken);
  return {
    pageLoad,
    total: { bytes: pageLoad.bytes + afterTyping.bytes, requests: pageLoad.requests + afterTyping.requests, byKind },
    ms,
  };
}

/** A shared link: /search/?q=… opened with an empty cache, everything until its results show. */
async function sharedLink(browser: Browser, origin: string, query: string): Promise<Taken> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const counter = byteCounter(page);
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction((q) => document.documentElement.dataset['searchQuery'] === q, query);
  await page.waitForLoadState('networkidle');
  const taken = await counter.take();
  await context.close();
  return taken;
}

async function measure(
  dir: string,
  firstWords: readonly string[],
  shared: string,
  queries: readonly string[],
  multiTerm: readonly string[],
) {
  const server = await serve(dir);
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const firsts = [];
  for (const word of firstWords) firsts.push({ word, ...(await firstQuery(browser, origin, word)) });
  const [phoneWord = ''] = firstWords;
  const phone = { word: `${phoneWord} (phone)`, ...(await firstQuery(browser, origin, phoneWord, PHONE)) };
  const link = await sharedLink(browser, origin, shared);
  // Each query once to fetch its chunks, then again to time it with the chunks cached.
  const page = await browser.newPage();
  page.on('pageerror', (error) => {
    console.error(`  page error: ${error.message}`);
  });
  page.on('requestfailed', (request) => {
    console.error(`  request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  await page.goto(`${origin}/search/`);
  // CPU of the query: the whole process tree of this benchmark — Chromium (Pagefind's wasm, the
  // engine, the cards) and the static server — read from /proc before and after, so the time
  // other processes on a shared machine take does not count.
  const cpuNow = () => sampleTree(process.pid).cpuMs;
  const cached = async (list: readonly string[]) => {
    const wall: number[] = [];
    const listed: number[] = [];
    const cpu: number[] = [];
    for (const query of list) {
      await timeQuery(page, query);
      await timeQuery(page, '');
      // Five times each: the median time, the mean CPU (/proc counts in 10 ms ticks).
      const times: number[] = [];
      const listings: number[] = [];
      const before = cpuNow();
      for (let round = 0; round < CACHED_ROUNDS; round++) {
        const { ms, listedMs } = await timeQuery(page, query);
        times.push(ms);
        listings.push(listedMs);
        await timeQuery(page, '');
      }
      const task = (cpuNow() - before) / CACHED_ROUNDS;
      if (process.env['BENCH_VERBOSE'])
        console.log(
          `  ${query}: ${median(times).toFixed(0)} ms (result list ${median(listings).toFixed(1)} ms), CPU ${task.toFixed(0)} ms (with clearing the box)`,
        );
      wall.push(median(times));
      listed.push(median(listings));
      cpu.push(task);
    }
    return { wall, listed, cpu };
  };
  const warm = await cached(queries);
  const multi = await cached(multiTerm);
  await browser.close();
  server.close();
  return {
    firsts,
    phone,
    link,
    warmMedian: median(warm.wall),
    warmMax: Math.max(...warm.wall),
    warmCpu: mean(warm.cpu),
    multiMedian: median(multi.wall),
    multiMax: Math.max(...multi.wall),
    multiCpu: mean(multi.cpu),
    multiListed: median(multi.listed),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const BUILD_LOCK = '/tmp/zhuanban-build.lock';

/** The seven real features, built by the project as `npm run build` does, outside ./dist. */
function buildSevenFeatures(outDir: string): void {
  execFileSync('flock', [BUILD_LOCK, 'npm', 'run', 'build', '--', '--outDir', outDir], {
    cwd: PROJECT_ROOT,
    stdio: 'ignore',
  });
}

/** The generated archive, built with today's site code; an unchanged rebuild reuses its image cache. */
function buildCorpus(corpus: string, features: number): void {
  const node = process.execPath;
  if (!existsSync(corpus)) {
    execFileSync(node, ['bench/generate.ts', '--features', String(features), '--out', corpus], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    });
  }
  // Its stderr says why, should the build fail.
  execFileSync('flock', [BUILD_LOCK, node, 'bench/build.ts', corpus, '--scenario', 'unchanged'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', multiple: true },
      'no-build': { type: 'boolean', default: false },
      indexing: { type: 'boolean', default: false },
    },
  });
  let sites: (readonly [string, string])[];
  if (values.site) {
    sites = values.site.map((dir) => [path.relative(process.cwd(), path.resolve(dir)), path.resolve(dir)] as const);
  } else {
    const site7 = path.join(WORK_DIR, 'site-7');
    const corpus = defaultCorpusDir(1000, 'shared');
    if (!values['no-build']) {
      buildSevenFeatures(site7);
      buildCorpus(corpus, 1000);
    }
    sites = [
      ['7 features', site7],
      ['1,000 features', path.join(corpus, 'dist')],
    ];
  }
  for (const [, dir] of sites) {
    if (!existsSync(path.join(dir, 'search/index.html')) || !existsSync(path.join(dir, 'pagefind'))) {
      console.error(`bench/search.ts: ${dir} has no built /search/ page and Pagefind index; build it first.`);
      process.exit(2);
    }
  }
  // First queries: a two-character word, a four- and an eight-character phrase (issue 11's budgets).
  const firstWords = ['党建', '海绵城市', '党员先锋模范作用'];
  const shared = '党建引领';
  // Cached: one character, two, phrases, two terms, numbers and Latin, a traditional query.
  const queries = [
    '党建',
    '龙',
    '海绵城市',
    '党员先锋模范作用',
    '海绵 改造',
    '路长制',
    '天健湖',
    'PM2.5',
    '35.97平方公里',
    '门口的变化',
    '黨建引領',
  ];
  // Cached, several terms (ranked by proximity first, the card showing the passage holding most
  // of them): separated by spaces, which every version of the page reads as several terms.
  const multiTerm = [
    '海绵 改造',
    '三项工程 一项管理',
    '序化 洁化 绿化 亮化',
    '党建 引领',
    '社区 党员 服务',
    '城市 管理 提升',
  ];
  console.log(
    `| site | search page alone | first query ${firstWords.join(' / ')} (page + Pagefind, empty cache) | first query time | ${firstWords[0] ?? ''} on a phone, ${PHONE.width}×${PHONE.height} | shared link ?q=${shared} | cached: median / max (CPU, mean) | cached, several terms: median / max (CPU, mean; result list alone, median) | index on disk |`,
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const breakdowns: string[] = [];
  const indexing: string[] = [];
  for (const [name, dir] of sites) {
    const r = await measure(dir, firstWords, shared, queries, multiTerm);
    const [first] = r.firsts;
    if (!first) continue;
    const disk = indexOnDisk(dir);
    console.log(
      `| ${name} | ${kb(first.pageLoad.bytes)} (${first.pageLoad.requests}) | ${r.firsts.map((f) => `${kb(f.total.bytes)} (${f.total.requests})`).join(' / ')} | ${r.firsts.map((f) => f.ms.toFixed(0)).join(' / ')} ms | ${kb(r.phone.total.bytes)} (${r.phone.total.requests}) | ${kb(r.link.bytes)} (${r.link.requests}) | ${r.warmMedian.toFixed(0)} / ${r.warmMax.toFixed(0)} ms (${r.warmCpu.toFixed(0)} ms) | ${r.multiMedian.toFixed(0)} / ${r.multiMax.toFixed(0)} ms (${r.multiCpu.toFixed(0)} ms; ${r.multiListed.toFixed(1)} ms) | ${(disk.bytes / 2 ** 20).toFixed(1)} MB, ${disk.files} files |`,
    );
    for (const f of [...r.firsts, r.phone]) {
      breakdowns.push(
        `${name}, first query ${f.word}: ${[...f.total.byKind]
          .sort((a, b) => b[1].bytes - a[1].bytes)
          .map(([kind, { bytes, requests }]) => `${kind} ${kb(bytes)} (${requests})`)
          .join(', ')}`,
      );
    }
    if (values.indexing) {
      for (const which of ['current', 'baseline'] as const) {
        indexing.push(`${name}, ${which} indexer: ${describeIndexing(await measureIndexing(dir, which))}`);
      }
    }
  }
  for (const line of [...breakdowns, ...indexing]) console.log(line);
}

/** Every pagefind*\/ folder of a built site: bytes and files (what a deploy uploads). */
function indexOnDisk(site: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const part of readdirSync(site).filter((name) => /^pagefind(-\d+)?$/u.test(name))) {
    for (const entry of readdirSync(path.join(site, part), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      bytes += statSync(path.join(entry.parentPath, entry.name)).size;
      files += 1;
    }
  }
  return { bytes, files };
}

function describeIndexing(run: IndexingRun): string {
  return `${(run.wallMs / 1000).toFixed(1)} s wall, ${(run.cpuMs / 1000).toFixed(1)} s CPU, peak ${(run.peakRss / 2 ** 30).toFixed(2)} GB, writes ${(run.bytes / 2 ** 20).toFixed(1)} MB in ${run.files} files`;
}
