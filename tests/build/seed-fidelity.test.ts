/**
 * The shared seed-fidelity tool: the printed text of every seed page must survive into the
 * built site (≥ 97% of its sentences). It lives beside the repository, in ../shared/tools/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { dist, repo } from '../support/site.ts';

const tool = join(repo, '..', 'shared', 'tools', 'seed-fidelity.mjs');

it('keeps at least 97% of every seed’s text', () => {
  expect(existsSync(tool), `${tool} not found: the seeds and tools live in ../shared beside the repository`).toBe(true);
  const result = spawnSync(process.execPath, [tool, dist, '--min', '0.97'], { encoding: 'utf8' });
  const seeds = [...result.stdout.matchAll(/^(\S+\.txt): (\d+)\/(\d+) fragments \(([\d.]+)%\)$/gm)];
  expect(seeds.length, result.stdout + result.stderr).toBeGreaterThan(0);
  const below = seeds.filter(([, , , , percent]) => Number(percent) < 97).map(([line]) => line);
  expect(below, result.stdout).toEqual([]);
  expect(result.status, result.stdout + result.stderr).toBe(0);
});
