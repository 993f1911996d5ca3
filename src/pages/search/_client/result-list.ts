/**
 * The list of results: one page of them at a time (PAGE_SIZE; "显示更多结果" adds the next),
 * each card loading its content only when it comes on screen — a phone shows four or five, and
 * the rest of the page of results would otherwise cost as much again on a first query.
 */
import { loadCard } from '../../../lib/search/card.ts';
import { withHighlightTerms } from '../../../lib/search/highlight-url.ts';
import type { SearchHit } from '../../../lib/search/search-engine.ts';
import { renderCard, renderPlaceholder, renderUnavailable } from './render.ts';

/** Results rendered per page; "显示更多结果" adds the next page. */
const PAGE_SIZE = 10;

interface ResultListOptions {
  list: HTMLOListElement | null;
  more: HTMLButtonElement | null;
  /** Shown in place of a card that could not be loaded. */
  cardError: string;
  fetchJson: (path: string) => Promise<unknown>;
}

export function createResultList({ list, more, cardError, fetchJson }: ResultListOptions) {
  let pending = new WeakMap<Element, () => void>();
  const loader = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        loader.unobserve(entry.target);
        pending.get(entry.target)?.();
      }
    },
    { rootMargin: '0px 0px 24px 0px' },
  );
  let results: readonly SearchHit[] = [];
  let shown = 0;

  function showPage(): void {
    if (!list) return;
    const next = results.slice(shown, shown + PAGE_SIZE);
    for (const hit of next) {
      const placeholder = renderPlaceholder(hit.id);
      list.append(placeholder);
      pending.set(placeholder, () => {
        void loadCard(hit, fetchJson, withHighlightTerms).then(
          (card) => {
            if (placeholder.isConnected) placeholder.replaceWith(renderCard(card, hit.id));
          },
          () => {
            if (placeholder.isConnected) placeholder.replaceWith(renderUnavailable(hit.id, cardError));
          },
        );
      });
      loader.observe(placeholder);
    }
    shown += next.length;
    if (more) more.hidden = shown >= results.length;
  }

  more?.addEventListener('click', () => {
    const first = list?.children.length ?? 0;
    showPage();
    // Keyboard and screen-reader users continue from the first new result.
    list?.children[first]?.setAttribute('tabindex', '-1');
    (list?.children[first] as HTMLElement | undefined)?.focus();
  });

  /** Replace the list with the first page of `hits`. */
  return function show(hits: readonly SearchHit[]): void {
    pending = new WeakMap();
    loader.disconnect();
    list?.replaceChildren();
    results = hits;
    shown = 0;
    showPage();
  };
}
