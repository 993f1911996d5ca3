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

interface Group<T> {
  district: string;
  /** The group's topic ids, sorted, as the features list them (a repeated topic counts twice, as above). */
  tags: string[];
  /** Members in date order, then by slug. */
  members: { candidate: T; time: number }[];
}

const groupKey = (feature: Relatable) =>
  `${feature.data.district.id}\0${feature.data.tags
    .map((tag) => tag.id)
    .sort()
    .join('\0')}`;

/**
 * relatedFeatures() for every feature of an archive at once, with the same answers, without
 * scoring the whole archive for each page (quadratic: 11.6 s of a 5,000-feature build).
 * Features of the same district and topics score the same against any other, so they form
 * one group; each group ranks the other groups once, by shared topics then district, and a
 * feature then only looks in the best groups for the nearest dates (binary search).
 */
export function relatedFinder<T extends Relatable>(candidates: readonly T[], limit = 3): (current: T) => T[] {
  const groups = new Map<string, Group<T>>();
  for (const candidate of candidates) {
    const key = groupKey(candidate);
    let group = groups.get(key);
    if (!group) {
      group = {
        district: candidate.data.district.id,
        tags: candidate.data.tags.map((tag) => tag.id).sort(),
        members: [],
      };
      groups.set(key, group);
    }
    group.members.push({ candidate, time: dateTime(candidate.data.date) });
  }
  for (const group of groups.values()) {
    group.members.sort((a, b) => a.time - b.time || a.candidate.id.localeCompare(b.candidate.id));
  }
  const all = [...groups.values()];
  // For each kind of feature (district + topics): the groups that relate to it, in tiers of
  // equal score, best first.
  const tiersByKey = new Map<string, Group<T>[][]>();
  const tiersFor = (current: T): Group<T>[][] => {
    const key = groupKey(current);
    let tiers = tiersByKey.get(key);
    if (tiers) return tiers;
    const topics = new Set(current.data.tags.map((tag) => tag.id));
    const byScore = new Map<number, Group<T>[]>();
    for (const group of all) {
      const sharedTopics = group.tags.reduce((n, tag) => n + (topics.has(tag) ? 1 : 0), 0);
      const sameDistrict = group.district === current.data.district.id ? 1 : 0;
      if (sharedTopics === 0 && sameDistrict === 0) continue;
      const score = sharedTopics * 2 + sameDistrict;
      const tier = byScore.get(score) ?? [];
      tier.push(group);
      byScore.set(score, tier);
    }
    tiers = [...byScore].sort(([a], [b]) => b - a).map(([, tier]) => tier);
    tiersByKey.set(key, tiers);
    return tiers;
  };

  return (current) => {
    if (limit <= 0) return [];
    const time = dateTime(current.data.date);
    const found: Scored<T>[] = [];
    for (const tier of tiersFor(current)) {
      const need = limit - found.length;
      const inTier: Scored<T>[] = [];
      for (const group of tier) inTier.push(...nearest(group.members, current, time, need));
      inTier.sort((a, b) => a.distance - b.distance || a.candidate.id.localeCompare(b.candidate.id));
      found.push(...inTier.slice(0, need));
      if (found.length >= limit) break;
    }
    return found.map((scored) => scored.candidate);
  };
}

/**
 * The `need` members nearest in date to `time` (not `current` itself), and every other member
 * as near as the farthest of them, so ties can still be broken by slug.
 */
function nearest<T extends Relatable>(
  members: readonly { candidate: T; time: number }[],
  current: T,
  time: number,
  need: number,
): Scored<T>[] {
  let low = 0;
  let high = members.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (members[middle]!.time < time) low = middle + 1;
    else high = middle;
  }
  let before = low - 1;
  let after = low;
  const out: Scored<T>[] = [];
  let farthest = Infinity;
  while (before >= 0 || after < members.length) {
    const left = before >= 0 ? time - members[before]!.time : Infinity;
    const right = after < members.length ? members[after]!.time - time : Infinity;
    const distance = Math.min(left, right);
    if (out.length >= need && distance > farthest) break;
    const member = left <= right ? members[before--]! : members[after++]!;
    if (member.candidate.id === current.id) continue;
    out.push({ candidate: member.candidate, sharedTopics: 0, sameDistrict: 0, distance });
    if (out.length === need) farthest = distance;
  }
  return out;
}
