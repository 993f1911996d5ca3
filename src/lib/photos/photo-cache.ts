/**
 * What the build knows about each photo file, kept between builds in one JSON file beside
 * Astro's caches: its content hash and, per content hash, its size as shown and format (read
 * once per content). The features loader fills it; the photo step of the build
 * (src/integrations/photos.ts) and `astro dev` read it to find the file behind a copy's hash.
 *
 * The hash is found without reading the photo wherever possible: git knows the blob id of
 * every committed, unmodified file (gitBlobIds), which is what a CI job's fresh clone holds —
 * where sizes are the same but every modification time and inode is new. Elsewhere (an
 * edited or new photo, a folder outside git) the file is read once, and then found again by
 * its stat signature until its size, time or inode change.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, isAbsolute, join, relative } from 'node:path';
import sharp from 'sharp';
import { CONTENT_HASH_LENGTH, type Photo } from './photo.ts';

interface FileRecord {
  /** statSignature() when the hash was taken. */
  stat: string;
  hash: string;
}

type PhotoFacts = Omit<Photo, 'src' | 'hash'>;

interface CacheFile {
  version: number;
  /** By path relative to the project root. */
  files: Record<string, FileRecord>;
  /** By content hash. */
  photos: Record<string, PhotoFacts>;
}

const VERSION = 3;

/** The cache's file name inside Astro's cacheDir (node_modules/.astro/, kept between CI runs). */
export const PHOTO_CACHE_FILE = 'zhuanban-photos.json';

/** device:inode:size:mtime — what changes when a file is replaced or edited, cheap to read. */
export function statSignature(path: string): string {
  const stat = statSync(path, { bigint: true });
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
}

/** One buffer the hashing reads through, so hashing gigabytes of photos allocates nothing. */
const chunk = Buffer.allocUnsafe(1 << 20);

/** The content hash of the file at `path` (photo.ts: contentHash), read a megabyte at a time. */
export function hashFile(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const hash = createHash('sha1').update(`blob ${fstatSync(fd).size}\0`);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
    return hash.digest('hex').slice(0, CONTENT_HASH_LENGTH);
  } finally {
    closeSync(fd);
  }
}

/**
 * The content hash (photo.ts) of every file under `dir` that git has committed and the working
 * tree has not changed, by absolute path; empty outside a git work tree or without git.
 * `git diff-files` refreshes nothing and trusts the index's stat data, re-reading a file only
 * when that data is not conclusive, as `git status` does.
 */
export function gitBlobIds(dir: string): Map<string, string> {
  const git = (...args: string[]) => spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const staged = git('ls-files', '--stage', '-z', '--', '.');
  const changed = git('diff-files', '--name-only', '--relative', '-z', '--', '.');
  const ids = new Map<string, string>();
  if (staged.status !== 0 || changed.status !== 0) return ids;
  const modified = new Set(changed.stdout.split('\0'));
  for (const record of staged.stdout.split('\0')) {
    // "<mode> <object> <stage>\t<path>", the path relative to `dir`.
    const match = /^\d+ ([0-9a-f]{40}) 0\t(.+)$/s.exec(record);
    if (match && !modified.has(match[2]!)) ids.set(join(dir, match[2]!), match[1]!.slice(0, CONTENT_HASH_LENGTH));
  }
  return ids;
}

function readCache(file: string | undefined): CacheFile | undefined {
  if (!file) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    return data.version === VERSION ? data : undefined;
  } catch {
    return undefined; // no cache yet, or an unreadable one: start empty
  }
}

export class PhotoCache {
  readonly file: string | undefined;
  readonly root: string;
  #files: Map<string, FileRecord>;
  /** Content hash by stat signature: the same file seen under another path. */
  #bySignature: Map<string, string>;
  #photos: Map<string, PhotoFacts>;
  #changed = false;
  #seen = new Set<string>();

  /** `file`: where the cache is kept (none: in memory only); `root`: what its paths are relative to. */
  constructor(file: string | undefined, root: string) {
    this.file = file;
    this.root = root;
    const data = readCache(file);
    this.#files = new Map(Object.entries(data?.files ?? {}));
    this.#bySignature = new Map([...this.#files.values()].map((record) => [record.stat, record.hash]));
    this.#photos = new Map(Object.entries(data?.photos ?? {}));
  }

  #key(path: string): string {
    return (isAbsolute(path) ? relative(this.root, path) : path).split('\\').join('/');
  }

  /**
   * The photo at `path` (absolute, or relative to the root), as `src` names it. Reads the file
   * only when neither git (`knownHash`) nor its stat signature since the last read tell its
   * hash, and decodes its header only for a content hash not seen before. Throws when the
   * file is missing or not an image.
   */
  async resolve(path: string, src: string, signature = statSignature(path), knownHash?: string): Promise<Photo> {
    const key = this.#key(path);
    this.#seen.add(key);
    let record = this.#files.get(key);
    let facts = record && this.#photos.get(record.hash);
    if (record?.stat !== signature || (knownHash && record.hash !== knownHash) || !facts) {
      const file = isAbsolute(path) ? path : join(this.root, path);
      record = { stat: signature, hash: knownHash ?? this.#bySignature.get(signature) ?? hashFile(file) };
      this.#files.set(key, record);
      this.#bySignature.set(signature, record.hash);
      this.#changed = true;
      facts = this.#photos.get(record.hash);
      if (!facts) {
        // From the file: sharp reads the header, not the whole photo.
        const { autoOrient, format } = await sharp(file).metadata();
        facts = { width: autoOrient.width, height: autoOrient.height, format };
        this.#photos.set(record.hash, facts);
      }
    }
    return { src, hash: record.hash, ...facts };
  }

  /** Notes that `path` is still in use, without reading it (its feature did not change). */
  keep(path: string): void {
    this.#seen.add(this.#key(path));
  }

  /** Every content hash → one file holding it (relative to the root). */
  filesByHash(): Map<string, string> {
    const byHash = new Map<string, string>();
    for (const [path, record] of this.#files) if (!byHash.has(record.hash)) byHash.set(record.hash, path);
    return byHash;
  }

  /**
   * Writes the cache, forgetting (with `prune`) files neither resolved nor kept since it was
   * loaded, and photos no remaining file holds.
   */
  save({ prune = false } = {}): void {
    if (prune) {
      for (const key of this.#files.keys()) {
        if (this.#seen.has(key)) continue;
        this.#files.delete(key);
        this.#changed = true;
      }
      const held = new Set([...this.#files.values()].map((record) => record.hash));
      for (const hash of this.#photos.keys()) {
        if (held.has(hash)) continue;
        this.#photos.delete(hash);
        this.#changed = true;
      }
    }
    if (!this.file || !this.#changed) return;
    const data: CacheFile = {
      version: VERSION,
      files: Object.fromEntries(this.#files),
      photos: Object.fromEntries(this.#photos),
    };
    mkdirSync(dirname(this.file), { recursive: true });
    // Written beside and renamed over, so a reader never sees half a file.
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(data));
    renameSync(temporary, this.file);
    this.#changed = false;
  }
}
