import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSiteUrl, checkLinks, pageAddress, srcsetAddresses } from './link-check.ts';

/** A built site in a temporary folder: file path → contents. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhuanban-links-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const page = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const SITE = 'https://example.cn/zhuanban/';

describe('checkLinks', () => {
  const good = {
    'index.html': page(
      '<a href="features/a/">a</a> <a href="/zhuanban/features/a/#s-1">s1</a> <a href="#main">skip</a>' +
        '<main id="main"></main><a href="https://weibo.com/x">weibo</a><a href="mailto:a@b.cn">mail</a>',
      `<link rel="canonical" href="${SITE}"><link rel="icon" href="/zhuanban/favicon.svg">`,
    ),
    'features/a/index.html': page(
      '<h2 id="s-1">一</h2><picture><source srcset="/zhuanban/_astro/p.1.avif 360w, /zhuanban/_astro/p.2.avif 720w">' +
        '<img src="../../_astro/p.webp"></picture><form action="/zhuanban/search/"></form><a href="../../?q=1">home</a>',
      `<meta property="og:image" content="${SITE}_astro/p.jpg">` +
        `<script type="application/ld+json">{"@id":"${SITE}features/a/#article","url":"${SITE}features/a/"}</script>`,
    ),
    'search/index.html': page(''),
    'favicon.svg': '<svg/>',
    '_astro/p.1.avif': '',
    '_astro/p.2.avif': '',
    '_astro/p.webp': '',
    '_astro/p.jpg': '',
    'rss.xml': `<rss><link>${SITE}</link><item><link>${SITE}features/a/</link><content:encoded>&lt;img src=&quot;${SITE}_astro/p.webp&quot;&gt;</content:encoded></item></rss>`,
  };

  it('passes a site whose every address leads to a file, resolving each as a browser would', () => {
    const report = checkLinks(site(good), SITE);
    expect(report.broken).toEqual([]);
    expect(report.pages).toBe(3);
    expect(report.checked).toBeGreaterThanOrEqual(15);
    expect([...report.external]).toEqual(['https://weibo.com/x']);
  });

  it('names every kind of broken link: missing file, missing anchor, outside the base, no trailing slash', () => {
    const broken = site({
      ...good,
      'features/a/index.html': page(
        '<a href="/features/a/">root</a><a href="/zhuanban/features/b/">b</a><a href="#s-9">s9</a>' +
          '<a href="/zhuanban/features/a">a</a><img srcset="/zhuanban/_astro/gone.avif 2x">',
        `<meta property="og:image" content="https://example.cn/_astro/p.jpg">`,
      ),
      'rss.xml': `<rss><item><link>https://example.cn/features/a/</link></item></rss>`,
    });
    const report = checkLinks(broken, SITE);
    expect(report.broken.map(({ file, where, address, reason }) => `${file} ${where} ${address}: ${reason}`)).toEqual([
      "features/a/index.html a href /features/a/: outside the site's base path /zhuanban/",
      'features/a/index.html a href /zhuanban/features/b/: no file features/b/index.html in the build',
      'features/a/index.html a href #s-9: features/a/index.html has no element with id="s-9"',
      'features/a/index.html a href /zhuanban/features/a: a folder without its trailing slash (the site uses /path/)',
      'features/a/index.html img srcset /zhuanban/_astro/gone.avif: no file _astro/gone.avif in the build',
      "features/a/index.html og:image https://example.cn/_astro/p.jpg: outside the site's base path /zhuanban/",
      // An anchor into another page: that page lost its section 1.
      'index.html a href /zhuanban/features/a/#s-1: features/a/index.html has no element with id="s-1"',
      "rss.xml rss.xml https://example.cn/features/a/: outside the site's base path /zhuanban/",
    ]);
  });

  it('reads the site address a build was made for from its home page', () => {
    expect(builtSiteUrl(site(good))).toBe(SITE);
    expect(() => builtSiteUrl(site({}))).toThrow(/no index.html/u);
  });
});

describe('helpers', () => {
  it('serves index.html at its folder', () => {
    expect(pageAddress('index.html', new URL(SITE)).href).toBe(SITE);
    expect(pageAddress('features/a/index.html', new URL(SITE)).href).toBe(`${SITE}features/a/`);
    expect(pageAddress('404.html', new URL(SITE)).href).toBe(`${SITE}404.html`);
  });
  it('splits a srcset into its addresses', () => {
    expect(srcsetAddresses(' /a.avif 360w,/b.avif 720w , c.webp')).toEqual(['/a.avif', '/b.avif', 'c.webp']);
  });
});
