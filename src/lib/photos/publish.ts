/**
 * Puts the photo copies a built site links to into its asset folder: each copy is taken from
 * the cache of encoded copies when it is there (named by content hash and transform, so a
 * cached file is always the right one), encoded from its original otherwise, and hard-linked
 * (or copied, across file systems) into the site. Originals never enter the site.
 *
 * Encoding reads each original once for all its copies, a few originals at a time, so memory
 * follows the number of parallel encodes, not the archive.
 */
import { constants } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDerivativeName, PHOTO_DIR, type PhotoTransform } from './photo.ts';

/** Encodes one copy of an original: Astro's configured image service, in the build. */
export type EncodeCopy = (original: Uint8Array, transform: PhotoTransform, src: string) => Promise<Uint8Array>;

export interface EncodeOptions {
  /** Names of the copies wanted (photo.ts: derivativeName). */
  names: Iterable<string>;
  /** The original behind each content hash: an absolute path. */
  originals: ReadonlyMap<string, string>;
  /** Where encoded copies are kept between builds. */
  cacheDir: string;
  encode: EncodeCopy;
  /** Originals encoded at once. */
  concurrency: number;
}

export interface PublishOptions extends EncodeOptions {
  /** The built site: copies go to <siteDir>/_astro/. */
  siteDir: string;
}

export interface PublishResult {
  /** Copies now in the site. */
  published: number;
  /** Of those, copies encoded in this run. */
  encoded: number;
  /** Time spent encoding, summed over copies, in ms. */
  encodeMs: number;
}

const exists = async (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Hard link `from` at `to`, or copy it where a link cannot be made (another file system, Windows without rights). */
async function place(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    await copyFile(from, to, constants.COPYFILE_FICLONE);
  }
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** Encodes into the cache the copies among `names` it does not hold yet. */
export async function encodeMissing(options: EncodeOptions): Promise<Omit<PublishResult, 'published'>> {
  const { cacheDir, encode } = options;
  await mkdir(cacheDir, { recursive: true });
  // Copies still to encode, by the content hash of their original.
  const missing = new Map<string, { name: string; transform: PhotoTransform }[]>();
  const names = [...new Set(options.names)];
  for (const name of names) {
    if (await exists(join(cacheDir, name))) continue;
    const parsed = parseDerivativeName(name);
    if (!parsed)
      throw new Error(`照片：无法识别的副本名 ${name} / photos: ${name} is not a photo copy name of this build`);
    const list = missing.get(parsed.hash) ?? [];
    list.push({ name, transform: parsed.transform });
    missing.set(parsed.hash, list);
  }
  let encoded = 0;
  let encodeMs = 0;
  await pool([...missing], options.concurrency, async ([hash, copies]) => {
    const path = options.originals.get(hash);
    if (!path)
      throw new Error(`照片：找不到内容为 ${hash} 的原图 / photos: no original photo has content hash ${hash}`);
    const original = await readFile(path);
    for (const { name, transform } of copies) {
      const started = performance.now();
      const data = await encode(original, transform, path);
      encodeMs += performance.now() - started;
      // Written beside and renamed over: a cache entry is whole or absent.
      const temporary = join(cacheDir, `.${name}.${process.pid}.tmp`);
      await writeFile(temporary, data);
      await rename(temporary, join(cacheDir, name));
      encoded += 1;
    }
  });
  return { encoded, encodeMs };
}

/** Puts the copies `names` into the site, encoding those the cache does not hold. */
export async function publishCopies(options: PublishOptions): Promise<PublishResult> {
  const names = [...new Set(options.names)];
  const result = await encodeMissing({ ...options, names });
  const target = join(options.siteDir, PHOTO_DIR);
  await mkdir(target, { recursive: true });
  await pool(names, 16, (name) => place(join(options.cacheDir, name), join(target, name)));
  return { published: names.length, ...result };
}

/** Deletes cached copies not in `keep`: the cache then holds what the last build published. */
export async function pruneCache(cacheDir: string, keep: ReadonlySet<string>): Promise<number> {
  let removed = 0;
  for (const name of await readdir(cacheDir).catch(() => [])) {
    if (keep.has(name) || !parseDerivativeName(name)) continue;
    await rm(join(cacheDir, name), { force: true });
    removed += 1;
  }
  return removed;
}
