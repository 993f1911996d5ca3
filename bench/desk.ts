/**
 * What the editors' desk costs to open: Decap CMS (our /admin/, as built) against Sveltia CMS
 * (the other candidate, set up for the same collection), each served from this machine, opened
 * in Chromium with every other origin refused and recorded, as an editor's browser offline or
 * behind the desk's Content-Security-Policy would see it.
 *
 *   node bench/desk.ts [dist] [--runs 3] [--only decap|sveltia]
 *
 * Per CMS: requests and bytes until the sign-in screen shows (raw and gzip, as a server with
 * gzip sends them), every request to another origin, the time to the sign-in screen (wall) and
 * the main thread's script and task time (CPU, from Chromium's Performance metrics), and
 * whether the interface is in Chinese. Sveltia is installed into bench/.work/sveltia (npm, the
 * version pinned below) on first use; it is not a dependency of the site.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { PROJECT_ROOT, WORK_DIR } from './generate.ts';

const SVELTIA = '0.221.1';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' }, only: { type: 'string' } },
});
const dist = path.resolve(positionals[0] ?? path.join(PROJECT_ROOT, 'dist'));
const runs = Number(values.runs);

/** Sveltia CMS from npm, with a page and a config for the same features collection. */
function sveltiaSite(): string {
  const dir = path.join(WORK_DIR, 'sveltia');
  const bundle = path.join(dir, 'node_modules/@sveltia/cms/dist/sveltia-cms.js');
  if (!existsSync(bundle)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `@sveltia/cms@${SVELTIA}`], { cwd: dir });
  }
  const site = path.join(dir, 'site/admin');
  mkdirSync(site, { recursive: true });
  writeFileSync(path.join(site, 'sveltia-cms.js'), readFileSync(bundle));
  writeFileSync(
    path.join(site, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>专版编辑台</title></head>' +
      '<body><script src="sveltia-cms.js"></script></body></html>\n',
  );
  writeFileSync(
    path.join(site, 'config.yml'),
    [
      'backend: { name: gitlab, repo: newsroom/zhuanban, branch: main, auth_type: pkce, app_id: x }',
      'media_folder: content/features',
      'collections:',
      '  - { name: features, label: 专版稿件, folder: content/features, path: "{{slug}}/index", extension: mdx,',
      '      format: frontmatter, media_folder: "", public_folder: "", create: true,',
      '      fields: [{ name: title, label: 主标题 }, { name: body, label: 正文, widget: markdown }] }',
      '',
    ].join('\n'),
  );
  return path.dirname(site);
}

async function serve(root: string) {
  const server = createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (file.endsWith('/')) file = path.join(file, 'index.html');
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : undefined;
    res.writeHead(200, type ? { 'content-type': type } : {}).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}

interface Result {
  requests: number;
  raw: number;
  gzip: number;
  otherOrigins: string[];
  wallMs: number;
  scriptMs: number;
  taskMs: number;
  chinese: boolean;
  errors: number;
}

async function measure(url: string, ready: string): Promise<Result> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  const page = await browser.newPage({ locale: 'zh-CN' });
  const origin = new URL(url).origin;
  const otherOrigins: string[] = [];
  let errors = 0;
  page.on('console', (m) => (errors += m.type() === 'error' ? 1 : 0));
  page.on('pageerror', () => (errors += 1));
  await page.route('**/*', (route) => {
    const target = route.request().url();
    if (target.startsWith(origin) || target.startsWith('data:') || target.startsWith('blob:')) return route.continue();
    otherOrigins.push(target);
    return route.abort();
  });
  const bodies: Buffer[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(origin))
      void response.body().then(
        (body) => bodies.push(body),
        () => undefined,
      );
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const started = performance.now();
  await page.goto(url);
  await page.getByText(new RegExp(ready)).first().waitFor({ timeout: 60_000 });
  const wallMs = performance.now() - started;
  await page.waitForTimeout(1500);
  const metrics = new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const text = await page.locator('body').innerText();
  await browser.close();
  return {
    requests: bodies.length,
    raw: bodies.reduce((sum, body) => sum + body.length, 0),
    gzip: bodies.reduce((sum, body) => sum + gzipSync(body, { level: 6 }).length, 0),
    otherOrigins: [...new Set(otherOrigins.map((u) => new URL(u).origin + new URL(u).pathname))],
    wallMs,
    scriptMs: (metrics.get('ScriptDuration') ?? 0) * 1000,
    taskMs: (metrics.get('TaskDuration') ?? 0) * 1000,
    chinese: /登录|登入/.test(text),
    errors,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const candidates = [
  { cms: 'decap', name: 'Decap CMS 3.16.3 (our /admin/)', root: () => dist, ready: '登录' },
  { cms: 'sveltia', name: `Sveltia CMS ${SVELTIA}`, root: sveltiaSite, ready: '登录|Sign In|Sign in|GitLab' },
];
for (const { name, root, ready } of candidates.filter((c) => !values.only || c.cms === values.only)) {
  const { url, server } = await serve(root());
  const results: Result[] = [];
  for (let i = 0; i < runs; i++) results.push(await measure(`${url}/admin/`, ready));
  server.close();
  const r = results[0]!;
  console.log(`\n${name}`);
  console.log(`  requests ${r.requests}, ${kb(r.raw)} raw, ${kb(r.gzip)} gzip`);
  console.log(`  other origins asked for: ${r.otherOrigins.length ? r.otherOrigins.join(', ') : 'none'}`);
  console.log(
    `  to the sign-in screen: ${median(results.map((x) => x.wallMs)).toFixed(0)} ms wall, ` +
      `${median(results.map((x) => x.scriptMs)).toFixed(0)} ms script / ${median(results.map((x) => x.taskMs)).toFixed(0)} ms main-thread CPU (median of ${runs})`,
  );
  console.log(`  interface in Chinese: ${r.chinese ? 'yes' : 'no'}; console errors: ${r.errors}`);
}
