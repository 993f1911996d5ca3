/**
 * A page's signature follows everything Astro's incremental build restores a page by, and
 * nothing else: each input changed in turn changes it; the server-island key does not.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pageSignatures, restorableFiles } from './incremental-pages.ts';

let dir = '';
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const manifest = () => ({
  version: 1,
  configHash: 'c1',
  lockfileHash: 'l1',
  keyDigest: 'k1',
  routes: {
    'src/pages/features/[slug].astro': {
      dependencyHash: 'd1',
      paths: {
        '/features/a/': { cacheKey: 'a1', outputFile: 'features/a/index.html' },
        '/features/b/': { cacheKey: 'b1', outputFile: 'features/b/index.html', contentHashes: { x: 'h1' } },
      },
    },
  },
});

function signaturesOf(value: unknown): Map<string, string> {
  writeFileSync(path.join(dir, 'incremental-build.json'), JSON.stringify(value));
  return pageSignatures(dir);
}

describe('pageSignatures', () => {
  it('changes with the config, the lockfile, the route code, the cacheKey and the rendered entries', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhuanban-incremental-'));
    const base = signaturesOf(manifest());
    expect([...base.keys()]).toEqual(['features/a/index.html', 'features/b/index.html']);
    const route = (m: ReturnType<typeof manifest>) => m.routes['src/pages/features/[slug].astro'];
    const both = ['features/a/index.html', 'features/b/index.html'];
    const changes: [(m: ReturnType<typeof manifest>) => void, string[]][] = [
      [(m) => (m.configHash = 'c2'), both],
      [(m) => (m.lockfileHash = 'l2'), both],
      [(m) => (route(m).dependencyHash = 'd2'), both],
      [(m) => (route(m).paths['/features/a/'].cacheKey = 'a2'), ['features/a/index.html']],
      [(m) => (route(m).paths['/features/b/'].contentHashes = { x: 'h2' }), ['features/b/index.html']],
    ];
    for (const [change, expected] of changes) {
      const changed = manifest();
      change(changed);
      const after = signaturesOf(changed);
      expect([...base].filter(([file, signature]) => after.get(file) !== signature).map(([file]) => file)).toEqual(
        expected,
      );
    }
    expect(signaturesOf({ ...manifest(), keyDigest: 'k2' })).toEqual(base);
  });

  it('gives no signature from a manifest of another version, or none, yet lists the restorable pages', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhuanban-incremental-'));
    expect(pageSignatures(dir).size).toBe(0);
    expect(signaturesOf({ ...manifest(), version: 2 }).size).toBe(0);
    expect(restorableFiles(dir)).toEqual(['features/a/index.html', 'features/b/index.html']);
  });
});
