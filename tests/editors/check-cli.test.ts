/**
 * A sample of the mutations (mutations.test.ts) through the real `npm run check`, as an editor
 * runs it: the exit code, and the output — every finding as `file:line: 错误 error [code] …`
 * with its English line, sorted, then the count — exactly what the in-process check found.
 * Includes the issue's two: `district: nowhere` and `tags: [dangjianx, …]`.
 */
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { summarize } from '../../src/lib/check/report.ts';
import { formatDiagnostic } from '../../src/lib/content/diagnostic.ts';
import { REPO, Workspace } from './harness.ts';
import { fixtures } from './mutation-run.ts';
import { bodyMutations, photoVariants } from './body-mutations.ts';
import { fieldMutations } from './field-mutations.ts';
import { random, type Mutation } from './mutations.ts';
import { pageMutations } from './page-mutations.ts';
import { setField } from './yaml-edit.ts';

/** Mutations drawn per run (seeded) from the systematic ones, besides the issue's two. */
const SAMPLE = 10;

function issueMutations(): Mutation[] {
  const jiulong = fixtures.find((f) => f.slug === 'jiulong')!;
  return [
    {
      id: 'jiulong · district: nowhere',
      kind: 'issue',
      slug: 'jiulong',
      source: setField(jiulong.source, ['district'], 'nowhere'),
      lines: [7],
    },
    {
      id: 'jiulong · tags: [dangjianx, …]',
      kind: 'issue',
      slug: 'jiulong',
      source: jiulong.source.replace('[dangjian,', '[dangjianx,'),
      lines: [18],
    },
  ];
}

it(
  'npm run check gives the same findings, sorted, with a count, and exits 1 exactly when one is an error',
  { timeout: 180_000 },
  async () => {
    const next = random(1214);
    const all = [
      ...fieldMutations(fixtures),
      ...bodyMutations(fixtures, await photoVariants()),
      ...pageMutations(fixtures),
    ];
    const sample = [
      ...issueMutations(),
      ...Array.from({ length: SAMPLE }, () => all[Math.floor(next() * all.length)]!),
    ];
    const workspace = new Workspace();
    const exits = new Map<number, number>();
    try {
      for (const mutation of sample) {
        const feature = fixtures.find((f) => f.slug === mutation.slug)!;
        const inProcess = await workspace.run(mutation, feature);
        expect(inProcess.problems, mutation.id).toEqual([]);
        const restore = workspace.apply(mutation, feature);
        const run = spawnSync('npm', ['run', '--silent', 'check', '--', '--dir', workspace.featuresDir], {
          cwd: REPO,
          encoding: 'utf8',
        });
        restore();
        const expected = [...inProcess.diagnostics.map(formatDiagnostic), summarize(inProcess.diagnostics)].join('\n');
        expect({ id: mutation.id, stdout: run.stdout.trim(), stderr: run.stderr }).toEqual({
          id: mutation.id,
          stdout: expected,
          stderr: '',
        });
        expect(run.status, mutation.id).toBe(inProcess.diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
        if (inProcess.verdict === 'mistake') expect(run.status, mutation.id).toBe(1);
        if (inProcess.verdict === 'harmless') expect(run.status, mutation.id).toBe(0);
        exits.set(run.status ?? -1, (exits.get(run.status ?? -1) ?? 0) + 1);
        if (mutation.kind === 'issue')
          expect(run.stdout).toMatch(
            new RegExp(`^content/features/jiulong/index\\.mdx:${mutation.lines[0]}: 错误 error \\[unknown-`, 'm'),
          );
      }
      console.log(
        `npm run check over ${sample.length} mutations: the in-process findings every time; exit 1 ×${exits.get(1) ?? 0}, exit 0 ×${exits.get(0) ?? 0}`,
      );
    } finally {
      workspace.dispose();
    }
  },
);
