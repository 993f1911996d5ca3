/**
 * The site's queries over the content collections. This is the one module in src/lib that
 * reads astro:content; everything it decides (drafts, order) lives in plain functions
 * beside it so it can be tested without Astro.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { featureDateToDate } from './feature-date.ts';
import { isPublished } from './published.ts';
import { planSearchIndexes } from './search/index-plan.ts';

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

export interface SearchIndexPlan {
  /** The parts' folders, the primary index first. */
  dirs: string[];
  /** The part each feature is indexed in, by feature id. */
  dirOf: ReadonlyMap<string, string>;
}

async function loadSearchIndexPlan(): Promise<SearchIndexPlan> {
  const parts = planSearchIndexes((await getPublishedFeatures()).toReversed());
  return {
    dirs: parts.map((part) => part.dir),
    dirOf: new Map(parts.flatMap((part) => part.features.map((feature) => [feature.id, part.dir] as const))),
  };
}

let searchIndexPlan: Promise<SearchIndexPlan> | undefined;

/**
 * The parts the search index is built in (src/lib/search/index-plan.ts), from every published
 * feature in date order: each feature page names its part, and the search page loads them all.
 */
export function getSearchIndexPlan(): Promise<SearchIndexPlan> {
  if (__ZHUANBAN_SHOW_DRAFTS__) return loadSearchIndexPlan();
  searchIndexPlan ??= loadSearchIndexPlan();
  return searchIndexPlan;
}
