/**
 * Fill a `--photos distinct` corpus's photo cache as a previous build would have left it, in
 * minutes instead of hours.
 *
 *   node bench/warm-photos.ts <corpus-dir>
 *
 * A distinct photo is a pool photo with a tag after its image data (bench/generate.ts:
 * distinctCopy): the same pixels, so every copy of it is byte for byte the pool photo's copy.
 * This encodes each pool photo's copies once — the widths and formats Figure, its lightbox,
 * the cards, the share image and the search thumbnails use — and links them into
 * <corpus>/.cache/astro/zhuanban-photos/ under each distinct photo's own content hash. A build
 * then finds them in its cache as it would after a first build, so a 5,000-feature distinct
 * corpus (17,200 photos, ~190,000 copies) can be rebuilt and measured without encoding for
 * hours; copies this list misses are encoded by the build itself (its log says how many).
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharpService from 'astro/assets/services/sharp';
import { FALLBACK_WIDTH, IMAGE_ENCODER, IMAGE_WIDTHS, pictureFormats } from '../src/lib/image-settings.ts';
import { PhotoCache, hashFile } from '../src/lib/photos/photo-cache.ts';
import { contentHash, type Photo } from '../src/lib/photos/photo.ts';
import { photoCopy, pictureCopies, type Copy } from '../src/lib/photos/picture.ts';
import { encodeMissing } from '../src/lib/photos/publish.ts';

const TAG = Buffer.from('zhuanban-bench ');

/** Every copy the site makes of a photo, whatever its role (see the components that show photos). */
function allCopies(photo: Photo): Copy[] {
  const picture = (widths: readonly number[], width: number) => {
    const copies = pictureCopies(photo, { ...pictureFormats(), widths, width });
    return [...copies.sources.flatMap((source) => source.srcset), ...copies.img.srcset, copies.img.src];
  };
  return [
    ...picture(IMAGE_WIDTHS, FALLBACK_WIDTH), // Figure, the cover, the home lead
    ...picture([1080, 1600], 1080), // the lightbox
    ...picture(IMAGE_WIDTHS.slice(0, 2), FALLBACK_WIDTH), // cards
    photoCopy(photo, { width: 1200, format: 'jpeg', quality: 80 }), // SeoHead
    photoCopy(photo, { width: 192, height: 144, fit: 'cover', format: 'webp' }), // SearchIndexFields
    photoCopy(photo, { width: 192, height: 144, fit: 'cover', format: 'avif', quality: 45 }),
  ];
}

const corpus = resolve(process.argv[2] ?? '');
const features = join(corpus, 'content', 'features');
if (!existsSync(features)) {
  console.error('usage: node bench/warm-photos.ts <corpus-dir>');
  process.exit(2);
}
const cacheDir = join(corpus, '.cache', 'astro', 'zhuanban-photos');
const imageConfig = { service: { entrypoint: 'astro/assets/services/sharp', config: IMAGE_ENCODER } } as never;
const started = performance.now();

// Pool photo (by content hash) → its copies, encoded once.
const pool = new Map<string, Copy[]>();
const facts = new PhotoCache(undefined, corpus);
let linked = 0;
for (const slug of readdirSync(features).sort()) {
  for (const name of readdirSync(join(features, slug)).filter((file) => file.endsWith('.jpg'))) {
    const path = join(features, slug, name);
    const bytes = readFileSync(path);
    const at = bytes.lastIndexOf(TAG);
    if (at < 0) continue; // not a distinct copy: the build encodes it
    const original = bytes.subarray(0, at);
    const poolHash = contentHash(original);
    let copies = pool.get(poolHash);
    if (!copies) {
      const photo = { ...(await facts.resolve(path, `./${name}`)), hash: poolHash };
      copies = allCopies(photo);
      pool.set(poolHash, copies);
      // The pool photo itself, for the encoder to read.
      const scratch = join(cacheDir, '.pool');
      mkdirSync(scratch, { recursive: true });
      writeFileSync(join(scratch, `${poolHash}.jpg`), original);
      await encodeMissing({
        names: copies.map((copy) => copy.name),
        originals: new Map([[poolHash, join(scratch, `${poolHash}.jpg`)]]),
        cacheDir,
        encode: async (input, transform, src) =>
          (await sharpService.transform(input, { src, ...transform }, imageConfig, console)).data,
        concurrency: 2,
      });
    }
    const hash = hashFile(path);
    for (const copy of copies) {
      const target = join(cacheDir, copy.name.replace(poolHash, hash));
      if (existsSync(target)) continue;
      linkSync(join(cacheDir, copy.name), target);
      linked += 1;
    }
  }
}
console.log(
  `${pool.size} pool photos encoded, ${linked} copies linked for distinct photos in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
