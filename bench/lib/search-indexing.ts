/**
 * How long indexing a built site takes, how much memory it needs and what it writes: the
 * search indexer alone (src/integrations/pagefind.ts) run in a child process over a copy of
 * the site, sampled like a build (process-tree.ts: CPU and RSS summed over the process tree,
 * which includes the Pagefind binary).
 *
 * `baseline` runs the indexer as it was before issue 11 (Pagefind segmenting the pages'
 * Chinese itself, commit BASELINE_COMMIT), taken from git, over the same pages, so the two
 * are measured side by side on the same machine at the same time.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, WORK_DIR } from '../generate.ts';
import { sampleTree } from './process-tree.ts';

/** The last commit of main before the search index of issue 11: Pagefind's own segmentation. */
export const BASELINE_COMMIT = 'ea2ddca';

export interface IndexingRun {
  wallMs: number;
  cpuMs: number;
  peakRss: number;
  /** Bytes and files of every pagefind*\/ folder written. */
  bytes: number;
  files: number;
}

function linkCopy(from: string, to: string, skip: (name: string) => boolean): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkCopy(source, target, () => false);
    else execFileSync('ln', [source, target]);
  }
}

function sizeOf(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}

/** The indexer module to run: today's, or the baseline's files written from git. */
function indexerModule(which: 'current' | 'baseline'): string {
  if (which === 'current') return path.join(PROJECT_ROOT, 'src/integrations/pagefind.ts');
  const root = path.join(WORK_DIR, 'baseline-indexer');
  for (const file of ['src/integrations/pagefind.ts', 'src/lib/search/index-plan.ts']) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(
      path.join(root, file),
      execFileSync('git', ['show', `${BASELINE_COMMIT}:${file}`], { cwd: PROJECT_ROOT, encoding: 'utf8' }),
    );
  }
  return path.join(root, 'src/integrations/pagefind.ts');
}

/** Index a copy of the built `site` with `which` indexer, and measure it. No cache: a full index. */
export async function measureIndexing(site: string, which: 'current' | 'baseline'): Promise<IndexingRun> {
  const copy = path.join(WORK_DIR, `indexing-${which}`);
  rmSync(copy, { recursive: true, force: true });
  linkCopy(site, copy, (name) => /^pagefind(-\d+)?$/u.test(name));
  const script = `const { buildSearchIndex } = await import(${JSON.stringify(indexerModule(which))}); await buildSearchIndex(${JSON.stringify(copy)});`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
  let peakRss = 0;
  let cpuMs = 0;
  const timer = setInterval(() => {
    if (child.pid === undefined) return;
    const sample = sampleTree(child.pid);
    peakRss = Math.max(peakRss, sample.rssBytes);
    cpuMs = Math.max(cpuMs, sample.cpuMs);
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`indexing with the ${which} indexer failed (exit ${code})`);
  const written = readdirSync(copy)
    .filter((name) => /^pagefind(-\d+)?$/u.test(name))
    .map((name) => sizeOf(path.join(copy, name)));
  rmSync(copy, { recursive: true, force: true });
  return {
    wallMs,
    cpuMs,
    peakRss,
    bytes: written.reduce((sum, part) => sum + part.bytes, 0),
    files: written.reduce((sum, part) => sum + part.files, 0),
  };
}
