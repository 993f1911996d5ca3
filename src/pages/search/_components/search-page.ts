/**
 * The search page's client script: Pagefind's Component UI wired to our exact-match layer,
 * with the query kept in the address bar (/search/?q=…) so a search can be shared and
 * the back button returns to it.
 */
import { getInstanceManager, type Instance } from '@pagefind/component-ui';
import '@pagefind/component-ui/css';
import { createPreciseSearch, type PagefindApi } from '../../../lib/search/precise-search.ts';

/** The Component UI's private handle on the Pagefind API, which we wrap once it has loaded. */
interface InstanceInternals {
  __pagefind__: PagefindApi | null;
  __load__: () => Promise<void>;
}

/** Must match <pagefind-config highlight-param> and the highlighter in SearchEntry.astro. */
const HIGHLIGHT_PARAM = 'highlight';

const instance: Instance = getInstanceManager().getInstance('default');
const internals = instance as unknown as InstanceInternals;

// Pagefind's ranking levers. Title/heading weights come from the page markup
// (data-pagefind-weight); these only stop long features from being penalised for length.
instance.pagefindOptions['ranking'] = { pageLength: 0.3, termFrequency: 1.0 };

// The Component UI loads pagefind.js itself; wrap the loaded API so every search, from the
// input or from a filter chip, goes through normalisation and the exact-match layer.
const load = internals.__load__.bind(instance);
let wrapped = false;
internals.__load__ = async () => {
  await load();
  if (!wrapped && internals.__pagefind__) {
    internals.__pagefind__ = createPreciseSearch(internals.__pagefind__, { highlightParam: HIGHLIGHT_PARAM });
    wrapped = true;
  }
};

const emptyState = document.querySelector<HTMLElement>('[data-search-empty]');
const noResults = document.querySelector<HTMLElement>('[data-search-no-results]');
const noResultsTemplate = noResults?.dataset['template'] ?? '';

function showState(term: string, count: number): void {
  const searched = term.trim().length > 0;
  if (noResults) {
    // textContent, never innerHTML: the query is whatever the reader typed.
    noResults.textContent = noResultsTemplate.replace('{query}', term.trim());
    noResults.hidden = !(searched && count === 0);
  }
  if (emptyState) emptyState.hidden = searched && count > 0;
}

let currentTerm = '';
instance.on('search', (term) => {
  currentTerm = typeof term === 'string' ? term : '';
  const url = new URL(window.location.href);
  if (currentTerm.trim()) url.searchParams.set('q', currentTerm);
  else url.searchParams.delete('q');
  // replaceState while typing: one history entry per search page visit, so Back leaves it.
  if (url.href !== window.location.href) history.replaceState(history.state, '', url);
});
instance.on('results', (response) => {
  const results = (response as { results?: unknown[] } | undefined)?.results ?? [];
  showState(currentTerm, results.length);
  // For the browser tests and the benchmark: which query the rendered results belong to.
  document.documentElement.dataset['searchQuery'] = currentTerm;
  document.documentElement.dataset['searchCount'] = String(results.length);
});

function searchFromAddress(): void {
  const query = new URLSearchParams(window.location.search).get('q') ?? '';
  const input = document.querySelector<HTMLInputElement>('pagefind-input input');
  if (input) input.value = query;
  showState('', 0);
  // Ready to type on arrival, whether from the header entry, "/" or Ctrl+K.
  input?.focus();
  if (query.trim()) instance.triggerSearch(query);
}

searchFromAddress();
// A page restored from the back/forward cache keeps its state; a fresh one reads the address.
window.addEventListener('pageshow', (event) => {
  if (!event.persisted) return;
  searchFromAddress();
});
