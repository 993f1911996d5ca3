/**
 * DOM for the search page: result cards, their placeholders and the filter pane. Everything
 * goes in as text nodes — the reader's query, the editors' titles, the excerpts — and the
 * matches as <mark> elements around text: no HTML string is ever parsed.
 */
import type { CardView } from '../../../lib/search/card.ts';
import type { Piece } from '../../../lib/search/excerpt.ts';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Only same-site paths and http(s) addresses become links or images. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return /^(\/(?!\/)|https?:\/\/)/u.test(url) ? url : undefined;
}

/** A card's place in the list until it loads; `id` is the result's page id (tests read it). */
export function renderPlaceholder(id: string): HTMLLIElement {
  const item = element('li', 'search-card search-card-placeholder');
  item.setAttribute('aria-hidden', 'true');
  item.dataset['resultId'] = id;
  return item;
}

/** A result whose card could not be loaded: said so, in its place in the list. */
export function renderUnavailable(id: string, text: string): HTMLLIElement {
  const item = element('li', 'search-card search-card-unavailable', text);
  item.dataset['resultId'] = id;
  return item;
}

/** Text with its matches marked. */
function marked(tag: 'span', className: string, pieces: readonly Piece[]): HTMLSpanElement {
  const node = element(tag, className);
  node.append(...pieces.map((piece) => (piece.mark ? element('mark', 'search-mark', piece.text) : piece.text)));
  return node;
}

export function renderCard(card: CardView, id: string): HTMLLIElement {
  const item = element('li', 'search-card');
  item.dataset['resultId'] = id;
  const link = element('a', 'search-card-link');
  link.href = safeUrl(card.url) ?? '#';
  const image = safeUrl(card.image);
  if (image) {
    const thumb = element('img', 'search-card-thumb');
    Object.assign(thumb, { src: image, alt: '', width: 96, height: 72, loading: 'lazy', decoding: 'async' });
    // The browser fetches one of the two: the AVIF (half the bytes) or, without AVIF, the WebP.
    const avif = safeUrl(card.imageAvif);
    if (avif) {
      const picture = element('picture', 'search-card-picture');
      const source = element('source', '');
      Object.assign(source, { type: 'image/avif', srcset: avif });
      picture.append(source, thumb);
      link.append(picture);
    } else {
      link.append(thumb);
    }
  }
  const body = element('span', 'search-card-body');
  body.append(marked('span', 'search-card-title', card.title));
  if (card.meta) body.append(element('span', 'search-card-meta', card.meta));
  if (card.excerpt.length > 0) body.append(marked('span', 'search-card-excerpt', card.excerpt));
  link.append(body);
  item.append(link);
  return item;
}

/** One fieldset of checkboxes per filter (区、类型、话题、年份), each value with its count. */
export function renderFilterGroups(filters: Record<string, Record<string, number>>): HTMLFieldSetElement[] {
  return Object.entries(filters).map(([name, values]) => {
    const group = element('fieldset', 'search-filter-group');
    group.append(element('legend', 'search-filter-name', name));
    const entries = Object.entries(values).sort(([a], [b]) =>
      /^\d+$/u.test(a) && /^\d+$/u.test(b) ? Number(b) - Number(a) : a.localeCompare(b, 'zh-CN'),
    );
    for (const [value, count] of entries) {
      const label = element('label', 'search-filter-option');
      const box = element('input', '');
      Object.assign(box, { type: 'checkbox', name, value });
      label.append(box, ` ${value} `, element('span', 'search-filter-count', String(count)));
      group.append(label);
    }
    return group;
  });
}
