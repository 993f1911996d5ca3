/**
 * Remembers each feature's check results between builds, so a build re-checks only the
 * features whose folder changed: at 1,000 features, parsing every MDX file and reading every
 * photo's header took 5–6 s of every build (bench/README.md). A result is reused only when
 * the feature's index.mdx, the name, size and first 64 KB of every file in its folder, and
 * the source of the checks themselves are all unchanged; anything else re-checks it.
 *
 * Not modification times: a CI job checks out a fresh clone, where every file is new, and
 * would never reuse a result. The photo checks read only a file's size and its header, which
 * sits at the start of the file, so the first 64 KB tell a replaced photo from the same one.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from './diagnostic.ts';

/** What the collection-wide checks need of a feature, and its own findings. */
export interface CheckedFeature {
  file: string;
  slug: string;
  /** The frontmatter title, when it is a string. */
  title: string | undefined;
  /** The line of `title:`, for the duplicate-title message. */
  titleLine: number;
  diagnostics: Diagnostic[];
}

interface CacheFile {
  version: string;
  features: Record<string, { key: string; checked: CheckedFeature }>;
}

/**
 * The checks' own source (src/lib/check, and the contract and import code they use) and the
 * locked versions of the parsers they run (package-lock.json): a change to either re-checks everything.
 */
let version: string | undefined;

function codeVersion(): string {
  // The code cannot change while it runs: hash it once per process.
  if (version) return version;
  const hash = createHash('sha256');
  const lib = join(import.meta.dirname, '..');
  for (const dir of [import.meta.dirname, join(lib, 'content'), join(lib, 'import')]) {
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.ts') && !name.endsWith('.test.ts')) hash.update(name).update(readFileSync(join(dir, name)));
    }
  }
  hash.update(readFileSync(join(lib, 'feature-date.ts')));
  try {
    hash.update(readFileSync(join(import.meta.dirname, '..', '..', '..', 'package-lock.json')));
  } catch {
    // No lock file (a copied project): the source alone decides.
  }
  version = hash.digest('hex');
  return version;
}

const HEAD_BYTES = 64 * 1024;

/** A file's first 64 KB, where every image format keeps its dimensions. */
function head(path: string): Buffer {
  const buffer = Buffer.alloc(HEAD_BYTES);
  const fd = openSync(path, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

function fingerprintFolder(hash: ReturnType<typeof createHash>, folder: string, prefix = ''): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      fingerprintFolder(hash, path, `${prefix}${entry.name}/`);
    } else {
      hash.update(`\n${prefix}${entry.name}\0${statSync(path).size}\0`).update(head(path));
    }
  }
}

/** A fingerprint of everything a feature's own checks read: its file, how it is named in messages, and its folder. */
export function featureKey(file: string, folder: string, source: string | Uint8Array): string {
  const hash = createHash('sha256').update(file).update('\0').update(source).update('\0');
  fingerprintFolder(hash, folder);
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
  get(folder: string, key: string): CheckedFeature | undefined {
    const saved = this.previous[folder];
    if (saved?.key !== key) return undefined;
    this.next[folder] = saved;
    return saved.checked;
  }

  set(folder: string, key: string, checked: CheckedFeature): void {
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
