/**
 * Marks the searched terms on a feature page opened from a search result
 * (/features/x/?highlight=海绵城市&highlight=改造): each whole term, as one <mark>, wherever
 * it occurs in the article — not its characters one by one, as Pagefind's highlighter (mark.js)
 * did with the browser's cut of the query.
 *
 * Matching uses the search's own folding (fold.ts), so ＰＭ２．５ on the page is marked for
 * pm2.5; a term is found across inline elements within a block (<strong>海绵</strong>城市)
 * and marked in pieces there, one <mark> per text node, but never across blocks. Furniture
 * the index leaves out (data-pagefind-ignore) is left unmarked too. No inline style and no
 * HTML string: safe under the site's Content Security Policy.
 */
import { BLOCK_ELEMENTS, EXCLUDED_CLASSES, NEVER_TEXT } from './blocks.ts';
import { matchRanges } from './excerpt.ts';
import { foldText } from './fold.ts';
import { HIGHLIGHT_PARAM } from './highlight-url.ts';

/** The class of every mark the highlighter adds (styled in SearchEntry.astro). */
export const HIGHLIGHT_CLASS = 'search-highlight';

function isSkipped(element: Element): boolean {
  const parent = element.parentElement;
  return (
    NEVER_TEXT.has(element.localName) ||
    element.hasAttribute('data-pagefind-ignore') ||
    element.hasAttribute('hidden') ||
    EXCLUDED_CLASSES.some((name) => element.classList.contains(name)) ||
    (element.localName === 'dialog' && !element.hasAttribute('open')) ||
    (parent?.localName === 'details' && !parent.hasAttribute('open') && element.localName !== 'summary')
  );
}

/** The text nodes of `root`, grouped by the block they belong to, in document order. */
function textByBlock(root: Element): Text[][] {
  const groups: Text[][] = [];
  let group: Text[] = [];
  const flush = () => {
    if (group.length > 0) groups.push(group);
    group = [];
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      group.push(node as Text);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE || isSkipped(node as Element)) return;
    const block = BLOCK_ELEMENTS.has((node as Element).localName);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return groups;
}

/** Wrap [start, end) of `node` in a mark; returns the mark. */
function wrap(node: Text, start: number, end: number): HTMLElement {
  const match = node.splitText(start);
  match.splitText(end - start);
  const mark = document.createElement('mark');
  mark.className = HIGHLIGHT_CLASS;
  match.replaceWith(mark);
  mark.append(match);
  return mark;
}

/** Mark every occurrence of the (unfolded or folded) `terms` in `root`; returns the marks in page order. */
export function highlightTerms(root: Element, terms: readonly string[]): HTMLElement[] {
  const needles = terms.map(foldText).filter((needle) => needle.trim().length > 0);
  if (needles.length === 0) return [];
  const marks: HTMLElement[] = [];
  for (const nodes of textByBlock(root)) {
    const text = nodes.map((node) => node.data).join('');
    const ranges = matchRanges(text, needles);
    if (ranges.length === 0) continue;
    // Pieces of each match per text node, wrapped from the end so earlier offsets stay valid.
    const pieces: { node: Text; start: number; end: number }[] = [];
    let offset = 0;
    for (const node of nodes) {
      const nodeEnd = offset + node.data.length;
      for (const [start, end] of ranges) {
        const from = Math.max(start, offset);
        const to = Math.min(end, nodeEnd);
        if (from < to) pieces.push({ node, start: from - offset, end: to - offset });
      }
      offset = nodeEnd;
    }
    const blockMarks: HTMLElement[] = [];
    for (const piece of pieces.toReversed()) blockMarks.unshift(wrap(piece.node, piece.start, piece.end));
    marks.push(...blockMarks);
  }
  return marks;
}

/** On a page opened from a search result: mark the terms in the article and bring the first into view. */
export function highlightFromAddress(): void {
  const terms = new URLSearchParams(window.location.search).getAll(HIGHLIGHT_PARAM);
  const article = document.querySelector('[data-pagefind-body]');
  if (!article || terms.length === 0) return;
  const [first] = highlightTerms(article, terms);
  if (first && !window.location.hash) first.scrollIntoView({ block: 'center' });
}
