/**
 * Reads what the search index holds from a built feature page — the page markup contract
 * (docs/search.md):
 *   - the article is the element marked `data-pagefind-body`; only its text is indexed;
 *   - an element marked `data-pagefind-ignore` (page furniture: reading time, 占位图 badges,
 *     the lightbox, the provenance footer), the editor's date note (`.feature-date-note`, text
 *     about the paper, not the story), and what a reader does not see (`hidden`, a closed
 *     dialog, the inside of a closed details, scripts, styles) are left out;
 *   - `data-pagefind-meta="key:value"` and `data-pagefind-filter="name:value"` give the result
 *     card's metadata and the filters (SearchIndexFields);
 *   - prominence: the headline is the `h1` with the `hgroup` around it (kicker and subtitle);
 *     `h1`–`h6` are headings, `figcaption` a caption; `data-pagefind-weight` on an element or
 *     an ancestor sets its weight explicitly.
 * Text is cut into blocks at block-level elements (p, li, h2, figcaption, …); a block is what a
 * reader reads as one piece, and no search run crosses from one block into the next. The
 * headline is every block of the <hgroup> and the <h1>.
 */
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
  /** Result-card metadata, in page order. */
  meta: Record<string, string>;
  /** Filter values as [filter, value] pairs, in page order. */
  filters: [string, string][];
  /** The headline's blocks (kicker, title, subtitle), then the rest of the article, in page order. */
  headline: ArticleBlock[];
  blocks: ArticleBlock[];
}

const BODY = /<[a-z][^>]*\sdata-pagefind-body[\s=>]/iu;
/** A comment, a start or end tag (attributes may hold ">" inside quotes), or text. */
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</gu;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/gu;
/** Elements without content or end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']); // prettier-ignore
/** Elements whose content is not markup: skipped up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text of the page with its character references decoded (Astro writes &amp; &lt; &gt; &quot; &#39;). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (reference, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? reference;
  });
}

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name = '', double, single, bare] of source.matchAll(ATTRIBUTE)) {
    attributes.set(name.toLowerCase(), decodeEntities(double ?? single ?? bare ?? ''));
  }
  return attributes;
}

/** `key:value` with everything after the first colon the value (Pagefind's reading). */
function pair(attribute: string | undefined): [string, string] | undefined {
  const colon = attribute?.indexOf(':') ?? -1;
  if (attribute === undefined || colon <= 0) return undefined;
  return [attribute.slice(0, colon).trim(), attribute.slice(colon + 1).trim()];
}

/** An open element while reading. */
interface Open {
  tag: string;
  /** Its text is not article text (it or an ancestor is left out). */
  leftOut: boolean;
  /** data-pagefind-ignore="all": not even metadata or filters inside count. */
  excluded: boolean;
  /** A closed <details>: only its summary shows. */
  closedDetails: boolean;
  block: boolean;
  context: Omit<ArticleBlock, 'text'>;
}

function isLeftOut(tag: string, attributes: Map<string, string>, parent: Open | undefined): boolean {
  const classes = (attributes.get('class') ?? '').split(/\s+/u);
  return (
    NEVER_TEXT.has(tag) ||
    attributes.has('data-pagefind-ignore') ||
    attributes.has('hidden') ||
    EXCLUDED_CLASSES.some((name) => classes.includes(name)) ||
    // Not shown until the reader opens it: a closed dialog, a closed <details> but its summary.
    (tag === 'dialog' && !attributes.has('open')) ||
    (parent?.closedDetails === true && tag !== 'summary')
  );
}

/**
 * The record of a built page, or undefined for a page without an article body (lists, the
 * home page, the search page). `url` is the page's path as the site serves it.
 *
 * The page is read in one pass over its markup from the article on (the <head>, with its CSS
 * and JSON-LD, is most of a page and never read): no tree is built, so reading a part of
 * 1,500 pages costs the indexer little memory beside Pagefind's.
 */
export function readArticle(html: string, url: string): ArticleRecord | undefined {
  const start = BODY.exec(html)?.index;
  if (start === undefined) return undefined;
  const record: ArticleRecord = { url, meta: {}, filters: [], headline: [], blocks: [] };
  const stack: Open[] = [];
  let text = '';
  let current: Omit<ArticleBlock, 'text'> = { kind: 'text' };

  const flush = () => {
    if (text.trim()) {
      const block: ArticleBlock = { ...current, text };
      (block.kind === 'headline' ? record.headline : record.blocks).push(block);
    }
    text = '';
  };

  TOKEN.lastIndex = start;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const [token, slash, name, rawAttributes = ''] = match;
    const parent = stack.at(-1);
    if (name === undefined) {
      // Text (or a stray "<", or a comment).
      if (!token.startsWith('<!--') && parent && !parent.leftOut) text += decodeEntities(token);
      continue;
    }
    const tag = name.toLowerCase();
    if (slash) {
      const at = stack.findLastIndex((open) => open.tag === tag);
      if (at < 0) continue;
      for (const open of stack.splice(at).toReversed()) {
        if (open.block && !open.leftOut) {
          flush();
          current = stack.at(-1)?.context ?? { kind: 'text' };
        }
      }
      if (stack.length === 0) break; // the end of the article
      continue;
    }
    const attributes = attributesOf(rawAttributes);
    const excluded = (parent?.excluded ?? false) || attributes.get('data-pagefind-ignore') === 'all';
    if (!excluded) readFields(attributes, record);
    const leftOut = (parent?.leftOut ?? false) || isLeftOut(tag, attributes, parent);
    if (RAW_TEXT.has(tag)) {
      const end = html.indexOf(`</${tag}`, TOKEN.lastIndex);
      TOKEN.lastIndex = end < 0 ? html.length : html.indexOf('>', end) + 1;
      continue;
    }
    if (tag === 'br') {
      if (!leftOut) text += ' ';
      continue;
    }
    if (VOID.has(tag) || rawAttributes.trimEnd().endsWith('/')) continue;
    const context: Omit<ArticleBlock, 'text'> = { ...(parent?.context ?? { kind: 'text' }) };
    const weight = attributes.get('data-pagefind-weight');
    if (weight !== undefined && Number.isFinite(Number(weight))) context.weight = Number(weight);
    const heading = /^h([1-6])$/u.exec(tag);
    if (tag === 'hgroup' || tag === 'h1') context.kind = 'headline';
    if (heading) {
      context.level = Number(heading[1]);
      if (context.kind !== 'headline') context.kind = 'heading';
    } else if (tag === 'figcaption' && context.kind === 'text') {
      context.kind = 'caption';
    }
    const block = BLOCK_ELEMENTS.has(tag);
    if (block && !leftOut) {
      flush();
      current = context;
    }
    stack.push({ tag, leftOut, excluded, closedDetails: tag === 'details' && !attributes.has('open'), block, context });
  }
  flush();
  return record;
}

function readFields(attributes: Map<string, string>, record: ArticleRecord): void {
  const meta = pair(attributes.get('data-pagefind-meta'));
  if (meta) record.meta[meta[0]] = meta[1];
  const filter = pair(attributes.get('data-pagefind-filter'));
  if (filter) record.filters.push(filter);
}
