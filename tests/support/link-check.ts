/**
 * Broken links in a built site, found without a server: every `href`, `src`, `srcset`,
 * `action` and `poster` of every page in dist/ — and the site's own addresses in its Open
 * Graph tags, JSON-LD, feeds and sitemaps — is resolved against the page's public address as
 * a browser would (`new URL(value, page)`), then looked up among the files of the build.
 *
 * The site is served under a base path (src/lib/site-url.ts), so an address of the site's
 * own origin outside that path is broken too: that is exactly the link a sub-path deploy
 * breaks. `#anchors` must name an `id` (or `<a name>`) of the page they point into.
 * Addresses on other origins (Weibo's share page) are listed, not fetched.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { sitePath } from '../../src/lib/site-url.ts';

export interface BrokenLink {
  /** The file the link is in, relative to dist/ (features/jiulong/index.html). */
  file: string;
  /** Where in it: `a href`, `source srcset`, `og:image`, `rss.xml`… */
  where: string;
  /** The address as written. */
  address: string;
  reason: string;
}

export interface LinkReport {
  /** HTML pages read. */
  pages: number;
  /** Addresses of the site checked (each occurrence counted). */
  checked: number;
  broken: BrokenLink[];
  /** Addresses on other origins, not checked. */
  external: Set<string>;
}

const URL_ATTRIBUTES = ['href', 'src', 'action', 'poster'] as const;
const META_URLS = /^(?:og:url|og:image|og:image:url|og:image:secure_url|twitter:image)$/u;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The public address a file of the build is served at: features/a/index.html → <site>features/a/. */
export function pageAddress(file: string, site: URL): URL {
  return new URL(file.replace(/(^|\/)index\.html$/u, '$1'), site);
}

/** The addresses of a srcset: "a.avif 360w, b.avif 720w" → ["a.avif", "b.avif"]. */
export function srcsetAddresses(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/u)[0] ?? '')
    .filter(Boolean);
}

/** Every address of the site's origin written out in full in a text (JSON-LD, feeds, sitemaps). */
function absoluteAddresses(text: string, site: URL): string[] {
  const origin = site.origin.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return [...text.matchAll(new RegExp(`${origin}[^\\s"'<>&\\\\]*`, 'gu'))].map((m) => m[0].replace(/[,.;)]+$/u, ''));
}

/**
 * Checks every page of `dist`, built for `siteUrl` (its public address with the base path:
 * https://example.cn/zhuanban/).
 */
export function checkLinks(dist: string, siteUrl: string): LinkReport {
  const site = new URL(siteUrl);
  const base = site.pathname;
  const files = filesUnder(dist).map((path) => relative(dist, path).split(sep).join('/'));
  const fileSet = new Set(files);
  const anchors = new Map<string, Set<string>>();
  const documents = new Map<string, HTMLElement>();
  const report: LinkReport = { pages: 0, checked: 0, broken: [], external: new Set() };

  const documentOf = (file: string): HTMLElement => {
    let root = documents.get(file);
    if (!root) {
      root = parse(readFileSync(join(dist, file), 'utf8'), { comment: false });
      documents.set(file, root);
    }
    return root;
  };
  const anchorsOf = (file: string): Set<string> => {
    let ids = anchors.get(file);
    if (!ids) {
      const root = documentOf(file);
      ids = new Set([
        ...root.querySelectorAll('[id]').map((el) => el.getAttribute('id') ?? ''),
        ...root.querySelectorAll('a[name]').map((el) => el.getAttribute('name') ?? ''),
      ]);
      anchors.set(file, ids);
    }
    return ids;
  };

  /** Why `address`, found in `file`, leads nowhere; undefined when it leads to a file of the build. */
  const problem = (address: string, from: URL, anchored: boolean): string | undefined => {
    let url: URL;
    try {
      url = new URL(address, from);
    } catch {
      return 'not a valid address';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined; // mailto:, data:, tel:
    if (url.origin !== site.origin) {
      report.external.add(url.href);
      return undefined;
    }
    report.checked += 1;
    const path = sitePath(base, decodeURIComponent(url.pathname));
    if (path === undefined) return `outside the site's base path ${base}`;
    const target = path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
    if (!fileSet.has(target)) {
      return fileSet.has(`${target}/index.html`)
        ? 'a folder without its trailing slash (the site uses /path/)'
        : `no file ${target} in the build`;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (anchored && fragment && fragment !== 'top' && target.endsWith('.html') && !anchorsOf(target).has(fragment))
      return `${target} has no element with id="${fragment}"`;
    return undefined;
  };

  /** `anchored`: the #fragment must name an element (not for JSON-LD, where #article is a node's name). */
  const check = (file: string, where: string, address: string, from: URL, anchored = true) => {
    const reason = problem(address.trim(), from, anchored);
    if (reason) report.broken.push({ file, where, address, reason });
  };

  for (const file of files) {
    if (file.endsWith('.html')) {
      report.pages += 1;
      const from = pageAddress(file, site);
      const root = documentOf(file);
      for (const attribute of URL_ATTRIBUTES) {
        for (const element of root.querySelectorAll(`[${attribute}]`)) {
          check(file, `${element.rawTagName} ${attribute}`, element.getAttribute(attribute) ?? '', from);
        }
      }
      for (const element of root.querySelectorAll('[srcset]')) {
        for (const address of srcsetAddresses(element.getAttribute('srcset') ?? ''))
          check(file, `${element.rawTagName} srcset`, address, from);
      }
      for (const meta of root.querySelectorAll('meta[content]')) {
        const name = meta.getAttribute('property') ?? meta.getAttribute('name') ?? '';
        if (META_URLS.test(name)) check(file, name, meta.getAttribute('content') ?? '', from);
      }
      for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
        for (const address of absoluteAddresses(script.textContent, site)) check(file, 'JSON-LD', address, from, false);
      }
    } else if (file.endsWith('.xml')) {
      const text = readFileSync(join(dist, file), 'utf8');
      for (const address of absoluteAddresses(text, site)) check(file, file, address, site);
    }
  }
  return report;
}

/** The public address a build was made for: its home page's canonical URL. */
export function builtSiteUrl(dist: string): string {
  const home = join(dist, 'index.html');
  if (!existsSync(home) || !statSync(home).isFile()) throw new Error(`${dist} has no index.html: build it first`);
  const canonical = parse(readFileSync(home, 'utf8')).querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (!canonical) throw new Error(`${home} names no canonical address`);
  return canonical;
}
