/**
 * What to read next on a feature page: the features either side of it in date order,
 * and the features closest to it in subject.
 *
 * Both work on a list already sorted newest first (getPublishedFeatures' order), and on
 * the few fields they need, so tests can pass plain objects.
 */
import type { FeatureDate } from './feature-date.ts';
import { featureDateToDate } from './feature-date.ts';

export interface Relatable {
  id: string;
  data: {
    date: FeatureDate;
    district: { id: string };
    tags: readonly { id: string }[];
  };
}

export interface Adjacent<T> {
  /** The next feature back in time (上一篇), if any. */
  previous: T | undefined;
  /** The next feature forward in time (下一篇), if any. */
  next: T | undefined;
}

/**
 * The neighbours of `current` in a newest-first list: `previous` is older, `next` is newer.
 * Features of the same date keep the list's own (stable) order.
 */
export function adjacentFeatures<T extends { id: string }>(current: T, newestFirst: readonly T[]): Adjacent<T> {
  const index = newestFirst.findIndex((feature) => feature.id === current.id);
  if (index === -1) return { previous: undefined, next: undefined };
  return { previous: newestFirst[index + 1], next: index > 0 ? newestFirst[index - 1] : undefined };
}

/**
 * Up to `limit` features related to `current`: the most shared topics first, then those in
 * the same district, then the nearest in date, then by slug — so the choice never changes
 * between builds. Features sharing neither a topic nor the district are left out.
 */
export function relatedFeatures<T extends Relatable>(current: T, candidates: readonly T[], limit = 3): T[] {
  const topics = new Set(current.data.tags.map((tag) => tag.id));
  const time = featureDateToDate(current.data.date).getTime();
  return candidates
    .filter((candidate) => candidate.id !== current.id)
    .map((candidate) => ({
      candidate,
      sharedTopics: candidate.data.tags.filter((tag) => topics.has(tag.id)).length,
      sameDistrict: candidate.data.district.id === current.data.district.id ? 1 : 0,
      distance: Math.abs(featureDateToDate(candidate.data.date).getTime() - time),
    }))
    .filter((scored) => scored.sharedTopics > 0 || scored.sameDistrict > 0)
    .sort(
      (a, b) =>
        b.sharedTopics - a.sharedTopics ||
        b.sameDistrict - a.sameDistrict ||
        a.distance - b.distance ||
        a.candidate.id.localeCompare(b.candidate.id),
    )
    .slice(0, limit)
    .map((scored) => scored.candidate);
}
