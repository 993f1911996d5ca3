/**
 * Build a benchmark corpus with the real project and report where the time and memory go.
 *
 *   node bench/build.ts <corpus-dir> [--scenario cold|unchanged|edit-one|edit-ten|add-one|remove-one]
 *
 * cold        delete the corpus's caches (<corpus>/.cache, .astro) and output first: a fresh CI runner;
 * unchanged   build again with nothing changed: the rebuild every CI run pays;
 * edit-one    add a sentence to one paragraph of the middle feature, build, then put the text back;
 * edit-ten    the same in ten features spread over the archive;
 * add-one     append one new feature (bench/generate.ts --add 1), build, then remove it again;
 * remove-one  take the middle feature out, build, then put it back.
 *
 * Every scenario but cold and unchanged undoes its change after the build, so the next build
 * sees a change too (back to the original): run `unchanged` twice after them to measure a true
 * no-change build.
 *
 * Prints, per phase (content sync, bundle, page render, photos, Pagefind),
 * wall time, CPU time (user + system, whole process tree) and peak memory (summed RSS of the
 * tree), plus how many images were encoded versus taken from the cache. The JSON lands in
 * bench/.work/results/. Run it under the build lock on a shared machine:
 *
 *   flock /tmp/zhuanban-build.lock node bench/build.ts bench/.work/corpus-1000-shared
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { countFeatures, PROJECT_ROOT, readCorpusOptions, WORK_DIR, writeFeatures } from './generate.ts';
import { encodedImages, isPhaseMarker, splitPhases, type Phase, type StampedLine } from './lib/phases.ts';
import { sampleTree } from './lib/process-tree.ts';
import { checkBudgets, formatBudgets } from './lib/budgets.ts';
import { syntheticSlug } from './lib/corpus.ts';

export const SCENARIOS = ['cold', 'unchanged', 'edit-one', 'edit-ten', 'add-one', 'remove-one'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** The sentence edit-one adds to the first paragraph of a feature's body. */
export const EDIT_SENTENCE = '编辑部补记：本文数据截至见报当日。';

/** `mdx` with `sentence` added to the end of its first body paragraph (a line of Han text). */
export function editedFeature(mdx: string, sentence = EDIT_SENTENCE): string {
  const bodyStart = mdx.indexOf('\n---', 3) + 4;
  const lines = mdx.slice(bodyStart).split('\n');
  const at = lines.findIndex((line) => /^\p{Script=Han}/u.test(line));
  if (at < 0) throw new Error('edit-one: no paragraph of text to edit');
  lines[at] = `${lines[at]!}${sentence}`;
  return mdx.slice(0, bodyStart) + lines.join('\n');
}

export interface BuildResult {
  corpus: string;
  features: number;
  scenario: Scenario;
  exitCode: number;
  wallMs: number;
  cpuMs: number;
  peakRss: number;
  phases: Phase[];
  images: { count: number; encodeMs: number; cached: number };
  machine: { cpus: number; model: string; memoryGb: number };
  date: string;
}

const SAMPLE_EVERY_MS = 200;

export async function runBuild(corpus: string, scenario: Scenario): Promise<BuildResult> {
  const outDir = join(corpus, 'dist');
  if (scenario === 'cold') {
    for (const dir of ['.cache', '.astro']) rmSync(join(corpus, dir), { recursive: true, force: true });
  }
  // Every build writes a fresh folder, as `npm run build` does (scripts/build.ts): pages an
  // incremental build restores are copied from the cache, not found in place.
  rmSync(outDir, { recursive: true, force: true });
  const features = countFeatures(corpus);
  let added: string | undefined;
  let restore: (() => void) | undefined;
  if (scenario === 'edit-one' || scenario === 'edit-ten') {
    const count = scenario === 'edit-one' ? 1 : 10;
    const files = Array.from({ length: count }, (_, i) =>
      join(corpus, 'content/features', syntheticSlug(Math.floor(((i + 0.5) * features) / count)), 'index.mdx'),
    );
    const originals = files.map((file) => readFileSync(file, 'utf8'));
    // A sentence of its own each run, so a run after an edit-one run edits the feature again.
    const sentence = `${EDIT_SENTENCE}（${Date.now().toString(36)}）`;
    files.forEach((file, i) => {
      writeFileSync(file, editedFeature(originals[i]!, sentence));
    });
    restore = () => {
      files.forEach((file, i) => {
        writeFileSync(file, originals[i]!);
      });
    };
  }
  if (scenario === 'remove-one') {
    const folder = join(corpus, 'content/features', syntheticSlug(Math.floor(features / 2)));
    const aside = join(corpus, `.removed-${basename(folder)}`);
    renameSync(folder, aside);
    restore = () => {
      renameSync(aside, folder);
    };
  }
  if (scenario === 'add-one') {
    await writeFeatures({ ...readCorpusOptions(corpus), features: features + 1 }, features, features + 1);
    added = join(corpus, 'content/features', syntheticSlug(features));
  }

  mkdirSync(join(WORK_DIR, 'results'), { recursive: true });
  const astro = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
  const started = performance.now();
  const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir], {
    cwd: corpus,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const root = child.pid!;
  const now = () => performance.now() - started;
  const lines: StampedLine[] = [];
  const rss: [number, number][] = [];
  let lastCpu = 0;
  const sample = () => {
    const tree = sampleTree(root);
    // Once the tree is gone its CPU reads as 0; keep the last real reading.
    if (tree.processes > 0) lastCpu = tree.cpuMs;
    rss.push([now(), tree.rssBytes]);
    return lastCpu;
  };
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  const logFile: string[] = [];
  // Follow a long build with: tail -f bench/.work/results/live.log
  const live = createWriteStream(join(WORK_DIR, 'results', 'live.log'));
  // Reading /proc for every line made the benchmark fall seconds behind a build that logs
  // thousands of lines (one per photo warning), stamping later phases late: the tree is read
  // on phase markers only, the timer's last reading serves every other line.
  const stamp = (text: string) => {
    lines.push({ at: now(), cpu: isPhaseMarker(text) ? sample() : lastCpu, text });
    logFile.push(text);
    live.write(`${(now() / 1000).toFixed(1).padStart(7)}s ${text}\n`);
  };
  createInterface({ input: child.stdout }).on('line', stamp);
  createInterface({ input: child.stderr }).on('line', stamp);
  const exitCode = await new Promise<number>((done) =>
    child.on('close', (code) => {
      done(code ?? 1);
    }),
  );
  clearInterval(timer);
  live.end();
  const end: StampedLine = { at: now(), cpu: lastCpu, text: '' };
  if (added) rmSync(added, { recursive: true, force: true });
  restore?.();

  const phases = splitPhases(lines, end, rss);
  const os = await import('node:os');
  const result: BuildResult = {
    corpus: basename(corpus),
    features: countFeatures(corpus) + (added ? 1 : 0) - (scenario === 'remove-one' ? 1 : 0),
    scenario,
    exitCode,
    wallMs: end.at,
    cpuMs: end.cpu,
    peakRss: Math.max(0, ...rss.map(([, bytes]) => bytes)),
    phases,
    images: encodedImages(lines),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
    },
    date: new Date().toISOString(),
  };
  const resultsDir = join(WORK_DIR, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const name = `${result.corpus}-${scenario}-${result.date.replace(/[:.]/g, '-')}`;
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(resultsDir, `${name}.log`), `${logFile.join('\n')}\n`);
  if (exitCode !== 0) {
    console.error(logFile.slice(-30).join('\n'));
    throw new Error(
      `bench: astro build failed (exit ${exitCode}) for ${corpus}; full log in ${join(resultsDir, `${name}.log`)}`,
    );
  }
  return result;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

export function formatResult(result: BuildResult): string {
  const rows = result.phases
    .filter((p) => p.wallMs >= 50)
    .map(
      (p) =>
        `  ${p.name.padEnd(24)} ${seconds(p.wallMs).padStart(9)} ${seconds(p.cpuMs).padStart(9)} ${megabytes(p.peakRss).padStart(9)}`,
    );
  return [
    `${result.corpus} · ${result.features} features · ${result.scenario} · ${result.machine.cpus} × ${result.machine.model}`,
    `  ${'phase'.padEnd(24)} ${'wall'.padStart(9)} ${'cpu'.padStart(9)} ${'peak RSS'.padStart(9)}`,
    ...rows,
    `  ${'TOTAL'.padEnd(24)} ${seconds(result.wallMs).padStart(9)} ${seconds(result.cpuMs).padStart(9)} ${megabytes(result.peakRss).padStart(9)}`,
    `  images: ${result.images.count} encoded (${seconds(result.images.encodeMs)} summed), ${result.images.cached} from cache`,
  ].join('\n');
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { scenario: { type: 'string', default: 'unchanged' } },
  });
  const corpus = positionals[0];
  const scenario = values.scenario as Scenario;
  if (!corpus || !(SCENARIOS as readonly string[]).includes(scenario)) {
    console.error(`usage: node bench/build.ts <corpus-dir> [--scenario ${SCENARIOS.join('|')}]`);
    process.exit(2);
  }
  const result = await runBuild(resolve(corpus), scenario);
  console.log(formatResult(result));
  const budgets = checkBudgets(result);
  if (budgets.length > 0) console.log(formatBudgets(budgets));
}
