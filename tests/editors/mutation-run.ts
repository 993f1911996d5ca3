/**
 * One batch of mutations through the check, with the tally the test prints: per kind, how many
 * were tried and how each was judged (contract.ts) and caught (harness.ts).
 */
import { join } from 'node:path';
import type { Verdict } from './contract.ts';
import { REPO, Workspace, type Outcome } from './harness.ts';
import { fieldMutations } from './field-mutations.ts';
import { characterMutations, random, readFixtures, type FeatureFixture, type Mutation } from './mutations.ts';
import { pageMutations } from './page-mutations.ts';

export const fixtures: FeatureFixture[] = readFixtures(join(REPO, 'content/features'));

/**
 * A seeded sample, without repeats: `fromTable` of the mutation table (every field × every edit,
 * `tableBody` — bodyMutations with its photo variants —, character edits) and `fromPage` of the
 * page's mistakes, as the property tests over the check (check = build, desk = check) draw them.
 */
export function drawMutations(seed: number, tableBody: readonly Mutation[], fromTable: number, fromPage: number) {
  const next = random(seed);
  const draw = (from: readonly Mutation[], count: number) => {
    const pool = [...from];
    return Array.from(
      { length: Math.min(count, pool.length) },
      () => pool.splice(Math.floor(next() * pool.length), 1)[0]!,
    );
  };
  return [
    ...draw([...fieldMutations(fixtures), ...tableBody, ...characterMutations(fixtures, 300)], fromTable),
    ...draw(pageMutations(fixtures), fromPage),
  ];
}

export async function runAll(mutations: readonly Mutation[]): Promise<Outcome[]> {
  const workspace = new Workspace();
  const bySlug = new Map(fixtures.map((feature) => [feature.slug, feature]));
  try {
    const baseline = await workspace.check();
    if (baseline.length)
      throw new Error(`the real content is not clean to start with: ${baseline.map((d) => d.code).join(', ')}`);
    const outcomes: Outcome[] = [];
    for (const mutation of mutations) outcomes.push(await workspace.run(mutation, bySlug.get(mutation.slug)!));
    return outcomes;
  } finally {
    workspace.dispose();
  }
}

const VERDICTS: Verdict[] = ['mistake', 'harmless', 'legit', 'unknown'];

/** The table printed with the test: tried, and caught properly, per kind and verdict. */
export function tally(title: string, outcomes: readonly Outcome[]): string {
  const kinds = [...new Set(outcomes.map((o) => o.mutation.kind))];
  const cell = (list: readonly Outcome[], verdict: Verdict) => {
    const of = list.filter((o) => o.verdict === verdict);
    return of.length ? `${of.filter((o) => !o.problems.length).length}/${of.length}` : '–';
  };
  const rows = kinds.map((kind) => {
    const list = outcomes.filter((o) => o.mutation.kind === kind);
    return [kind, String(list.length), ...VERDICTS.map((v) => cell(list, v))];
  });
  const unknown = outcomes.filter((o) => o.verdict === 'unknown');
  const rejected = unknown.filter((o) => o.diagnostics.some((d) => d.severity === 'error')).length;
  const proper = outcomes.filter((o) => !o.problems.length).length;
  const header = ['kind', 'tried', 'mistake caught', 'harmless silent', 'legit passed', 'undecided proper'];
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]!].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [
    `${title}: ${outcomes.length} mutations tried, ${proper} handled properly (${outcomes.filter((o) => o.verdict === 'mistake').length} mistakes, each caught with file:line, Chinese and English)`,
    line(header),
    ...rows.map(line),
    `(undecided by the contract: ${unknown.length}, of which the check rejected ${rejected} and accepted ${unknown.length - rejected})`,
  ].join('\n');
}

/** The failures, readable: the mutation and what was wrong with what the check said. */
export function failures(outcomes: readonly Outcome[]): string[] {
  return outcomes
    .filter((o) => o.problems.length)
    .map((o) => `[${o.verdict}] ${o.mutation.id}\n    ${o.problems.join('\n    ')}`);
}
