/**
 * The searched terms carried to a feature page opened from a result
 * (/features/x/?highlight=海绵城市&highlight=改造), where highlight.ts marks them.
 */

/** The query parameter that carries the searched terms to a feature page. */
export const HIGHLIGHT_PARAM = 'highlight';

/** A result's address with the highlight parameter set to the whole terms, once each. */
export function withHighlightTerms(url: string, terms: readonly string[]): string {
  const parsed = new URL(url, 'https://placeholder.invalid');
  parsed.searchParams.delete(HIGHLIGHT_PARAM);
  for (const term of terms) parsed.searchParams.append(HIGHLIGHT_PARAM, term);
  const relative = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  return parsed.origin === 'https://placeholder.invalid' ? relative : parsed.href;
}
