/**
 * Where one block of article text ends and the next begins, for the indexer (article.ts),
 * the highlighter (highlight.ts) and the tests alike: at HTML's block-level elements. No
 * search run crosses from one block into the next.
 */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]); // prettier-ignore

/** Elements whose text is never article text. */
export const NEVER_TEXT: ReadonlySet<string> = new Set([
  'script', 'style', 'template', 'noscript', 'svg', 'iframe', 'head', 'object',
]); // prettier-ignore

/** Shown but not indexed: the note on how a date was inferred names other features. */
export const EXCLUDED_CLASSES: readonly string[] = ['feature-date-note'];
