/**
 * The search page's browser program, the entry its <script> imports: the query kept in the
 * address bar (/search/?q=…) so a search can be shared and the back button returns to it,
 * searched as the reader types; the filter pane. Pagefind and our engine load in engine.ts,
 * results render in result-list.ts and render.ts.
 *
 * Why not Pagefind's Component UI: it was 39 KB gzipped of the page's script, and it renders
 * a placeholder with its own IntersectionObserver for every result — 774 of them for
 * 党建引领 on a 1,000-feature site, ~0.8 s of main-thread work per query. Here a query renders
 * one page of results, and only the cards on screen load their content (card.ts).
 * Filters are fetched only when the reader opens the filter pane.
 */
import type { FilterSelection, SearchHit } from '../../../lib/search/search-engine.ts';
import { engineLoader, fetchJson, indexParts } from './engine.ts';
import { renderFilterGroups } from './render.ts';
import { createResultList } from './result-list.ts';

/**
 * No debounce beyond the current task: a Chinese IME commits a whole word as one input event,
 * and a cached search takes a few tens of milliseconds, faster than anyone types. A search
 * that a newer one overtakes is dropped when it returns (see `generation`).
 */
const DEBOUNCE_MS = 0;

const page = document.querySelector<HTMLElement>('[data-search-page]');
const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const input = document.querySelector<HTMLInputElement>('[data-search-input]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const filterPane = document.querySelector<HTMLDetailsElement>('[data-search-filters]');
const filterGroups = document.querySelector<HTMLElement>('[data-search-filter-groups]');
const emptyState = document.querySelector<HTMLElement>('[data-search-empty]');
const noResults = document.querySelector<HTMLElement>('[data-search-no-results]');
const text = {
  noResults: noResults?.dataset['template'] ?? '',
  count: page?.dataset['countTemplate'] ?? '{count}',
  error: page?.dataset['errorText'] ?? '',
};

const loadEngine = engineLoader(indexParts(page?.dataset['searchIndexes']));
const showResults = createResultList({
  list: document.querySelector<HTMLOListElement>('[data-search-results]'),
  more: document.querySelector<HTMLButtonElement>('[data-search-more]'),
  cardError: page?.dataset['cardErrorText'] ?? '',
  fetchJson,
});

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
  showResults(hits);
  showState(query, hits.length);
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
