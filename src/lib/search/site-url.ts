/**
 * Addresses the search code builds: files of the index and result links, under the site's
 * base path (issue 13: the site may live at https://x.cn/zhuanban/). Every URL the search page
 * and the feature page's highlighter make goes through here.
 */

/** The query parameter that carries the searched terms to a feature page (highlight.ts reads it). */
export const HIGHLIGHT_PARAM = 'highlight';

/** `path` (no leading slash) under `base` (Astro's BASE_URL, which ends in a slash). */
export function underBase(base: string, path: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}${path.replace(/^\/+/u, '')}`;
}

/** A result's address with the highlight parameter set to the whole terms, once each. */
export function withHighlightTerms(url: string, terms: readonly string[]): string {
  const parsed = new URL(url, 'https://placeholder.invalid');
  parsed.searchParams.delete(HIGHLIGHT_PARAM);
  for (const term of terms) parsed.searchParams.append(HIGHLIGHT_PARAM, term);
  const relative = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  return parsed.origin === 'https://placeholder.invalid' ? relative : parsed.href;
}
