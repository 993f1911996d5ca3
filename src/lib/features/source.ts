/**
 * Features on disk: the one place that finds the feature folders, reads a feature's files and
 * the district and topic lists, and learns what its photos hold (src/lib/photos), then hands
 * everything to feature.ts, which reads and checks it. `npm run check` (src/lib/check), the
 * features loader (loader.ts) and the build's verification (src/integrations/verify-build.ts)
 * take their features from here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PhotoFacts } from '../content/photos.ts';
import type { FeatureText, RuleContext } from '../content/rules/feature.ts';
import { usedPhotoFiles } from '../content/rules/photos.ts';
import { parseTaxonomy } from '../content/taxonomy.ts';
import type { PhotoCache } from '../photos/photo-cache.ts';
import { checkFeature, readFeatureText, type CheckedFeature } from './feature.ts';

/** A path as messages show it: relative to the project, with forward slashes. */
const shown = (path: string, cwd: string) => (relative(cwd, path) || path).split('\\').join('/');

/** The folder names under `featuresDir` that hold a feature: an index.mdx inside, not a dot-folder (the importer's). */
export function featureFolders(featuresDir: string): string[] {
  if (!existsSync(featuresDir)) return [];
  return readdirSync(featuresDir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && !entry.name.startsWith('.') && existsSync(join(featuresDir, entry.name, 'index.mdx')),
    )
    .map((entry) => entry.name)
    .sort();
}

/** content/districts.yaml and content/topics.yaml, beside the features folder in `contentDir`. */
export function readTaxonomy(contentDir: string, cwd = process.cwd()) {
  const list = (name: 'districts.yaml' | 'topics.yaml') => {
    const path = join(contentDir, name);
    return { file: shown(path, cwd), bytes: existsSync(path) ? readFileSync(path) : undefined };
  };
  return parseTaxonomy({ 'districts.yaml': list('districts.yaml'), 'topics.yaml': list('topics.yaml') });
}

/** One feature folder's files as they are now. */
export interface FeatureFolder {
  slug: string;
  /** Its absolute path. */
  folder: string;
  /** index.mdx as messages name it. */
  file: string;
  bytes: Uint8Array;
  /** Every file name in the folder. */
  files: string[];
}

export function readFolder(featuresDir: string, slug: string, cwd = process.cwd()): FeatureFolder {
  const folder = join(featuresDir, slug);
  const path = join(folder, 'index.mdx');
  return { slug, folder, file: shown(path, cwd), bytes: readFileSync(path), files: readdirSync(folder).sort() };
}

export interface CheckOptions extends Omit<RuleContext, 'files' | 'photos'> {
  /** Where photo facts are kept (and found again by content hash). */
  photos: PhotoCache;
  /** Content hashes git knows, by absolute path (photo-cache.ts: gitBlobIds). */
  knownHashes?: ReadonlyMap<string, string> | undefined;
}

/** A feature folder read and checked: every rule, with what its photos hold decoded in full. */
export async function checkFolder(folder: FeatureFolder, options: CheckOptions): Promise<CheckedFeature> {
  const text = readFeatureText({ file: folder.file, slug: folder.slug, contents: folder.bytes });
  const photos = new Map<string, PhotoFacts>();
  for (const name of usedPhotoFiles(text, folder.files)) {
    const path = join(folder.folder, name);
    photos.set(name, await options.photos.inspect(path, undefined, options.knownHashes?.get(path)));
  }
  const { photos: _cache, knownHashes: _hashes, ...context } = options;
  return checkFeature(text, { ...context, files: folder.files, photos });
}

/** Every feature's text under `featuresDir`; `body: false` reads only the frontmatter (the draft flag, the date). */
export function readFeatures(featuresDir: string, cwd = process.cwd(), { body = true } = {}): FeatureText[] {
  return featureFolders(featuresDir).map((slug) => {
    const { file, bytes } = readFolder(featuresDir, slug, cwd);
    return readFeatureText({ file, slug, contents: bytes }, { body });
  });
}
