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
 * Features of the same date keep the list's own (stable) order. A caller walking the list
 * passes `current`'s index, so the archive is not searched once per page.
 */
export function adjacentFeatures<T extends { id: string }>(
  current: T,
  newestFirst: readonly T[],
  index = newestFirst.findIndex((feature) => feature.id === current.id),
): Adjacent<T> {
  if (index === -1) return { previous: undefined, next: undefined };
  return { previous: newestFirst[index + 1], next: index > 0 ? newestFirst[index - 1] : undefined };
}

interface Scored<T> {
  candidate: T;
  sharedTopics: number;
  sameDistrict: number;
  distance: number;
}

// A feature's date as a timestamp, computed once per date object rather than once per page.
const timestamps = new WeakMap<FeatureDate, number>();
function dateTime(date: FeatureDate): number {
  let time = timestamps.get(date);
  if (time === undefined) {
    time = featureDateToDate(date).getTime();
    timestamps.set(date, time);
  }
  return time;
}

/**
 * Up to `limit` features related to `current`: the most shared topics first, then those in
 * the same district, then the nearest in date, then by slug — so the choice never changes
 * between builds. Features sharing neither a topic nor the district are left out.
 */
export function relatedFeatures<T extends Relatable>(current: T, candidates: readonly T[], limit = 3): T[] {
  const topics = new Set(current.data.tags.map((tag) => tag.id));
  if (limit <= 0) return [];
  const time = dateTime(current.data.date);
  const before = (a: Scored<T>, b: Scored<T>) =>
    b.sharedTopics - a.sharedTopics ||
    b.sameDistrict - a.sameDistrict ||
    a.distance - b.distance ||
    a.candidate.id.localeCompare(b.candidate.id);
  // Every page runs this over the whole archive: keep only the best `limit` in one pass
  // instead of sorting every candidate (at 5,000 features the sort made page rendering
  // take over a minute; bench/README.md).
  const best: Scored<T>[] = [];
  for (const candidate of candidates) {
    if (candidate.id === current.id) continue;
    const sharedTopics = candidate.data.tags.reduce((n, tag) => n + (topics.has(tag.id) ? 1 : 0), 0);
    const sameDistrict = candidate.data.district.id === current.data.district.id ? 1 : 0;
    if (sharedTopics === 0 && sameDistrict === 0) continue;
    const scored = { candidate, sharedTopics, sameDistrict, distance: Math.abs(dateTime(candidate.data.date) - time) };
    if (best.length === limit && before(scored, best[limit - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && before(scored, best[at - 1]!) < 0) at--;
    best.splice(at, 0, scored);
    if (best.length > limit) best.pop();
  }
  return best.map((scored) => scored.candidate);
}
