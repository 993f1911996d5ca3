/**
 * The site's queries over the content collections. This is the one module in src/lib that
 * reads astro:content; everything it decides (drafts, order) lives in plain functions
 * beside it so it can be tested without Astro.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { featureDateToDate } from './feature-date.ts';
import { isPublished } from './published.ts';
import { planSearchIndexes, type SearchIndexPart } from './search/index-plan.ts';

export type Feature = CollectionEntry<'features'>;

/** Newest first; features of the same date keep a stable order by slug. */
export function byDateDescending(a: Feature, b: Feature): number {
  const diff = featureDateToDate(b.data.date).getTime() - featureDateToDate(a.data.date).getTime();
  return diff !== 0 ? diff : a.id.localeCompare(b.id);
}

async function loadPublishedFeatures(): Promise<Feature[]> {
  const features = await getCollection('features', (entry) => isPublished(entry, { dev: __ZHUANBAN_SHOW_DRAFTS__ }));
  return features.sort(byDateDescending);
}

// A production build renders every page from one snapshot of the content, and each feature
// page asks for the whole list several times (previous/next, related): read and sort it once
// per build, not once per call, or rendering grows with features² (bench/README.md).
// `astro dev` re-reads every time, so an edited feature shows up without a restart.
// __ZHUANBAN_SHOW_DRAFTS__ is true under `astro dev` only (src/integrations/drafts.ts).
let published: Promise<Feature[]> | undefined;

/** Every feature a reader may see, newest first. Callers must not mutate the array. */
export function getPublishedFeatures(): Promise<Feature[]> {
  if (__ZHUANBAN_SHOW_DRAFTS__) return loadPublishedFeatures();
  published ??= loadPublishedFeatures();
  return published;
}

let searchIndexPlan: Promise<SearchIndexPart[]> | undefined;

/**
 * The parts the search index is built in (src/lib/search/index-plan.ts), from every published
 * feature's year: each feature page names its part, and the search page loads them all.
 */
export function getSearchIndexPlan(): Promise<SearchIndexPart[]> {
  const plan = async () => planSearchIndexes((await getPublishedFeatures()).map((feature) => feature.data.date.year));
  if (__ZHUANBAN_SHOW_DRAFTS__) return plan();
  searchIndexPlan ??= plan();
  return searchIndexPlan;
}
