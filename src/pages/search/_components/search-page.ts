/**
 * The search page's client script: Pagefind's JavaScript API under our search engine
 * (src/lib/search/search-engine.ts), with the query kept in the address bar (/search/?q=…)
 * so a search can be shared and the back button returns to it.
 *
 * Why not Pagefind's Component UI: it was 39 KB gzipped of the page's script, and it renders
 * a placeholder with its own IntersectionObserver for every result — 774 of them for
 * 党建引领 on a 1,000-feature site, ~0.8 s of main-thread work per query. Here a query renders
 * one page of results (PAGE_SIZE), and only the cards on screen load their content (card.ts).
 * Filters are fetched only when the reader opens the filter pane.
 */
import { loadCard } from '../../../lib/search/card.ts';
import { PRIMARY_INDEX_DIR, PRIMARY_INDEX_LANGUAGE } from '../../../lib/search/index-plan.ts';
import { RANKING } from '../../../lib/search/ranking.ts';
import {
  createSearchEngine,
  type FilterSelection,
  type IndexPart,
  type PagefindApi,
  type SearchHit,
} from '../../../lib/search/search-engine.ts';
import { withHighlightTerms } from '../../../lib/search/highlight-url.ts';
import { withBase } from '../../../lib/site-url.ts';
import { renderCard, renderFilterGroups, renderPlaceholder, renderUnavailable } from './render.ts';

/** Results rendered per page; "显示更多结果" adds the next page. */
const PAGE_SIZE = 10;
/**
 * No debounce beyond the current task: a Chinese IME commits a whole word as one input event,
 * and a cached search takes a few tens of milliseconds, faster than anyone types. A search
 * that a newer one overtakes is dropped when it returns (see `generation`).
 */
const DEBOUNCE_MS = 0;

interface PagefindModule extends PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (path: string, options: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

const page = document.querySelector<HTMLElement>('[data-search-page]');
const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const input = document.querySelector<HTMLInputElement>('[data-search-input]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
const filterPane = document.querySelector<HTMLDetailsElement>('[data-search-filters]');
const filterGroups = document.querySelector<HTMLElement>('[data-search-filter-groups]');
const emptyState = document.querySelector<HTMLElement>('[data-search-empty]');
const noResults = document.querySelector<HTMLElement>('[data-search-no-results]');
const text = {
  noResults: noResults?.dataset['template'] ?? '',
  count: page?.dataset['countTemplate'] ?? '{count}',
  error: page?.dataset['errorText'] ?? '',
  cardError: page?.dataset['cardErrorText'] ?? '',
};

/**
 * The parts of the index and how many features each holds, written by the build
 * (src/lib/search/index-plan.ts): Pagefind loads from the first and merges the others into it.
 */
const parts: IndexPart[] = (page?.dataset['searchIndexes'] ?? PRIMARY_INDEX_DIR)
  .split(' ')
  .filter(Boolean)
  .map((entry) => {
    const [dir = PRIMARY_INDEX_DIR, pages = '0'] = entry.split(':');
    return { dir, pages: Number(pages) };
  });
const [primary = { dir: PRIMARY_INDEX_DIR, pages: 0 }, ...merged] = parts;

/**
 * Every part is searched with the same ranking (src/lib/search/ranking.ts); metadata words
 * never add to a score (their positions are not in the article). Pagefind's options() only
 * reaches the primary part, so each merged part is given them too.
 */
const SEARCH_OPTIONS = {
  ranking: {
    ...RANKING,
    metaWeights: { title: 0, kicker: 0, office: 0, date: 0, image: 0, image_avif: 0, image_alt: 0 },
  },
};

async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(withBase(`/${path}`));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

type Engine = ReturnType<typeof createSearchEngine> & { filters: PagefindModule['filters'] };
let engine: Promise<Engine> | undefined;

/** Load Pagefind (script, wasm, page list) once; called as soon as the box has focus. */
function loadEngine(): Promise<Engine> {
  engine ??= (import(/* @vite-ignore */ withBase(`/${primary.dir}/pagefind.js`)) as Promise<PagefindModule>).then(
    async (pagefind) => {
      await pagefind.options(SEARCH_OPTIONS);
      // Pagefind takes the index language from <html lang> and, for zh, cuts queries with the
      // browser's segmenter — exactly what our index must not have (tokens.ts). Its init()
      // reads the attribute synchronously, so the page's language is swapped for that instant.
      const html = document.documentElement;
      const language = html.lang;
      html.lang = PRIMARY_INDEX_LANGUAGE;
      const ready = pagefind.init();
      html.lang = language;
      await ready;
      await Promise.all(merged.map((part) => pagefind.mergeIndex(withBase(`/${part.dir}/`), SEARCH_OPTIONS)));
      return { ...createSearchEngine({ pagefind, parts, fetchJson }), filters: () => pagefind.filters() };
    },
  );
  return engine;
}

/**
 * Cards load their content only when they come on screen: a phone shows four or five, and
 * the rest of the page of results would otherwise cost as much again on a first query.
 */
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
let pending = new WeakMap<Element, () => void>();

let results: SearchHit[] = [];
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
          if (placeholder.isConnected) placeholder.replaceWith(renderUnavailable(hit.id, text.cardError));
        },
      );
    });
    loader.observe(placeholder);
  }
  shown += next.length;
  if (more) more.hidden = shown >= results.length;
}

function selectedFilters(): FilterSelection {
  const selection: FilterSelection = {};
  for (const box of filterGroups?.querySelectorAll<HTMLInputElement>('input:checked') ?? []) {
    (selection[box.name] ??= []).push(box.value);
  }
  return selection;
}

function showState(query: string, count: number): void {
  const searched = query.length > 0 || Object.keys(selectedFilters()).length > 0;
  if (noResults) {
    // textContent, never innerHTML: the query is whatever the reader typed.
    noResults.textContent = text.noResults.replace('{query}', query);
    noResults.hidden = !(searched && count === 0);
  }
  if (status) status.textContent = searched && count > 0 ? text.count.replace('{count}', String(count)) : '';
  if (emptyState) emptyState.hidden = searched && count > 0;
  // For the browser tests and the benchmark: which query the rendered results belong to.
  document.documentElement.dataset['searchQuery'] = query;
  document.documentElement.dataset['searchCount'] = String(count);
}

let generation = 0;
let lastSearched: string | undefined;

async function search(raw: string): Promise<void> {
  const query = raw.trim();
  const filters = selectedFilters();
  const key = `${query}\u0000${JSON.stringify(filters)}`;
  if (key === lastSearched) return;
  lastSearched = key;
  const current = (generation += 1);
  keepInAddress(query);
  let hits: SearchHit[] = [];
  if (query || Object.keys(filters).length > 0) {
    try {
      hits = (await (await loadEngine()).search(query, filters)).hits;
    } catch {
      if (status) status.textContent = text.error;
      lastSearched = undefined;
      return;
    }
  }
  // A newer search started while this one ran: its results win.
  if (current !== generation) return;
  pending = new WeakMap();
  loader.disconnect();
  list?.replaceChildren();
  results = hits;
  shown = 0;
  showPage();
  showState(query, results.length);
}

function keepInAddress(query: string): void {
  const url = new URL(window.location.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  // replaceState while typing: one history entry per search page visit, so Back leaves it.
  if (url.href !== window.location.href) history.replaceState(history.state, '', url);
}

let timer: ReturnType<typeof setTimeout> | undefined;
function searchSoon(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void search(input?.value ?? ''), DEBOUNCE_MS);
}

// A Chinese IME sends an input event for every pinyin keystroke; search once a character is chosen.
input?.addEventListener('input', (event) => {
  if (!(event as InputEvent).isComposing) searchSoon();
});
input?.addEventListener('compositionend', searchSoon);
// Fetch Pagefind (script, wasm, page list) while the reader is still typing.
const warmUp = () => void loadEngine().catch(() => undefined);
input?.addEventListener('focus', warmUp, { once: true });
form?.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  void search(input?.value ?? '');
});
more?.addEventListener('click', () => {
  const first = list?.children.length ?? 0;
  showPage();
  // Keyboard and screen-reader users continue from the first new result.
  list?.children[first]?.setAttribute('tabindex', '-1');
  (list?.children[first] as HTMLElement | undefined)?.focus();
});

// The filter pane costs a request per filter; fetch them when the reader first opens it.
filterPane?.removeAttribute('hidden');
filterPane?.addEventListener('toggle', () => {
  if (!filterPane.open || !filterGroups || filterGroups.childElementCount > 0) return;
  void loadEngine()
    .then((loaded) => loaded.filters())
    .then((filters) => {
      filterGroups.replaceChildren(...renderFilterGroups(filters));
    });
});
filterGroups?.addEventListener('change', () => {
  lastSearched = undefined;
  void search(input?.value ?? '');
});

function searchFromAddress(): void {
  const query = new URLSearchParams(window.location.search).get('q') ?? '';
  if (input) input.value = query;
  lastSearched = undefined;
  showState('', 0);
  // Ready to type on arrival, whether from the header entry, "/" or Ctrl+K.
  input?.focus();
  if (query.trim()) void search(query);
}

searchFromAddress();
// autofocus in a window without system focus (a background tab) sets the focus but sends no event.
if (document.activeElement === input) warmUp();
// A page restored from the back/forward cache keeps its state; a fresh one reads the address.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) searchFromAddress();
});
