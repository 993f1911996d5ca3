/**
 * Browser tests over the production build, served by `astro preview`.
 *
 * scripts/test.mjs picks free ports (PREVIEW_PORT, …) so two checkouts can test side by side;
 * DIST points at another build folder than dist/ when given. The browser is Debian's
 * Chromium (package `chromium`): Playwright's own download needs internet, which CI lacks.
 *
 * Tests open pages by relative address (`features/jiulong/`, `./`), resolved under each
 * project's baseURL: the `sub-path` project runs the site's suite again over the build made for
 * SUBPATH_SITE_URL (scripts/test.mjs builds it into SUBPATH_DIST), served by `astro preview`
 * under that path as a Pages host or newsroom server would, so a link that forgets the base
 * path fails a test there.
 */
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env['PREVIEW_PORT'] ?? 4391);
const dist = process.env['DIST'] ?? 'dist';
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const jsonReport = process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'];
// The same site built for a sub-path (absent when this file is run without scripts/test.mjs).
const subpathDist = process.env['SUBPATH_DIST'];
const subpathSiteUrl = process.env['SUBPATH_SITE_URL'] ?? 'https://example.cn/zhuanban/';
const subpathBase = new URL(subpathSiteUrl).pathname;
const subpathPort = Number(process.env['SUBPATH_PREVIEW_PORT'] ?? port + 1);
// What the desk's browser test wrote (tests/desk/), built by scripts/test.mjs, and its port.
const deskSiteDist = process.env['DESK_SITE_DIST'];
const deskSitePort = Number(process.env['DESK_SITE_PREVIEW_PORT'] ?? port + 2);

const launchOptions = {
  executablePath: chromium,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'tests',
  // Site-wide browser tests live in tests/browser/; the search evaluation and bad-input tests in tests/search/.
  testMatch: ['browser/**/*.spec.ts', 'search/**/*.spec.ts', 'desk/**/*.spec.ts'],
  // Screenshots, traces and failure pictures land here; CI keeps the folder as artifacts.
  outputDir: 'test-results/browser',
  fullyParallel: true,
  // Two cores: one worker for the browser, one for the preview server.
  workers: 1,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  // Short waits: a missing button should fail in seconds, not stall CI for a minute per test.
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: jsonReport ? [['list'], ['json', { outputFile: jsonReport }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    locale: 'zh-CN',
    actionTimeout: 10_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: ['desk/**'],
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      // The editors' desk (/admin/) over this build, with its own server and a copy of the content.
      name: 'desk',
      testMatch: 'desk/**/*.spec.ts',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    ...(deskSiteDist
      ? [
          {
            // What the desk wrote, built: a reader's visit, the photos and the policy still hold.
            name: 'desk-site',
            testMatch: [
              'browser/reading.spec.ts',
              'browser/photos.spec.ts',
              'browser/lightbox.spec.ts',
              'browser/csp.spec.ts',
            ],
            // The search walk counts the repository's seven features; the copy has more.
            grepInvert: /a visit under the policy/,
            use: { ...devices['Desktop Chrome'], launchOptions, baseURL: `http://127.0.0.1:${deskSitePort}/` },
          },
        ]
      : []),
    ...(subpathDist
      ? [
          {
            // Everything a reader does, again under a sub-path: browsing, photos, sharing, search.
            name: 'sub-path',
            testMatch: ['browser/**/*.spec.ts', 'search/search-page.spec.ts'],
            // axe reads the same markup under any base path (4 runs a page in the root project),
            // which lays out and sizes its controls the same at every text size; the link check
            // (tests/build/links.test.ts) covers every address of this build.
            testIgnore: [
              'browser/accessibility.spec.ts',
              'browser/text-size-layout.spec.ts',
              'browser/age-friendly.spec.ts',
            ],
            use: {
              ...devices['Desktop Chrome'],
              launchOptions,
              baseURL: `http://127.0.0.1:${subpathPort}${subpathBase}`,
            },
          },
        ]
      : []),
  ],
  webServer: [
    {
      // Through npm so the project's Node 24 is on PATH; --ignore-lock because another
      // preview (an editor's, another checkout's) may be running on its own port.
      command: `npm run preview -- --host 127.0.0.1 --port ${port} --outDir ${dist} --ignore-lock`,
      // A file every build has, so a build without a home page still starts the tests (which then fail clearly).
      url: `http://127.0.0.1:${port}/sitemap-index.xml`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    ...(subpathDist
      ? [
          {
            // astro preview reads the base from astro.config.mjs, which takes it from SITE_URL.
            command: `npm run preview -- --host 127.0.0.1 --port ${subpathPort} --outDir ${subpathDist} --ignore-lock`,
            env: { SITE_URL: subpathSiteUrl },
            url: `http://127.0.0.1:${subpathPort}${subpathBase}sitemap-index.xml`,
            reuseExistingServer: false,
            timeout: 60_000,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
    ...(deskSiteDist
      ? [
          {
            command: `npm run preview -- --host 127.0.0.1 --port ${deskSitePort} --outDir ${deskSiteDist} --ignore-lock`,
            url: `http://127.0.0.1:${deskSitePort}/sitemap-index.xml`,
            reuseExistingServer: false,
            timeout: 60_000,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
  ],
});
