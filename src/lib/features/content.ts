/**
 * What pages read of a feature beyond its frontmatter: the compiled body, its photos and its
 * reading time, and its summary for the rules across features, as the features loader stored
 * them (loader.ts) in the entry's `rendered` metadata. Kept apart from the loader so pages do
 * not bundle the compile pipeline.
 */
import type { FeatureSummary } from '../content/rules/collection.ts';
import type { Photo } from '../photos/photo.ts';
import type { FeatureContent } from './tree.ts';

/** The loader's part of a stored entry's `rendered.metadata`. */
export const CONTENT_KEY = 'zhuanbanFeature';

/** Where the loader keeps, beside an entry's content, what the rules across features need of it. */
export const SUMMARY_KEY = 'zhuanbanSummary';

/** The loader's summary of a feature (rules/collection.ts) in an entry's rendered metadata, if there is one. */
export function featureSummaryOf(metadata: Record<string, unknown> | undefined): FeatureSummary | undefined {
  const summary = metadata?.[SUMMARY_KEY];
  return summary && typeof summary === 'object' ? (summary as FeatureSummary) : undefined;
}

/** The loader's content in an entry's rendered metadata, if there is any. */
export function featureContentOf(metadata: Record<string, unknown> | undefined): FeatureContent | undefined {
  const content = metadata?.[CONTENT_KEY];
  return content && typeof content === 'object' ? (content as FeatureContent) : undefined;
}

interface StoredFeature {
  id: string;
  data: { cover: { src: string } };
  rendered?: { metadata?: Record<string, unknown> } | undefined;
}

/** The loader's content of a features entry; throws if the entry was not made by it. */
export function featureContent(entry: StoredFeature): FeatureContent {
  const content = featureContentOf(entry.rendered?.metadata);
  if (!content) throw new Error(`${entry.id}: the features loader stored no content for this entry`);
  return content;
}

/** The photo the loader resolved for `src` ("./photo-1.jpg") in a feature. */
export function featurePhoto(entry: StoredFeature, src: string): Photo {
  const photo = featureContent(entry).photos[src];
  if (!photo) throw new Error(`${entry.id}: no photo ${src} was resolved by the features loader`);
  return photo;
}

/** A feature's cover photo. */
export const coverPhoto = (entry: StoredFeature): Photo => featurePhoto(entry, entry.data.cover.src);
