/**
 * Reads what the search index holds from a built feature page — the page markup contract
 * (README, "Search"):
 *   - the article is the element marked `data-pagefind-body`; only its text is indexed;
 *   - an element marked `data-pagefind-ignore` (page furniture: reading time, 占位图 badges,
 *     the lightbox, the provenance footer), the editor's date note (`.feature-date-note`, text
 *     about the paper, not the story), and what a reader does not see (`hidden`, a closed
 *     dialog, the inside of a closed details, scripts, styles) are left out;
 *   - `data-pagefind-meta="key:value"` and `data-pagefind-filter="name:value"` give the result
 *     card's metadata and the filters, `data-search-index` the index part (SearchIndexFields);
 *   - prominence: the headline is the `h1` with the `hgroup` around it (kicker and subtitle);
 *     `h1`–`h6` are headings, `figcaption` a caption; `data-pagefind-weight` on an element or
 *     an ancestor sets its weight explicitly.
 * Text is cut into blocks at block-level elements (p, li, h2, figcaption, …); a block is what a
 * reader reads as one piece, and no search run crosses from one block into the next.
 */
import { NodeType, parse, type HTMLElement, type Node } from 'node-html-parser';
import { BLOCK_ELEMENTS, EXCLUDED_CLASSES, NEVER_TEXT } from './blocks.ts';

export type BlockKind = 'headline' | 'heading' | 'caption' | 'text';

export interface ArticleBlock {
  kind: BlockKind;
  /** The block's text as printed (entities decoded, whitespace as in the page). */
  text: string;
  /** h1–h6: the heading level; Pagefind weighs headings by it (h1 7 … h6 2). */
  level?: number;
  /** An explicit data-pagefind-weight on the block or an ancestor. */
  weight?: number;
}

export interface ArticleRecord {
  /** The page's URL path, /features/<slug>/. */
  url: string;
  /** The index part the page names (data-search-index), e.g. "pagefind". */
  part: string | undefined;
  /** Result-card metadata, in page order. */
  meta: Record<string, string>;
  /** Filter values as [filter, value] pairs, in page order. */
  filters: [string, string][];
  /** The headline's blocks (kicker, title, subtitle), then the rest of the article, in page order. */
  headline: ArticleBlock[];
  blocks: ArticleBlock[];
}

const BODY = /<[a-z][^>]*\sdata-pagefind-body[\s=>]/iu;

/** `key:value` with everything after the first colon the value (Pagefind's reading). */
function pair(attribute: string | undefined): [string, string] | undefined {
  const colon = attribute?.indexOf(':') ?? -1;
  if (attribute === undefined || colon <= 0) return undefined;
  return [attribute.slice(0, colon).trim(), attribute.slice(colon + 1).trim()];
}

function isElement(node: Node): node is HTMLElement {
  return node.nodeType === NodeType.ELEMENT_NODE;
}

function isLeftOut(element: HTMLElement): boolean {
  const tag = element.rawTagName.toLowerCase();
  const parent = element.parentNode;
  return (
    NEVER_TEXT.has(tag) ||
    element.hasAttribute('data-pagefind-ignore') ||
    element.hasAttribute('hidden') ||
    EXCLUDED_CLASSES.some((name) => element.classList.contains(name)) ||
    // Not shown until the reader opens it: a closed dialog, a closed <details> but its summary.
    (tag === 'dialog' && !element.hasAttribute('open')) ||
    (String(parent?.rawTagName).toLowerCase() === 'details' && !parent?.hasAttribute('open') && tag !== 'summary')
  );
}

/**
 * The record of a built page, or undefined for a page without an article body (lists, the
 * home page, the search page). `url` is the page's path as the site serves it.
 */
export function readArticle(html: string, url: string): ArticleRecord | undefined {
  const start = BODY.exec(html)?.index;
  if (start === undefined) return undefined;
  // Parse from the article on: the <head> (CSS, JSON-LD) is most of a page and never read.
  const root = parse(html.slice(start), { comment: false });
  const body = root.childNodes.find(isElement);
  if (!body) return undefined;

  const record: ArticleRecord = { url, part: undefined, meta: {}, filters: [], headline: [], blocks: [] };
  const headlineGroup = headlineOf(body);
  let text = '';
  let current: Omit<ArticleBlock, 'text'> = { kind: 'text' };

  const flush = () => {
    if (text.trim()) {
      const block: ArticleBlock = { ...current, text };
      (block.kind === 'headline' ? record.headline : record.blocks).push(block);
    }
    text = '';
  };

  const walk = (node: Node, context: Omit<ArticleBlock, 'text'>): void => {
    if (!isElement(node)) {
      if (node.nodeType === NodeType.TEXT_NODE) text += node.text;
      return;
    }
    readFields(node, record);
    if (isLeftOut(node)) {
      // Metadata and filters still count inside ignored elements (as in Pagefind).
      for (const field of node.querySelectorAll('[data-pagefind-meta], [data-pagefind-filter], [data-search-index]'))
        readFields(field, record);
      return;
    }
    const tag = node.rawTagName.toLowerCase();
    if (tag === 'br') {
      text += ' ';
      return;
    }
    const weight = Number(node.getAttribute('data-pagefind-weight'));
    const inner: Omit<ArticleBlock, 'text'> = { ...context };
    if (Number.isFinite(weight) && node.hasAttribute('data-pagefind-weight')) inner.weight = weight;
    if (node === headlineGroup) inner.kind = 'headline';
    const heading = /^h([1-6])$/u.exec(tag);
    if (heading && inner.kind !== 'headline') {
      inner.kind = 'heading';
      inner.level = Number(heading[1]);
    } else if (heading) {
      inner.level = Number(heading[1]);
    } else if (tag === 'figcaption' && inner.kind === 'text') {
      inner.kind = 'caption';
    }
    if (!BLOCK_ELEMENTS.has(tag)) {
      for (const child of node.childNodes) walk(child, context);
      return;
    }
    flush();
    const outer = current;
    current = inner;
    for (const child of node.childNodes) walk(child, inner);
    flush();
    current = outer;
  };

  for (const child of body.childNodes) walk(child, { kind: 'text' });
  readFields(body, record);
  return record;
}

/** The headline: the hgroup holding the article's h1, or the h1 itself. */
function headlineOf(body: HTMLElement): HTMLElement | undefined {
  const title = body.querySelector('h1');
  if (!title) return undefined;
  const parent = title.parentNode;
  return parent?.rawTagName.toLowerCase() === 'hgroup' ? parent : title;
}

function readFields(element: HTMLElement, record: ArticleRecord): void {
  const meta = pair(element.getAttribute('data-pagefind-meta'));
  if (meta) record.meta[meta[0]] = meta[1];
  const filter = pair(element.getAttribute('data-pagefind-filter'));
  if (filter) record.filters.push(filter);
  const part = element.getAttribute('data-search-index');
  if (part) record.part = part;
}
