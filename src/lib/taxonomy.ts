/**
 * Districts and topics as readers browse them: which have stories, how many, and a
 * district's stories grouped by the kind of office they are about.
 *
 * Plain functions over the fields they need; src/pages/ passes collection entries in.
 */
interface Tagged {
  data: { tags: readonly { id: string }[] };
}
interface Located {
  data: { district: { id: string } };
}
interface OfficeTyped<K extends string> {
  data: { officeType: K };
}

/** The features about one district, in the order given. */
export function featuresInDistrict<T extends Located>(features: readonly T[], districtId: string): T[] {
  return features.filter((feature) => feature.data.district.id === districtId);
}

/** The features carrying one topic, in the order given. */
export function featuresWithTopic<T extends Tagged>(features: readonly T[], topicId: string): T[] {
  return features.filter((feature) => feature.data.tags.some((tag) => tag.id === topicId));
}

/** The offices a list of features is about, each once, in the order they first appear. */
export function officeNames(features: readonly { data: { office: string } }[]): string[] {
  return [...new Set(features.map((feature) => feature.data.office))];
}

/**
 * The entries (districts or topics) that have at least one feature, each with its count,
 * in the entries' own order. Entries with none are left out so no page links to an empty list.
 */
export function withCounts<E extends { id: string }>(
  entries: readonly E[],
  count: (id: string) => number,
): { entry: E; count: number }[] {
  return entries.map((entry) => ({ entry, count: count(entry.id) })).filter(({ count: n }) => n > 0);
}

export interface OfficeTypeGroup<K extends string, T> {
  officeType: K;
  features: T[];
}

/**
 * Features grouped by office type in the order given (the schema's OFFICE_TYPES), keeping
 * their own order inside each group; empty groups are dropped.
 */
export function groupByOfficeType<K extends string, T extends OfficeTyped<K>>(
  features: readonly T[],
  officeTypes: readonly K[],
): OfficeTypeGroup<K, T>[] {
  return officeTypes
    .map((officeType) => ({
      officeType,
      features: features.filter((feature) => feature.data.officeType === officeType),
    }))
    .filter((group) => group.features.length > 0);
}

/** For lists like the topics index: the most-used first, ties by id so the order is stable. */
export function byCountDescending<E extends { id: string }>(
  a: { entry: E; count: number },
  b: { entry: E; count: number },
): number {
  return b.count - a.count || a.entry.id.localeCompare(b.entry.id);
}
