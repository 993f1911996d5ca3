/**
 * The cacheKey of a feature page for Astro's incremental build (experimental.incrementalBuild):
 * a digest of everything the page shows that is not code — the feature's own entry, the
 * entries it shows of other features (previous/next, the related cards), the part of the
 * search index it names, and its district and topics. Astro restores a page from its cache
 * when this key and the hash of the page's code are both unchanged, and renders it otherwise.
 *
 * Entries count by their digest (the features loader's covers the MDX and every photo), so a
 * neighbour's edited text re-renders this page too: more renders than strictly needed, never
 * a stale page.
 */
import { createHash } from 'node:crypto';

interface Digested {
  id: string;
  digest?: string | number | undefined;
}

export interface FeaturePageInputs {
  entry: Digested;
  previous: Digested | undefined;
  next: Digested | undefined;
  related: readonly Digested[];
  /** The search index part the page names (SearchIndexFields). */
  searchIndexPart: string;
  /** The district and topic entries the page names. */
  taxonomy: readonly Digested[];
}

const part = (entry: Digested | undefined) => (entry ? `${entry.id}@${String(entry.digest ?? '')}` : '-');

export function featurePageKey(inputs: FeaturePageInputs): string {
  return createHash('sha256')
    .update(
      [
        part(inputs.entry),
        part(inputs.previous),
        part(inputs.next),
        inputs.related.map(part).join(','),
        inputs.searchIndexPart,
        inputs.taxonomy.map(part).join(','),
      ].join('\n'),
    )
    .digest('hex')
    .slice(0, 32);
}
