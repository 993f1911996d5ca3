/**
 * The build budgets (issue 20's, on a 2-core machine), checked by bench/build.ts after each run
 * (not timed tests: a shared CI runner is too noisy to fail a merge on seconds).
 */
import type { Scenario } from '../build.ts';

export interface BudgetInput {
  features: number;
  scenario: Scenario;
  wallMs: number;
  cpuMs: number;
  peakRss: number;
}

export interface BudgetCheck {
  name: string;
  limit: string;
  actual: string;
  ok: boolean;
}

const GB = 2 ** 30;

/** The budgets that apply to this run: rebuild times at 1,000 and 10,000 features, memory at 5,000 and 10,000. */
export function checkBudgets(run: BudgetInput): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s wall (${(run.cpuMs / 1000).toFixed(1)} s CPU)`;
  const one = { 'edit-one': 'editing', 'add-one': 'adding', 'remove-one': 'removing' } as const;
  const change = run.scenario in one ? one[run.scenario as keyof typeof one] : undefined;
  if (run.features >= 1000 && run.features < 5000 && run.scenario === 'unchanged') {
    checks.push({
      name: 'rebuild, nothing changed',
      limit: '≤ 5 s',
      actual: seconds(run.wallMs),
      ok: run.wallMs <= 5_000,
    });
  }
  if (change && run.features >= 1000 && (run.features < 5000 || run.features >= 10_000)) {
    const limit = run.features >= 10_000 ? 20 : 8;
    checks.push({
      name: `rebuild after ${change} one feature`,
      limit: `≤ ${limit} s`,
      actual: seconds(run.wallMs),
      ok: run.wallMs <= limit * 1000,
    });
  }
  if (run.features >= 5000) {
    const limit = run.features >= 10_000 ? 6 : 4;
    checks.push({
      name: 'peak memory, whole build',
      limit: `< ${limit} GB`,
      actual: `${(run.peakRss / GB).toFixed(2)} GB`,
      ok: run.peakRss < limit * GB,
    });
  }
  return checks;
}

export const formatBudgets = (checks: readonly BudgetCheck[]): string =>
  checks.map((c) => `  budget ${c.ok ? 'met   ' : 'MISSED'} ${c.name}: ${c.actual}, limit ${c.limit}`).join('\n');
