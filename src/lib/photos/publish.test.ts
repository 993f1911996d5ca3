/**
 * Publishing the copies a site links to: each is encoded once, by Astro's sharp service with
 * the site's encoder settings, then only linked; the cache can be pruned to what was published.
 */
import sharpService from 'astro/assets/services/sharp';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { IMAGE_ENCODER } from '../image-settings.ts';
import { PhotoCache } from './photo-cache.ts';
import { PHOTO_DIR, type PhotoTransform } from './photo.ts';
import { pictureCopies } from './picture.ts';
import { publishCopies, pruneCache, type EncodeCopy } from './publish.ts';

const repo = join(import.meta.dirname, '..', '..', '..');
const imageConfig = { service: { entrypoint: 'astro/assets/services/sharp', config: IMAGE_ENCODER } } as never;

let dir = '';
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function setUp() {
  dir = mkdtempSync(join(tmpdir(), 'zhuanban-publish-'));
  const photo = await new PhotoCache(undefined, repo).resolve('content/features/gouzhao/photo-4.jpg', './photo-4.jpg');
  const encoded: PhotoTransform[] = [];
  const encode: EncodeCopy = async (original, transform, src) => {
    encoded.push(transform);
    return (await sharpService.transform(original, { src, ...transform }, imageConfig, console)).data;
  };
  const copies = pictureCopies(photo, { formats: ['avif'], fallbackFormat: 'webp', widths: [360, 720], width: 720 });
  const names = [...copies.sources[0]!.srcset, ...copies.img.srcset].map((copy) => copy.name);
  const options = {
    names,
    originals: new Map([[photo.hash, join(repo, 'content/features/gouzhao/photo-4.jpg')]]),
    cacheDir: join(dir, 'cache'),
    siteDir: join(dir, 'site'),
    encode,
    concurrency: 2,
  };
  return { names, encoded, options };
}

describe('publishCopies', () => {
  it('encodes each copy once, as named, and links it into the site', async () => {
    const { names, encoded, options } = await setUp();
    expect(await publishCopies(options)).toMatchObject({ published: 4, encoded: 4 });
    const site = join(dir, 'site', PHOTO_DIR);
    expect(readdirSync(site).sort()).toEqual([...names].sort());
    for (const name of names) {
      const { width, format } = await sharp(join(site, name)).metadata();
      expect(`${width}.${format === 'heif' ? 'avif' : format}`).toBe(
        /-(\d+)x\d+-.*\.(\w+)$/.exec(name)!.slice(1).join('.'),
      );
      // A hard link: the site's file is the cache's.
      expect(statSync(join(site, name)).ino).toBe(statSync(join(dir, 'cache', name)).ino);
    }
    expect(encoded).toHaveLength(4);
  });

  it('takes every copy from the cache the next time, byte for byte', async () => {
    const { names, encoded, options } = await setUp();
    await publishCopies(options);
    const before = names.map((name) => readFileSync(join(dir, 'cache', name)));
    rmSync(join(dir, 'site'), { recursive: true });
    expect(await publishCopies(options)).toMatchObject({ published: 4, encoded: 0 });
    expect(encoded).toHaveLength(4);
    expect(names.map((name) => readFileSync(join(dir, 'site', PHOTO_DIR, name)))).toEqual(before);
  });

  it('stops with a message when no original has the content a copy is named for', async () => {
    const { options } = await setUp();
    await expect(publishCopies({ ...options, originals: new Map() })).rejects.toThrow(
      /no original photo has content hash/,
    );
  });
});

describe('pruneCache', () => {
  it('deletes cached copies the last build did not publish, and nothing else', async () => {
    const { names, options } = await setUp();
    await publishCopies(options);
    expect(await pruneCache(join(dir, 'cache'), new Set(names.slice(1)))).toBe(1);
    expect(readdirSync(join(dir, 'cache')).sort()).toEqual(names.slice(1).sort());
  });
});
