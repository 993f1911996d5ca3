/**
 * The layers of src/lib, as README.md's layout describes them: imports point down, from the
 * editors' check (lib/check) to the feature reader (lib/features) to the content contract
 * (lib/content), which imports nothing of the site's machinery. And the contract with the
 * reader of one feature's text is plain TypeScript that a browser can run — the editors' desk
 * (/admin/) bundles it — so nothing on that path may touch the file system.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { repo } from '../support/site.ts';

const LIB = join(repo, 'src', 'lib');

/** The folder of src/lib a module is in: content, features…, or '' for src/lib itself. */
const folderOf = (path: string) => {
  const parts = relative(LIB, path).split('/');
  return parts.length > 1 ? parts[0]! : '';
};

/** Every import of every module (tests aside) under src/lib: from, to (a file, or a package). */
function imports(): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (const name of readdirSync(LIB, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts') || name.endsWith('.d.ts')) continue;
    const path = join(LIB, name);
    for (const [, specifier] of readFileSync(path, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms))
      out.push({
        from: path,
        to: specifier!.startsWith('.') ? normalize(join(dirname(path), specifier!)) : specifier!,
      });
  }
  return out;
}

/** What each folder may import of src/lib besides itself. */
const ALLOWED: Record<string, readonly string[]> = {
  // The contract: its own modules, and two plain helpers (dates, list pages).
  content: ['feature-date.ts', 'pagination.ts'],
  features: ['content/', 'markdown/', 'photos/', ''],
  check: ['content/', 'features/', 'photos/', ''],
  build: [''],
  import: ['content/'],
  photos: ['content/', ''],
};

it('imports point down: lib/check → lib/features → lib/content, and nothing into lib/check', () => {
  const wrong = imports()
    .filter(({ to }) => to.startsWith(LIB))
    .filter(({ from, to }) => {
      const source = folderOf(from);
      const target = relative(LIB, to);
      if (folderOf(to) === source) return false;
      if (folderOf(to) === 'check') return true;
      const allowed = ALLOWED[source];
      return (
        allowed !== undefined &&
        !allowed.some((prefix) =>
          prefix === '' ? !target.includes('/') : target.startsWith(prefix) || target === prefix,
        )
      );
    })
    .map(({ from, to }) => `${relative(repo, from)} → ${relative(repo, to)}`);
  expect(wrong).toEqual([]);
});

it('the contract reads no file: no node: import under src/lib/content', () => {
  const node = imports()
    .filter(({ from, to }) => folderOf(from) === 'content' && (to.startsWith('node:') || to === 'sharp'))
    .map(({ from, to }) => `${relative(repo, from)}: ${to}`);
  expect(node).toEqual([]);
});

it('checkFeatureSource and what it needs bundle for a browser', async () => {
  const result = await build({
    entryPoints: [join(LIB, 'features', 'feature.ts')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    conditions: ['browser'],
    write: false,
    metafile: true,
    minify: true,
    logLevel: 'silent',
  });
  expect(result.errors).toEqual([]);
  const ours = Object.keys(result.metafile.inputs).filter((input) => input.startsWith('src/'));
  // The reader, the compiler and the whole contract, and nothing that reads the disk.
  expect(ours).toContain('src/lib/content/rules/index.ts');
  expect(ours).toContain('src/lib/features/compile.ts');
  expect(ours.filter((input) => /features\/(?:source|loader)\.ts|\/check\/|\/photos\//.test(input))).toEqual([]);
});
