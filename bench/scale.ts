/**
 * The rebuild table of issue 20: each change an editor makes, built with the real project
 * (bench/build.ts) and, right after, the same corpus built by Hugo doing only the text
 * (bench/hugo.ts --text: nothing resized or published, no search index) — alternating, so
 * the ratio of each pair is taken on the machine as it was at that moment.
 *
 *   node bench/scale.ts <corpus-dir> [--runs 2] [--only unchanged,edit-one,…]
 *
 * Scenarios, each --runs times: nothing changed, one feature edited, one added, one removed,
 * ten edited. A change is undone after its build, and the build that undoes it is not
 * counted (it is a change too), so every counted build starts from the same archive. Prints a
 * Markdown table (median of the runs, min–max beside it) and writes the runs as JSON to
 * bench/.work/results/. Take the build lock on a shared machine:
 *
 *   flock /tmp/zhuanban-build.lock node bench/scale.ts bench/.work/corpus-1000-shared
 */
import { writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runBuild, type BuildResult, type Scenario } from './build.ts';
import { WORK_DIR } from './generate.ts';
import { runHugo, writeHugoSite } from './hugo.ts';

const MEASURED: { scenario: Scenario; name: string }[] = [
  { scenario: 'unchanged', name: 'nothing changed' },
  { scenario: 'edit-one', name: 'one edited' },
  { scenario: 'add-one', name: 'one added' },
  { scenario: 'remove-one', name: 'one removed' },
  { scenario: 'edit-ten', name: 'ten edited' },
];

interface Pair {
  scenario: Scenario;
  ours: BuildResult;
  hugo: { wallMs: number; cpuMs: number; peakRss: number };
  load: number;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0;
const spread = (values: number[], format: (value: number) => string) =>
  values.length > 1
    ? `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`
    : format(values[0] ?? 0);

/** The phase of the search index in a build, as bench/lib/phases.ts names it. */
/** The scenarios a run measured, in the table's order. */
const measured = (pairs: readonly Pair[]) =>
  MEASURED.filter(({ scenario }) => pairs.some((pair) => pair.scenario === scenario));

const searchPhase = (run: BuildResult) => run.phases.find((phase) => phase.name === 'pagefind');

export async function scale(corpus: string, runs: number, only?: readonly Scenario[]): Promise<Pair[]> {
  const hugoSite = writeHugoSite(corpus, true);
  const pairs: Pair[] = [];
  // Two builds first: the first after a code change builds everything.
  await runBuild(corpus, 'unchanged');
  await runBuild(corpus, 'unchanged');
  for (const { scenario } of MEASURED) {
    if (only && !only.includes(scenario)) continue;
    for (let run = 0; run < runs; run++) {
      const load = loadavg()[0] ?? 0;
      const ours = await runBuild(corpus, scenario);
      const hugo = await runHugo(hugoSite, 'unchanged');
      pairs.push({ scenario, ours, hugo, load });
      console.error(
        `${scenario}: ${seconds(ours.wallMs)} s (${seconds(ours.cpuMs)} s CPU) · Hugo ${seconds(hugo.wallMs)} s · load ${load.toFixed(1)}`,
      );
      // Build the archive back as it was, uncounted, so the next build changes only its own.
      if (scenario !== 'unchanged') await runBuild(corpus, 'unchanged');
    }
  }
  return pairs;
}

export function formatScale(pairs: readonly Pair[]): string {
  const rows = measured(pairs).map(({ scenario, name }) => {
    const of = pairs.filter((pair) => pair.scenario === scenario);
    const wall = of.map((pair) => pair.ours.wallMs);
    const cpu = of.map((pair) => pair.ours.cpuMs);
    const index = of.map((pair) => searchPhase(pair.ours)?.wallMs ?? 0);
    const indexCpu = of.map((pair) => searchPhase(pair.ours)?.cpuMs ?? 0);
    const peak = of.map((pair) => pair.ours.peakRss / 2 ** 30);
    const hugo = of.map((pair) => pair.hugo.wallMs);
    const ratio = of.map((pair) => pair.ours.wallMs / pair.hugo.wallMs);
    const load = of.map((pair) => pair.load);
    return `| ${name} | ${spread(wall, seconds)} s | ${spread(cpu, seconds)} s | ${spread(index, seconds)} / ${spread(indexCpu, seconds)} s | ${spread(peak, (v) => v.toFixed(2))} GB | ${spread(hugo, seconds)} s | ${spread(ratio, (v) => v.toFixed(1))}× | ${spread(load, (v) => v.toFixed(1))} |`;
  });
  return [
    '| change | wall | CPU | search index: wall / CPU | peak | Hugo, text only: wall | ratio (pair by pair) | load |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

/** Per phase, each scenario's median wall / CPU: where the seconds of each change go. */
export function formatPhases(pairs: readonly Pair[]): string {
  const names = [...new Set(pairs.flatMap((pair) => pair.ours.phases.map((phase) => phase.name)))];
  const cell = (of: readonly Pair[], name: string) => {
    const phases = of.map((pair) => pair.ours.phases.find((phase) => phase.name === name));
    const wall = median(phases.map((phase) => phase?.wallMs ?? 0));
    const cpu = median(phases.map((phase) => phase?.cpuMs ?? 0));
    return `${seconds(wall)} / ${seconds(cpu)}`;
  };
  const rows = names.map(
    (name) =>
      `| ${name} | ${measured(pairs)
        .map(({ scenario }) =>
          cell(
            pairs.filter((pair) => pair.scenario === scenario),
            name,
          ),
        )
        .join(' | ')} |`,
  );
  return [
    `| phase (wall / CPU, s) | ${measured(pairs)
      .map(({ name }) => name)
      .join(' | ')} |`,
    `| --- |${measured(pairs)
      .map(() => ' ---: |')
      .join('')}`,
    ...rows,
  ].join('\n');
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string', default: '2' }, only: { type: 'string' } },
  });
  const corpus = positionals[0];
  if (!corpus) {
    console.error('usage: node bench/scale.ts <corpus-dir> [--runs 2] [--only unchanged,edit-one,…]');
    process.exit(2);
  }
  const only = values.only?.split(',') as Scenario[] | undefined;
  const pairs = await scale(resolve(corpus), Number(values.runs), only);
  const name = `scale-${basename(corpus)}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(join(WORK_DIR, 'results', name), `${JSON.stringify(pairs, null, 2)}\n`);
  console.log(
    `${basename(corpus)} · ${pairs[0]?.ours.features ?? '?'} features · ${pairs[0]?.ours.machine.cpus ?? '?'} CPUs`,
  );
  console.log(formatScale(pairs));
  console.log();
  console.log(formatPhases(pairs));
}
