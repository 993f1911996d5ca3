/**
 * The cacheKeys of the pages that grow with the archive, for Astro's incremental build
 * (experimental.incrementalBuild): a digest of everything a page shows that is not code.
 * Astro restores a page from its cache when its key and the hash of its code are both
 * unchanged, and renders it otherwise.
 *
 * - A feature page: its own entry, the entries it shows of other features (previous/next, the
 *   related cards), its district and topics.
 * - A list page (全部专版, a district's, a topic's): the entries of its cards, its page number
 *   and the list's length, the district or topic it lists.
 *
 * Entries count by their digest (the features loader's covers the MDX and every photo), so a
 * neighbour's edited text re-renders a page that shows only its title: more renders than
 * strictly needed, never a stale page. An entry with no digest — districts and topics, which
 * Astro's file() loader stores without one — counts by its data: renaming a topic re-renders
 * its pages and every feature that names it (tests/build/incremental-inputs.test.ts).
 */
import { createHash } from 'node:crypto';

interface Digested {
  id: string;
  digest?: string | number | undefined;
  data?: unknown;
}

export interface FeaturePageInputs {
  entry: Digested;
  previous: Digested | undefined;
  next: Digested | undefined;
  related: readonly Digested[];
  /** The district and topic entries the page names. */
  taxonomy: readonly Digested[];
}

const digest = (lines: readonly string[]) => createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 32);

const part = (entry: Digested | undefined) =>
  entry ? `${entry.id}@${String(entry.digest ?? digest([JSON.stringify(entry.data ?? null)]))}` : '-';

export function featurePageKey(inputs: FeaturePageInputs): string {
  return digest([
    part(inputs.entry),
    part(inputs.previous),
    part(inputs.next),
    inputs.related.map(part).join(','),
    inputs.taxonomy.map(part).join(','),
  ]);
}

/** What a page of a paginated list shows: its cards, where it is in the list, and the list's own entry. */
export interface ListPageInputs {
  page: { data: readonly Digested[]; currentPage: number; lastPage: number; total: number };
  /** The district or topic whose list it is, if any. */
  list?: Digested | undefined;
}

/** The key of a list page (全部专版, a district's, a topic's): its cards' entries, its place, the list's entry. */
export function listPageKey({ page, list }: ListPageInputs): string {
  return digest([
    page.data.map(part).join(','),
    `${page.currentPage}/${page.lastPage}/${page.total}`,
    list ? part(list) : '-',
  ]);
}
