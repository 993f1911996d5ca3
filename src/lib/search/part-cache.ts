/**
 * Index parts kept between builds, by digest (index-part.ts): in Astro's cacheDir, which CI
 * keeps (node_modules/.astro/zhuanban-search/<part>/<digest>/). A part whose pages have not
 * changed is linked from here instead of being indexed again; only the latest build of each
 * part is kept.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Hard-link (or, across file systems, copy) every file of `from` into `to`. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      linkTree(source, target);
    } else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** The cached build of part `dir` with `digest`, linked into `outDir`; false when there is none. */
export function restorePart(cacheRoot: string, dir: string, digest: string, outDir: string): boolean {
  const cached = path.join(cacheRoot, dir, digest);
  if (!existsSync(cached)) return false;
  rmSync(outDir, { recursive: true, force: true });
  linkTree(cached, outDir);
  return true;
}

/** Keep the part just written to `outDir` as the cached build of `dir` with `digest`. */
export function keepPart(cacheRoot: string, dir: string, digest: string, outDir: string): void {
  const partial = path.join(cacheRoot, `${dir}.partial-${process.pid}`);
  rmSync(partial, { recursive: true, force: true });
  linkTree(outDir, path.join(partial, digest));
  // Renamed into place whole: an interrupted build never leaves a half-written part to reuse.
  rmSync(path.join(cacheRoot, dir), { recursive: true, force: true });
  renameSync(partial, path.join(cacheRoot, dir));
}
