/**
 * The site's queries over the content collections. This is the one module in src/lib that
 * reads astro:content; everything it decides (drafts, order) lives in plain functions
 * beside it so it can be tested without Astro.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { resolveReference, type ReferringFeature } from './features/references.ts';
import { FIELDS } from './content/schema.ts';
import { newestFirst } from './feature-date.ts';
import { isPublished } from './published.ts';

export type Feature = CollectionEntry<'features'>;

/** Newest first; features of the same date keep a stable order by slug. */
export function byDateDescending(a: Feature, b: Feature): number {
  return newestFirst({ slug: a.id, date: a.data.date }, { slug: b.id, date: b.data.date });
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

type District = CollectionEntry<'districts'>;
type Topic = CollectionEntry<'topics'>;

async function loadTaxonomy(): Promise<{ districts: Map<string, District>; topics: Map<string, Topic> }> {
  const [districts, topics] = await Promise.all([getCollection('districts'), getCollection('topics')]);
  return {
    districts: new Map(districts.map((entry) => [entry.id, entry])),
    topics: new Map(topics.map((entry) => [entry.id, entry])),
  };
}

let taxonomy: ReturnType<typeof loadTaxonomy> | undefined;

function getTaxonomy(): ReturnType<typeof loadTaxonomy> {
  if (__ZHUANBAN_SHOW_DRAFTS__) return loadTaxonomy();
  taxonomy ??= loadTaxonomy();
  return taxonomy;
}

/** What a page needs of a feature to follow its references. */
interface Referring extends ReferringFeature {
  data: { district: { id: string }; tags: readonly { id: string }[] };
}

/**
 * The feature's district. Every page reads it through here, never through getEntry(): an id
 * that is not in content/districts.yaml stops the page with the editor's message
 * (src/lib/content/references.ts), not with `undefined.data`.
 */
export async function resolveDistrict(feature: Referring): Promise<District> {
  const { districts } = await getTaxonomy();
  return resolveReference(districts, feature.data.district.id, feature, {
    field: FIELDS.district,
    path: ['district'],
    list: 'content/districts.yaml',
    code: 'unknown-district',
  });
}

/** The feature's topics, in the order written; like resolveDistrict, never an undefined entry. */
export async function resolveTopics(feature: Referring): Promise<Topic[]> {
  const { topics } = await getTaxonomy();
  return feature.data.tags.map((tag, index) =>
    resolveReference(topics, tag.id, feature, {
      field: FIELDS.tags,
      path: ['tags', index],
      list: 'content/topics.yaml',
      code: 'unknown-topic',
    }),
  );
}
