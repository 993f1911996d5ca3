/**
 * Seeded randomness for property tests: the same seed draws the same cases on every run and
 * machine, so a failure can be replayed (the seed is in the test's name or message).
 */
import { prng } from '../../bench/lib/corpus.ts';

export interface Random {
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [low, high]. */
  int: (low: number, high: number) => number;
  pick: <T>(items: readonly T[]) => T;
}

export function seeded(seed: number): Random {
  const next = prng(seed);
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
  };
}
