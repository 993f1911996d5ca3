/**
 * DOM for the search page: result cards, their placeholders and the filter pane.
 * Everything the reader or an editor wrote goes in as text; the one exception is Pagefind's
 * excerpt, which is HTML that Pagefind builds itself from the escaped page text plus <mark>.
 */

/** What Pagefind's result.data() resolves to, as far as the card uses it. */
export interface ResultData {
  url: string;
  excerpt?: string;
  meta: { title?: string; office?: string; date?: string; image?: string; image_avif?: string };
}

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

export function renderPlaceholder(): HTMLLIElement {
  const item = element('li', 'search-card search-card-placeholder');
  item.setAttribute('aria-hidden', 'true');
  return item;
}

export function renderCard(data: ResultData): HTMLLIElement {
  const item = element('li', 'search-card');
  const link = element('a', 'search-card-link');
  link.href = safeUrl(data.url) ?? '#';
  const image = safeUrl(data.meta.image);
  if (image) {
    const thumb = element('img', 'search-card-thumb');
    Object.assign(thumb, { src: image, alt: '', width: 96, height: 72, loading: 'lazy', decoding: 'async' });
    // The browser fetches one of the two: the AVIF (half the bytes) or, without AVIF, the WebP.
    const avif = safeUrl(data.meta.image_avif);
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
  body.append(element('span', 'search-card-title', data.meta.title ?? ''));
  const meta = [data.meta.office, data.meta.date].filter(Boolean).join(' · ');
  if (meta) body.append(element('span', 'search-card-meta', meta));
  if (data.excerpt) {
    const excerpt = element('span', 'search-card-excerpt');
    excerpt.innerHTML = data.excerpt;
    body.append(excerpt);
  }
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
