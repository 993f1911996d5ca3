/**
 * No broken link in the built site (tests/support/link-check.ts): every href, src, srcset, form
 * action and #anchor of every page, and the site's own addresses in its meta tags, JSON-LD,
 * feeds and sitemaps, resolved against the page's public address and found in the build.
 * Run over the build in dist/ and, when scripts/test.mjs made it (SUBPATH_DIST), over the
 * same site built for a sub-path (SITE_URL=https://example.cn/zhuanban/).
 */
import { describe, expect, it } from 'vitest';
import { builtSiteUrl, checkLinks } from '../support/link-check.ts';
import { dist } from '../support/site.ts';

const builds = [
  { name: 'the site', dir: dist },
  { name: 'the site under a sub-path', dir: process.env['SUBPATH_DIST'] },
];

describe.each(builds)('links of $name', ({ dir }) => {
  it.skipIf(dir === undefined)('lead to a file of the build, every one', () => {
    const site = builtSiteUrl(dir ?? '');
    const report = checkLinks(dir ?? '', site);
    const broken = report.broken.map(({ file, where, address, reason }) => `${file} (${where}) ${address}: ${reason}`);
    expect(broken, `broken links in ${dir}, built for ${site}`).toEqual([]);
    // Every page was read, with its navigation, photos and stylesheets.
    expect(report.pages).toBeGreaterThanOrEqual(10);
    expect(report.checked).toBeGreaterThan(report.pages * 20);
  });
});
