/**
 * Lighthouse's four scores — performance, accessibility, best practices, SEO — for the home
 * page, a feature and the archive, on Lighthouse's phone profile (its default: a mid-range
 * phone's screen, 4× slower CPU, slow 4G, all simulated), against the built site served by
 * `astro preview` as `npm start` serves it (gzip, the security headers).
 *
 *   node bench/lighthouse.ts [dist] [--runs N] [/features/<slug>/ …]
 *
 * Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) runs headless. Each page is run N
 * times (default 1); a score is the lowest of its runs, and anything under 100 is listed with
 * the audits that cost it. Reports land in bench/.work/lighthouse/.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const lighthouseVersion = (
  JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')) as { version: string }
).version;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const REPORTS = join('bench', '.work', 'lighthouse');

interface Report {
  categories: Record<
    (typeof CATEGORIES)[number],
    { score: number | null; auditRefs: { id: string; weight: number }[] }
  >;
  audits: Record<string, { score: number | null; numericValue?: number; displayValue?: string; title: string }>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within a minute`);
}

function runLighthouse(url: string, output: string): Report {
  const result = spawnSync(
    join('node_modules', '.bin', 'lighthouse'),
    [
      url,
      '--output=json',
      `--output-path=${output}`,
      '--quiet',
      `--only-categories=${CATEGORIES.join(',')}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run',
    ],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CHROME_PATH: CHROMIUM } },
  );
  if (result.status !== 0 || !existsSync(output)) throw new Error(`lighthouse failed on ${url}`);
  return JSON.parse(readFileSync(output, 'utf8')) as Report;
}

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 1;
const [dist = 'dist', ...given] = args;
// The first feature the sitemap lists (the build at the root, as `npm run build` makes it).
const firstFeature = /<loc>[^<]*?(\/features\/[^/<]+\/)<\/loc>/u.exec(
  readFileSync(join(dist, 'sitemap-0.xml'), 'utf8'),
)?.[1];
const pages = given.length > 0 ? given : ['/', firstFeature ?? '/', '/archive/'];

mkdirSync(REPORTS, { recursive: true });
const port = await freePort();
const preview = spawn(
  'npm',
  ['run', 'preview', '--', '--host', '127.0.0.1', '--port', String(port), '--outDir', dist, '--ignore-lock'],
  { stdio: 'ignore', detached: true },
);
try {
  await waitFor(`http://127.0.0.1:${port}/sitemap-index.xml`);
  console.log(`Lighthouse ${lighthouseVersion}, phone profile, ${runs} run(s) a page, ${CHROMIUM}`);
  console.log(`${'page'.padEnd(28)} perf  a11y  best   seo   FCP      LCP      TBT     CLS`);
  for (const page of pages) {
    const reports = Array.from({ length: runs }, (_, run) =>
      runLighthouse(
        `http://127.0.0.1:${port}${page}`,
        join(REPORTS, `${page.replace(/\W+/gu, '_') || 'home'}-${run}.json`),
      ),
    );
    const score = (category: (typeof CATEGORIES)[number]) =>
      Math.min(...reports.map((report) => Math.round((report.categories[category].score ?? 0) * 100)));
    const metric = (id: string) => reports.map((report) => report.audits[id]?.displayValue ?? '?').join('/');
    console.log(
      `${page.padEnd(28)} ${CATEGORIES.map((category) => String(score(category)).padStart(4)).join('  ')}   ` +
        `${metric('first-contentful-paint').padEnd(8)} ${metric('largest-contentful-paint').padEnd(8)} ` +
        `${metric('total-blocking-time').padEnd(7)} ${metric('cumulative-layout-shift')}`,
    );
    for (const report of reports)
      for (const category of CATEGORIES)
        for (const { id, weight } of report.categories[category].auditRefs) {
          const audit = report.audits[id];
          if (weight > 0 && audit && audit.score !== null && audit.score < 1)
            console.log(`    ${category}: ${audit.title} (${audit.displayValue ?? `score ${audit.score}`})`);
        }
  }
} finally {
  if (preview.pid) process.kill(-preview.pid);
}
