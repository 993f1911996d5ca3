/**
 * `npm run build`: builds the site into a temporary folder and swaps it into dist/ only when
 * the whole build — including the content checks and the post-build verification, which run
 * as Astro integrations — succeeded. A failed build leaves the previous dist/ as it was, so
 * a half-written site is never served or deployed.
 *
 *   npm run build [-- --outDir /tmp/mine] [other astro build flags]
 *
 * `astro build` runs as a child process with its output streaming as usual.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

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
export function buildThenSwap(target: string, build: (staging: string) => number): number {
  const staging = join(dirname(target), `.${basename(target)}.building-${process.pid}`);
  const previous = join(dirname(target), `.${basename(target)}.previous-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  let code: number;
  try {
    code = build(staging);
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

function main(): void {
  const { outDir, rest } = takeOutDir(process.argv.slice(2));
  const astro = resolve('node_modules/astro/bin/astro.mjs');
  const code = buildThenSwap(outDir, (staging) => {
    const run = spawnSync(process.execPath, [astro, 'build', '--outDir', staging, ...rest], { stdio: 'inherit' });
    return run.status ?? 1;
  });
  if (code !== 0) {
    console.error(
      `\n✗ 构建失败，${outDir} 保持上一次成功构建的内容 / build failed; ${outDir} still holds the last good build`,
    );
    process.exit(code);
  }
  console.log(`\n✓ 已更新 ${outDir} / ${outDir} updated`);
}

if (import.meta.main) main();
