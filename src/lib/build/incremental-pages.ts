/**
 * What Astro's incremental build (experimental.incrementalBuild) knows about each page it
 * wrote, so that the build's later steps can tell an unchanged page without reading it back.
 *
 * Astro restores a page from its cache, byte for byte, when all of these are what they were
 * when it rendered it: the config and the lockfile (their hashes), the code of the page's
 * route and everything it imports (the route's dependency hash), the page's cacheKey (for
 * feature pages the features loader's digest of the MDX and photos, its neighbours', its
 * district's and topics': src/lib/features/page-key.ts) and the content entries it rendered.
 * The same values give the same page: a page's signature here is a digest of them all, read
 * from the manifest Astro writes into its cacheDir before `astro:build:done`. A page without a
 * cacheKey has no signature and is read; so is every page when the manifest is missing or of
 * another version.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Astro's manifest (astro/dist/core/build/incremental.js), version 1. */
interface IncrementalManifest {
  version: number;
  configHash: string;
  lockfileHash: string;
  routes: Record<
    string,
    {
      dependencyHash: string;
      paths: Record<string, { cacheKey: string; outputFile: string; contentHashes?: Record<string, string> }>;
    }
  >;
}

const INCREMENTAL_MANIFEST = 'incremental-build.json';
const MANIFEST_VERSION = 1;

function readManifest(cacheDir: string): IncrementalManifest | undefined {
  try {
    return JSON.parse(readFileSync(path.join(cacheDir, INCREMENTAL_MANIFEST), 'utf8')) as IncrementalManifest;
  } catch {
    return undefined;
  }
}

/** The built files Astro may restore from its cache in the next build: those of pages with a cacheKey. */
export function restorableFiles(cacheDir: string): string[] {
  return Object.values(readManifest(cacheDir)?.routes ?? {}).flatMap((route) =>
    Object.values(route.paths).map((entry) => entry.outputFile),
  );
}

/**
 * Built file (relative to the output folder, forward slashes) → signature of what it holds,
 * for every page Astro keyed in this build (and so may restore in the next); empty when
 * Astro's manifest cannot be read.
 */
export function pageSignatures(cacheDir: string): Map<string, string> {
  const signatures = new Map<string, string>();
  const manifest = readManifest(cacheDir);
  // Another version may mean other fields: then no signature, and every page is read.
  if (manifest?.version !== MANIFEST_VERSION || typeof manifest.routes !== 'object') return signatures;
  // Not the server-island key, which is new in every build unless ASTRO_KEY is set: Astro
  // compares it only for pages with server islands, and their islands' ciphertext is no text
  // a reader sees.
  const build = `${manifest.configHash}\0${manifest.lockfileHash}`;
  for (const [route, { dependencyHash, paths }] of Object.entries(manifest.routes)) {
    for (const [pathname, entry] of Object.entries(paths)) {
      const hash = createHash('sha256').update(
        `${build}\0${route}\0${dependencyHash}\0${pathname}\0${entry.cacheKey}\0${JSON.stringify(entry.contentHashes ?? {})}`,
      );
      signatures.set(entry.outputFile.split(path.sep).join('/'), hash.digest('hex').slice(0, 32));
    }
  }
  return signatures;
}
