/**
 * `npm run build`: builds the site into a temporary folder and swaps it into dist/ only when
 * the whole build — including the content checks and the post-build verification, which run
 * as Astro integrations — succeeded. A failed build leaves the previous dist/ as it was, so
 * a half-written site is never served or deployed.
 *
 *   npm run build [-- --outDir /tmp/mine] [--full-log] [other astro build flags]
 *
 * `astro build` runs as a child process with its output streaming through BuildReport
 * (src/lib/build/build-report.ts): Astro's line per page and per image folded into counts
 * (--full-log shows them), and the content warnings and errors repeated at the end.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { BuildReport } from '../src/lib/build/build-report.ts';

/** Splits `--outDir x` / `--outDir=x` out of the arguments. */
export function takeOutDir(args: readonly string[]): {
  outDir: string;
  rest: string[];
} {
  const rest: string[] = [];
  let outDir = 'dist';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--outDir' && args[i + 1] !== undefined) outDir = args[++i]!;
    else if (arg.startsWith('--outDir=')) outDir = arg.slice('--outDir='.length);
    else rest.push(arg);
  }
  return { outDir: resolve(outDir), rest };
}

/**
 * Runs `build(staging)`; on success replaces `target` with the staging folder, on failure
 * removes the staging folder and leaves `target` untouched. Returns the build's exit code.
 */
export async function buildThenSwap(
  target: string,
  build: (staging: string) => number | Promise<number>,
): Promise<number> {
  const staging = join(dirname(target), `.${basename(target)}.building-${process.pid}`);
  const previous = join(dirname(target), `.${basename(target)}.previous-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  let code: number;
  try {
    code = await build(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (code !== 0 || !existsSync(staging)) {
    rmSync(staging, { recursive: true, force: true });
    return code || 1;
  }
  // Two renames: the old site stays whole until the new one is in place.
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, { recursive: true, force: true });
  return 0;
}

/** Runs `astro build` with its output read line by line through `report`; resolves to its exit code. */
function astroBuild(args: readonly string[], report: BuildReport): Promise<number> {
  const astro = resolve('node_modules/astro/bin/astro.mjs');
  const child = spawn(process.execPath, [astro, 'build', ...args], {
    stdio: ['inherit', 'pipe', 'pipe'],
    // Piped, Astro would drop its colours; keep them when we are on a terminal.
    env: process.stdout.isTTY ? { FORCE_COLOR: '1', ...process.env } : process.env,
  });
  const pass = (from: NodeJS.ReadableStream, to: NodeJS.WriteStream) =>
    new Promise<void>((done) => {
      const lines = createInterface({ input: from, crlfDelay: Infinity });
      lines.on('line', (line) => {
        for (const shown of report.read(line)) to.write(`${shown}\n`);
      });
      lines.on('close', done);
    });
  const streams = Promise.all([pass(child.stdout, process.stdout), pass(child.stderr, process.stderr)]);
  return new Promise((done) => {
    child.on('close', (code) => {
      void streams.then(() => {
        done(code ?? 1);
      });
    });
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fullLog = args.includes('--full-log');
  const { outDir, rest } = takeOutDir(args.filter((arg) => arg !== '--full-log'));
  const report = new BuildReport(fullLog);
  const code = await buildThenSwap(outDir, (staging) => astroBuild(['--outDir', staging, ...rest], report));
  const summary = report.summary();
  if (code !== 0) {
    console.error(
      `\n✗ 构建失败，${outDir} 保持上一次成功构建的内容 / build failed; ${outDir} still holds the last good build`,
    );
    for (const line of summary) console.error(line);
    process.exit(code);
  }
  for (const line of summary) console.log(line);
  console.log(`\n✓ 已更新 ${outDir} / ${outDir} updated`);
}

if (import.meta.main) await main();
