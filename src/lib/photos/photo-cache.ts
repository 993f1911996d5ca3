/**
 * What the build knows about each photo file, kept between builds in one JSON file beside
 * Astro's caches: its content hash and, per content hash, what the file holds — its size in
 * bytes, and whether it is an image, of what size as shown and format, and whether it decodes
 * to its last pixel (read once per content). The check and the features loader fill it; the
 * photo step of the build (src/integrations/photos.ts) and `astro dev` read it to find the file
 * behind a copy's hash.
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
import { MAX_COMMIT_BYTES, type PhotoFacts } from '../content/photos.ts';
import { CONTENT_HASH_LENGTH, type Photo } from './photo.ts';

interface FileRecord {
  /** statSignature() when the hash was taken. */
  stat: string;
  hash: string;
}

/** What a content holds: its bytes, and the image they are (none: not an image, or never opened). */
interface ContentFacts {
  bytes: number;
  image?: { width: number; height: number; format: string; intact: boolean };
}

interface CacheFile {
  version: number;
  /** By path relative to the project root. */
  files: Record<string, FileRecord>;
  /** By content hash. */
  photos: Record<string, ContentFacts>;
}

const VERSION = 4;

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

/**
 * What the file at `path` holds, read in full: a file cut short or damaged reads as an image
 * (its header is whole) that is not intact. A file over MAX_COMMIT_BYTES is not opened.
 */
async function readFacts(path: string, bytes: number): Promise<ContentFacts> {
  if (bytes > MAX_COMMIT_BYTES) return { bytes };
  let header: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    header = await sharp(path).metadata();
  } catch {
    return { bytes };
  }
  // As shown: a phone's portrait photo is stored landscape with an EXIF "rotate 90°".
  const { width, height } = header.autoOrient;
  let intact = true;
  try {
    // Every pixel decoded (sharp fails on the decoder's warnings): what the photo step will encode.
    await sharp(path).raw().toBuffer();
  } catch {
    intact = false;
  }
  return { bytes, image: { width, height, format: header.format, intact } };
}

export class PhotoCache {
  readonly file: string | undefined;
  readonly root: string;
  #files: Map<string, FileRecord>;
  /** Content hash by stat signature: the same file seen under another path. */
  #bySignature: Map<string, string>;
  #photos: Map<string, ContentFacts>;
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
   * The content hash of the file at `path` (absolute, or relative to the root). Reads the file
   * only when neither git (`knownHash`) nor its stat signature since the last read tell it.
   */
  hash(path: string, signature = statSignature(path), knownHash?: string): string {
    const key = this.#key(path);
    this.#seen.add(key);
    let record = this.#files.get(key);
    if (record?.stat !== signature || (knownHash && record.hash !== knownHash)) {
      const file = isAbsolute(path) ? path : join(this.root, path);
      record = { stat: signature, hash: knownHash ?? this.#bySignature.get(signature) ?? hashFile(file) };
      this.#files.set(key, record);
      this.#bySignature.set(signature, record.hash);
      this.#changed = true;
    }
    return record.hash;
  }

  async #facts(path: string, signature: string, knownHash: string | undefined) {
    const hash = this.hash(path, signature, knownHash);
    let facts = this.#photos.get(hash);
    if (!facts) {
      const file = isAbsolute(path) ? path : join(this.root, path);
      facts = await readFacts(file, statSync(file).size);
      this.#photos.set(hash, facts);
      this.#changed = true;
    }
    return { hash, facts };
  }

  /** What the contract needs to know of the file at `path`: decoded in full once per content. */
  async inspect(path: string, signature = statSignature(path), knownHash?: string): Promise<PhotoFacts> {
    const { facts } = await this.#facts(path, signature, knownHash);
    return { bytes: facts.bytes, image: facts.image && { ...facts.image } };
  }

  /**
   * The photo at `path` (absolute, or relative to the root), as `src` names it. Throws when the
   * file is missing or not an image (the content rules have said so before it gets here).
   */
  async resolve(path: string, src: string, signature = statSignature(path), knownHash?: string): Promise<Photo> {
    const { hash, facts } = await this.#facts(path, signature, knownHash);
    if (!facts.image) throw new Error(`${path} is not an image`);
    const { width, height, format } = facts.image;
    return { src, hash, width, height, format };
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
