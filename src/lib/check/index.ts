/**
 * `npm run check`, the content-check integration (at the start of every build) and the tests
 * all run this: every feature under content/features, and the districts and topics they point
 * to, checked in one run — each feature through the one reader and rule set
 * (src/lib/features/source.ts, src/lib/content/rules), then the rules across features — each
 * finding at its file and line, sorted. A feature whose files did not change since the last
 * run is not read again (cache.ts).
 */
import { dirname, join } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../content/diagnostic.ts';
import { checkCollection } from '../content/rules/collection.ts';
import { checkFolder, featureFolders, readFolder, readTaxonomy } from '../features/source.ts';
import { gitBlobIds, PHOTO_CACHE_FILE, PhotoCache } from '../photos/photo-cache.ts';
import { CheckCache, featureKey, type CachedFeature } from './cache.ts';

export interface CheckOptions {
  /** A file to keep results in between runs (cache.ts); without it every feature is checked. */
  cacheFile?: string | undefined;
  /**
   * Where photo facts are kept (photo-cache.ts): each content hashed and decoded once. By default
   * the features loader's own file beside `cacheFile` (both live in Astro's cacheDir in a build).
   */
  photoCacheFile?: string | undefined;
  /** The path the site is published under (Astro's base): links written with it are reported. */
  base?: string | undefined;
}

export async function checkContent(
  featuresDir: string,
  cwd = process.cwd(),
  {
    cacheFile,
    photoCacheFile = cacheFile && join(dirname(cacheFile), PHOTO_CACHE_FILE),
    base = '/',
  }: CheckOptions = {},
): Promise<Diagnostic[]> {
  // districts.yaml and topics.yaml sit beside the features folder (content/).
  const { taxonomy, diagnostics: taxonomyDiagnostics } = readTaxonomy(dirname(featuresDir), cwd);
  // Whether a feature's district and tags are valid depends on the lists: a change to them re-checks every feature.
  const cache = new CheckCache(cacheFile, JSON.stringify({ taxonomy, base }));
  const photos = new PhotoCache(photoCacheFile, cwd);
  const knownHashes = gitBlobIds(featuresDir);
  const checked: CachedFeature[] = [];
  for (const slug of featureFolders(featuresDir)) {
    const folder = readFolder(featuresDir, slug, cwd);
    const key = featureKey(folder, photos, knownHashes);
    const saved = cache.get(folder.folder, key);
    if (saved) {
      checked.push(saved);
      continue;
    }
    const { diagnostics, summary } = await checkFolder(folder, { taxonomy, base, photos, knownHashes });
    const result: CachedFeature = { summary, diagnostics };
    cache.set(folder.folder, key, result);
    checked.push(result);
  }
  cache.save();
  photos.save();
  return sortDiagnostics([
    ...taxonomyDiagnostics,
    ...checkCollection(
      checked.map((feature) => feature.summary),
      taxonomy,
      base,
    ),
    ...checked.flatMap((feature) => feature.diagnostics),
  ]);
}
