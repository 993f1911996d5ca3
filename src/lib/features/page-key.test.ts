/**
 * A feature page's cacheKey changes whenever anything it shows changes, and only then: drawn
 * over random (seeded) pages, every single change to an input gives a new key.
 */
import { describe, expect, it } from 'vitest';
import { prng } from '../../../bench/lib/corpus.ts';
import { featurePageKey, listPageKey, type FeaturePageInputs } from './page-key.ts';

const random = prng(99);
const entry = (id: string) => ({ id, digest: Math.floor(random() * 1e9).toString(16) });

function randomInputs(): FeaturePageInputs {
  return {
    entry: entry('a'),
    previous: random() < 0.9 ? entry('p') : undefined,
    next: random() < 0.9 ? entry('n') : undefined,
    related: Array.from({ length: Math.floor(random() * 4) }, (_, i) => entry(`r${i}`)),
    taxonomy: [entry('jingkai'), entry('dangjian')],
  };
}

/** Every single-input change of a page: each entry's digest, a neighbour gone. */
function changes(inputs: FeaturePageInputs): FeaturePageInputs[] {
  const bump = (e: { id: string; digest?: string | number | undefined }) => ({ ...e, digest: `${String(e.digest)}x` });
  return [
    { ...inputs, entry: bump(inputs.entry) },
    { ...inputs, previous: inputs.previous ? bump(inputs.previous) : entry('p') },
    { ...inputs, next: inputs.next ? undefined : entry('n') },
    ...inputs.related.map((_, i) => ({ ...inputs, related: inputs.related.map((r, j) => (i === j ? bump(r) : r)) })),
    { ...inputs, related: [...inputs.related, entry('extra')] },
    { ...inputs, related: inputs.related.toReversed().concat(inputs.related.length > 1 ? [] : [entry('z')]) },
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

describe('an entry without a digest (a district, a topic)', () => {
  it('counts by its data: a renamed topic gives its pages and its features new keys', () => {
    const topic = { id: 'shengtai', data: { name: '生态环境' } };
    const renamed = { ...topic, data: { name: '生态文明' } };
    const inputs = { ...randomInputs(), taxonomy: [topic] };
    expect(featurePageKey({ ...inputs, taxonomy: [renamed] })).not.toBe(featurePageKey(inputs));
    const page = { data: [entry('a')], currentPage: 1, lastPage: 1, total: 1 };
    expect(listPageKey({ page, list: renamed })).not.toBe(listPageKey({ page, list: topic }));
    expect(listPageKey({ page, list: structuredClone(topic) })).toBe(listPageKey({ page, list: topic }));
  });
});

describe('listPageKey', () => {
  it('changes with any card, the page’s place in the list, or the list’s own entry', () => {
    const page = { data: [entry('a'), entry('b'), entry('c')], currentPage: 2, lastPage: 5, total: 110 };
    const list = entry('dangjian');
    const key = listPageKey({ page, list });
    expect(listPageKey({ page: structuredClone(page), list: { ...list } })).toBe(key);
    const variants = [
      { page: { ...page, data: page.data.slice(1) }, list },
      { page: { ...page, data: page.data.map((e, i) => (i === 2 ? { ...e, digest: 'x' } : e)) }, list },
      { page: { ...page, currentPage: 3 }, list },
      { page: { ...page, lastPage: 6 }, list },
      { page: { ...page, total: 111 }, list },
      { page, list: { ...list, digest: 'y' } },
      { page },
    ];
    for (const variant of variants) expect(listPageKey(variant)).not.toBe(key);
  });
});
