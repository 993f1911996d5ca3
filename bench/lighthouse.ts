/**
 * Lighthouse's four scores — performance, accessibility, best practices, SEO — for the home
 * page, a feature and the archive, on Lighthouse's phone profile (its default: a mid-range
 * phone's screen, 4× slower CPU, slow 4G, all simulated), against the built site served by
 * `astro preview` as `npm start` serves it (gzip, the security headers).
 *
 *   node bench/lighthouse.ts [dist] [--runs N] [/features/<slug>/ …]
 *
 * Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) runs headless. Each page is run N
 * times (default 1), each run on a line of its own with the audits that cost it a point, and
 * the machine's load average is printed before and after: Lighthouse slows the CPU it measures
 * by four, so Total Blocking Time, and with it the performance score, swings with whatever else
 * runs on a shared machine. Reports land in bench/.work/lighthouse/.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
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
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(1))
      .join(' ');
  console.log(
    `Lighthouse ${lighthouseVersion}, phone profile, ${runs} run(s) a page, ${CHROMIUM}; load average ${load()}`,
  );
  console.log(`${'page'.padEnd(24)} run  perf  a11y  best   seo     FCP      LCP      TBT   CLS`);
  for (const page of pages) {
    let perfect = 0;
    for (let run = 1; run <= runs; run++) {
      const report = runLighthouse(
        `http://127.0.0.1:${port}${page}`,
        join(REPORTS, `${page.replace(/\W+/gu, '_') || 'home'}-${run}.json`),
      );
      const scores = CATEGORIES.map((category) => Math.round((report.categories[category].score ?? 0) * 100));
      if (scores.every((score) => score === 100)) perfect++;
      const metric = (id: string, width: number) => (report.audits[id]?.displayValue ?? '?').padStart(width);
      console.log(
        `${(run === 1 ? page : '').padEnd(24)} ${String(run).padStart(3)}  ${scores.map((score) => String(score).padStart(4)).join('  ')}  ` +
          `${metric('first-contentful-paint', 6)}  ${metric('largest-contentful-paint', 7)}  ${metric('total-blocking-time', 7)}  ${metric('cumulative-layout-shift', 4)}`,
      );
      for (const category of CATEGORIES)
        for (const { id, weight } of report.categories[category].auditRefs) {
          const audit = report.audits[id];
          if (weight > 0 && audit && audit.score !== null && audit.score < 1)
            console.log(
              `${''.padEnd(30)}${category}: ${audit.title} (${audit.displayValue ?? `score ${audit.score}`})`,
            );
        }
    }
    console.log(`${''.padEnd(30)}100/100/100/100 in ${perfect} of ${runs} run(s)`);
  }
  console.log(`load average after: ${load()}`);
} finally {
  if (preview.pid) process.kill(-preview.pid);
}
