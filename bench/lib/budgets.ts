/**
 * The build budgets, checked by bench/build.ts after each run (not timed tests:
 * a shared CI runner is too noisy to fail a merge on seconds).
 */
export interface BudgetInput {
  features: number;
  scenario: 'cold' | 'unchanged' | 'edit-one' | 'add-one';
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

/** The budgets that apply to this run: rebuild times from 1,000 features, memory at 5,000 and 10,000. */
export function checkBudgets(run: BudgetInput): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s wall (${(run.cpuMs / 1000).toFixed(1)} s CPU)`;
  if (run.features >= 1000 && run.scenario === 'unchanged') {
    checks.push({
      name: 'rebuild, nothing changed',
      limit: '< 10 s',
      actual: seconds(run.wallMs),
      ok: run.wallMs < 10_000,
    });
  }
  if (run.features >= 1000 && (run.scenario === 'add-one' || run.scenario === 'edit-one')) {
    checks.push({
      name: `rebuild after ${run.scenario === 'add-one' ? 'adding' : 'editing'} one feature`,
      limit: '< 15 s',
      actual: seconds(run.wallMs),
      ok: run.wallMs < 15_000,
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
