/**
 * Commands run by the build tests as a shell would run them: the project's own Node (type
 * stripping, Astro 7) and an environment without what Vitest adds to process.env.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repo } from './site.ts';

/** The project's Node 24, whichever Node runs Vitest. */
export const node = join(repo, 'node_modules', '.bin', 'node');

/** What Vitest adds to process.env. */
const VITEST_VARIABLES = new Set(['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST']);

export interface Run {
  status: number | null;
  output: string;
}

/** Runs `command` in `cwd`, collecting stdout and stderr together (asynchronously, so imports can overlap). */
export function run(command: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    // Vitest copies its import.meta.env into process.env (NODE_ENV=test, MODE=test, DEV=1,
    // PROD=''…). Inherited, they reach the site's import.meta.env and `astro build` takes
    // DEV for true: it builds drafts as pages (verify-build then fails it). Children get the
    // environment a shell would give them.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !VITEST_VARIABLES.has(name) && !name.startsWith('VITEST')),
    );
    Object.assign(env, { NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' }, extraEnv);
    const child = spawn(command, args, { cwd, env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      resolve({ status, output });
    });
  });
}

/** Runs a Node script with the project's Node. */
export const runNode = (args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<Run> =>
  run(node, args, cwd, extraEnv);

/** The end of a long log, enough to show a failure without drowning the report. */
export const tail = (text: string, lines = 40): string => text.split('\n').slice(-lines).join('\n');
