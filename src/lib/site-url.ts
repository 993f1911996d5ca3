/**
 * Where the site lives. A newsroom rarely owns a whole domain for its supplements: the site
 * may be published at `https://www.某报.cn/zhuanban/` or a Pages project address
 * (`https://org.github.io/<repo>/`). SITE_URL names that address; its path becomes Astro's
 * `base`, and every address the site writes — links, assets, feeds, the sitemap, canonical
 * and share URLs, the search bundle, scripts — goes through this module so it follows.
 *
 * Two kinds of path, never mixed:
 * - a *site path* names a page of the site as if it were at the root: `/features/jiulong/`,
 *   `/favicon.svg` (what routes and components think in);
 * - an *address path* is what a browser requests: the site path under the base,
 *   `/zhuanban/features/jiulong/`. `withBase()` turns the first into the second;
 *   `Astro.url.pathname` is already the second.
 */

/** Where the site is published when SITE_URL is not set. */
export const DEFAULT_SITE_URL = 'https://zhuanban.example.cn/';

export interface SiteAddress {
  /** The published address, ending in `/`: Astro's `site`. */
  site: string;
  /** Its path, `/` or `/zhuanban/`: Astro's `base`. */
  base: string;
}

/**
 * SITE_URL → Astro's `site` and `base`. The path may be given with or without its trailing
 * slash; a query or fragment is an error, since no page could be served under it.
 *
 *   siteAddress('https://x.cn/zhuanban') → { site: 'https://x.cn/zhuanban/', base: '/zhuanban/' }
 */
export function siteAddress(siteUrl: string | undefined): SiteAddress {
  const given = siteUrl?.trim() ?? '';
  const text = given === '' ? DEFAULT_SITE_URL : given;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(
      `SITE_URL「${text}」不是完整网址，应形如 https://www.example.cn/zhuanban/ / SITE_URL is not an absolute URL`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`SITE_URL「${text}」须以 https:// 开头 / SITE_URL must be an http(s) address`);
  if (url.search || url.hash)
    throw new Error(`SITE_URL「${text}」不能带 ? 或 # / SITE_URL must not carry a query or fragment`);
  const base = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { site: `${url.origin}${base}`, base };
}

/**
 * A site path under `base`: joinBase('/zhuanban/', '/features/a/') → '/zhuanban/features/a/'.
 * The path may start with `/` or not; `base` with or without its trailing slash. Anything
 * that is already an address (`https:`, `//host`, `#anchor`, `?query`) is returned as it is.
 */
export function joinBase(base: string, path: string): string {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\?)/iu.test(path)) return path;
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${path.replace(/^\/+/u, '')}`;
}

/**
 * A site path as the address a browser requests in this build, e.g. `withBase('/search/')`.
 * Works in components, pages and client scripts alike: Vite compiles `import.meta.env.BASE_URL`
 * in (`/` in unit tests). Not for code Node runs directly (scripts/): pass the base to
 * joinBase() there.
 */
export function withBase(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/**
 * The site path of an address path, or undefined when it lies outside the base:
 * sitePath('/zhuanban/', '/zhuanban/features/a/') → '/features/a/'.
 */
export function sitePath(base: string, addressPath: string): string | undefined {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (addressPath === root.slice(0, -1)) return '/';
  return addressPath.startsWith(root) ? `/${addressPath.slice(root.length)}` : undefined;
}
