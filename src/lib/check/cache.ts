/**
 * Remembers each feature's check results between builds, so a build re-checks only the
 * features whose folder changed: at 1,000 features, parsing every MDX file and reading every
 * photo took 5–6 s of every build (bench/README.md). A result is reused only when the
 * feature's index.mdx, the name and content of every file in its folder, and the code of the
 * checks themselves are all unchanged; anything else re-checks it.
 *
 * A file's content is its content hash, the whole file's (photo-cache.ts): git's blob id where
 * git knows it, as in a CI job's fresh clone, where every modification time is new; read once
 * otherwise and known again by its size, time and inode. Never part of a file: a photo cut
 * short keeps its header, and must not pass as the whole photo it replaced.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../content/diagnostic.ts';
import type { FeatureSummary } from '../content/rules/collection.ts';
import type { FeatureFolder } from '../features/source.ts';
import type { PhotoCache } from '../photos/photo-cache.ts';

/** A feature as checked: what the rules across features need of it, and its own findings. */
export interface CachedFeature {
  summary: FeatureSummary;
  diagnostics: Diagnostic[];
}

interface CacheFile {
  version: string;
  features: Record<string, { key: string; checked: CachedFeature }>;
}

/** The code a check's result depends on: the contract and its rules, the reader and compiler, photo facts. */
const CODE_DIRS = ['check', 'content', 'features', 'markdown', 'photos'];
const CODE_FILES = ['feature-date.ts', 'pagination.ts', 'chinese-numerals.ts', 'image-settings.ts', '../i18n/zh-CN.ts'];

/**
 * The checks' own code (CODE_DIRS, CODE_FILES under src/lib) and the locked versions of the
 * parsers they run (package-lock.json): a change to either re-checks everything.
 */
let version: string | undefined;

function codeVersion(): string {
  // The code cannot change while it runs: hash it once per process.
  if (version) return version;
  const hash = createHash('sha256');
  const lib = join(import.meta.dirname, '..');
  for (const dir of CODE_DIRS) {
    const names = readdirSync(join(lib, dir), { recursive: true, encoding: 'utf8' }).sort();
    for (const name of names) {
      if (name.endsWith('.ts') && !name.endsWith('.test.ts'))
        hash.update(`${dir}/${name}`).update(readFileSync(join(lib, dir, name)));
    }
  }
  for (const file of CODE_FILES) hash.update(file).update(readFileSync(join(lib, file)));
  try {
    hash.update(readFileSync(join(import.meta.dirname, '..', '..', '..', 'package-lock.json')));
  } catch {
    // No lock file (a copied project): the source alone decides.
  }
  version = hash.digest('hex');
  return version;
}

/**
 * A fingerprint of everything a feature's own checks read: its file, how it is named in
 * messages, and the name and content hash of every file in its folder.
 */
export function featureKey(
  folder: FeatureFolder,
  photos: PhotoCache,
  knownHashes: ReadonlyMap<string, string>,
): string {
  const hash = createHash('sha256').update(folder.file).update('\0').update(folder.bytes).update('\0');
  for (const name of folder.files) {
    if (name === 'index.mdx') continue;
    const path = join(folder.folder, name);
    const content = statSync(path).isDirectory() ? 'folder' : photos.hash(path, undefined, knownHashes.get(path));
    hash.update(`\n${name}\0${content}`);
  }
  return hash.digest('hex');
}

export class CheckCache {
  private readonly path: string | undefined;
  private readonly version: string;
  private readonly previous: CacheFile['features'] = {};
  private readonly next: CacheFile['features'] = {};

  /** `context`: anything else every feature's results depend on (the districts and topics). */
  constructor(path: string | undefined, context = '') {
    this.path = path;
    this.version = createHash('sha256').update(codeVersion()).update('\0').update(context).digest('hex');
    if (!path) return;
    try {
      const saved = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (saved.version === this.version) this.previous = saved.features;
    } catch {
      // No cache yet, or an unreadable one: check everything.
    }
  }

  /** The results saved for this folder under this key, if any. */
  get(folder: string, key: string): CachedFeature | undefined {
    const saved = this.previous[folder];
    if (saved?.key !== key) return undefined;
    this.next[folder] = saved;
    return saved.checked;
  }

  set(folder: string, key: string, checked: CachedFeature): void {
    this.next[folder] = { key, checked };
  }

  /**
   * Writes the results of this run (only features that still exist), replacing the file in one
   * step. A cache that cannot be written (a read-only folder) only costs the next run its speed.
   */
  save(): void {
    if (!this.path) return;
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileSync(temporary, JSON.stringify({ version: this.version, features: this.next } satisfies CacheFile));
      renameSync(temporary, this.path);
    } catch {
      // Checked afresh next time.
    }
  }
}
