/**
 * What the build knows about each photo file, kept between builds in one JSON file beside
 * Astro's caches: its content hash (found again only when the file's size, time or inode
 * changed) and, per content hash, its size as shown and format (read once per content).
 * The features loader fills it; the photo step of the build (src/integrations/photos.ts) and
 * `astro dev` read it to find the file behind a copy's hash.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import sharp from 'sharp';
import { contentHash, type Photo } from './photo.ts';

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

const VERSION = 1;

/** The cache's file name inside Astro's cacheDir (node_modules/.astro/, kept between CI runs). */
export const PHOTO_CACHE_FILE = 'zhuanban-photos.json';

/** size:mtime:inode — what changes when a file is replaced or edited, cheap to read. */
export function statSignature(path: string): string {
  const stat = statSync(path, { bigint: true });
  return `${stat.size}:${stat.mtimeNs}:${stat.ino}`;
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
  #photos: Map<string, PhotoFacts>;
  #changed = false;
  #seen = new Set<string>();

  /** `file`: where the cache is kept (none: in memory only); `root`: what its paths are relative to. */
  constructor(file: string | undefined, root: string) {
    this.file = file;
    this.root = root;
    const data = readCache(file);
    this.#files = new Map(Object.entries(data?.files ?? {}));
    this.#photos = new Map(Object.entries(data?.photos ?? {}));
  }

  #key(path: string): string {
    return (isAbsolute(path) ? relative(this.root, path) : path).split('\\').join('/');
  }

  /**
   * The photo at `path` (absolute, or relative to the root), as `src` names it. Reads the file
   * only when its stat signature changed since the hash was taken, and decodes its header only
   * for a content hash not seen before. Throws when the file is missing or not an image.
   */
  async resolve(path: string, src: string, signature = statSignature(path)): Promise<Photo> {
    const key = this.#key(path);
    this.#seen.add(key);
    let record = this.#files.get(key);
    let facts = record && this.#photos.get(record.hash);
    if (record?.stat !== signature || !facts) {
      const bytes = await readFile(isAbsolute(path) ? path : join(this.root, path));
      record = { stat: signature, hash: contentHash(bytes) };
      this.#files.set(key, record);
      this.#changed = true;
      facts = this.#photos.get(record.hash);
      if (!facts) {
        const { autoOrient, format } = await sharp(bytes).metadata();
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
