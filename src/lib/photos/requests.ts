/**
 * Which photo copies the pages of a build link to. Pages note each copy as they render
 * (url.ts), under their own path, in a list kept on globalThis: the build renders pages in the
 * process its integrations run in, as Astro's own image pipeline relies on (globalThis.astroAsset).
 *
 * With incremental builds, a page whose cacheKey is unchanged is restored from Astro's cache
 * instead of rendered, and notes nothing; the copies it links to are those it noted when it was
 * last rendered, so each build keeps the list by page for the next one (`copiesToPublish`).
 */
import { sitePath } from '../site-url.ts';

const REQUESTS = Symbol.for('zhuanban.photo-requests');

/** Copy names by the page path that links to them (Astro.url.pathname, or the endpoint's). */
export type PhotoRequests = Map<string, Set<string>>;

/** The copies pages rendered in this process asked for, by page path. */
export function photoRequests(): PhotoRequests {
  const global = globalThis as { [REQUESTS]?: PhotoRequests | undefined };
  return (global[REQUESTS] ??= new Map<string, Set<string>>());
}

/** Notes that the page at `page` links to the copy `name`. */
export function requestCopy(page: string, name: string): void {
  const requests = photoRequests();
  let names = requests.get(page);
  if (!names) requests.set(page, (names = new Set()));
  names.add(name);
}

/**
 * The built file of a page path: /features/jiulong/ → features/jiulong/index.html, /rss.xml →
 * rss.xml (build.format 'directory'), with the site's base path taken off first.
 */
export function outputFileOf(page: string, base = '/'): string {
  const path = (sitePath(base, page) ?? page).replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/**
 * The copies a site links to, by built file: what rendered pages noted this build, plus, for
 * each page restored from the incremental cache (`restorable` lists the files that may be, and
 * it noted nothing), what it noted when last rendered (`previous`) — or, when that record is
 * missing (a cache restored only in part), what its built file links to (`readBuilt`).
 */
export function copiesToPublish(
  rendered: ReadonlyMap<string, ReadonlySet<string>>,
  previous: Readonly<Record<string, readonly string[]>>,
  restorable: Iterable<string>,
  readBuilt: (file: string) => string[] | undefined,
): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const [file, names] of rendered) byFile.set(file, [...names].sort());
  for (const file of restorable) {
    if (byFile.has(file)) continue;
    const names = previous[file] ?? readBuilt(file);
    if (names) byFile.set(file, [...names]);
  }
  return byFile;
}

/** The photo copies a built page links to, read from its markup: `…/_astro/<copy name>`. */
export function copiesLinkedFrom(html: string, isCopyName: (name: string) => boolean): string[] {
  const names = new Set<string>();
  for (const [, name = ''] of html.matchAll(/\/_astro\/([\w.-]+)/g)) if (isCopyName(name)) names.add(name);
  return [...names].sort();
}
