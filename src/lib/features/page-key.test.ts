/**
 * A feature page's cacheKey changes whenever anything it shows changes, and only then: drawn
 * over random (seeded) pages, every single change to an input gives a new key.
 */
import { describe, expect, it } from 'vitest';
import { prng } from '../../../bench/lib/corpus.ts';
import { featurePageKey, type FeaturePageInputs } from './page-key.ts';

const random = prng(99);
const entry = (id: string) => ({ id, digest: Math.floor(random() * 1e9).toString(16) });

function randomInputs(): FeaturePageInputs {
  return {
    entry: entry('a'),
    previous: random() < 0.9 ? entry('p') : undefined,
    next: random() < 0.9 ? entry('n') : undefined,
    related: Array.from({ length: Math.floor(random() * 4) }, (_, i) => entry(`r${i}`)),
    searchIndexPart: random() < 0.5 ? 'pagefind' : 'pagefind-1',
    taxonomy: [entry('jingkai'), entry('dangjian')],
  };
}

/** Every single-input change of a page: each entry's digest, a neighbour gone, the index part. */
function changes(inputs: FeaturePageInputs): FeaturePageInputs[] {
  const bump = (e: { id: string; digest?: string | number | undefined }) => ({ ...e, digest: `${String(e.digest)}x` });
  return [
    { ...inputs, entry: bump(inputs.entry) },
    { ...inputs, previous: inputs.previous ? bump(inputs.previous) : entry('p') },
    { ...inputs, next: inputs.next ? undefined : entry('n') },
    ...inputs.related.map((_, i) => ({ ...inputs, related: inputs.related.map((r, j) => (i === j ? bump(r) : r)) })),
    { ...inputs, related: [...inputs.related, entry('extra')] },
    { ...inputs, related: inputs.related.toReversed().concat(inputs.related.length > 1 ? [] : [entry('z')]) },
    { ...inputs, searchIndexPart: `${inputs.searchIndexPart}-2` },
    { ...inputs, taxonomy: inputs.taxonomy.map((t, i) => (i === 1 ? bump(t) : t)) },
  ];
}

describe('featurePageKey', () => {
  it('is the same for the same page', () => {
    const inputs = randomInputs();
    expect(featurePageKey(structuredClone(inputs))).toBe(featurePageKey(inputs));
  });

  it('changes with every change to what the page shows', () => {
    for (let i = 0; i < 100; i++) {
      const inputs = randomInputs();
      const key = featurePageKey(inputs);
      for (const changed of changes(inputs)) expect(featurePageKey(changed)).not.toBe(key);
    }
  });
});
