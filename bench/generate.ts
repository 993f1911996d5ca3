/**
 * Generate a benchmark corpus: N synthetic features as a project the real site builds.
 *
 *   node bench/generate.ts --features 1000 [--photos shared|distinct|unique] [--fit] [--pool 30]
 *                          [--out bench/.work/corpus-1000-shared] [--add 1]
 *
 * --photos shared   every figure is one of --pool photos, hard-linked beside index.mdx as
 *                   editors would place it (the case where the image cache does the most good);
 * --photos distinct every figure is a copy of a pool photo with a few bytes of its own after
 *                   the image data: the same pixels (so encoding costs as much as with the
 *                   pool), but distinct files, as Astro's bundling sees a real archive
 *                   (bench/README.md, "Distinct photos"); made in seconds;
 * --photos unique   every figure is its own camera-sized picture beside index.mdx, as when
 *                   editors upload new photos for each story (slow: one synthesis per photo).
 * --fit             pool photos as `npm run check -- --fix` leaves them (2,400 px on the long
 *                   side) instead of 12 MP camera originals.
 * --add K           append K more features to an existing corpus (the "one new story" rebuild).
 *
 * The corpus is a project root holding only content/ and a three-line astro.config.mjs that
 * re-exports the real config with `srcDir`/`publicDir` pointing back at this repository, so
 * the benchmark always builds today's site code without copying it (bench/lib/site-project.ts).
 * Its caches live in <corpus>/.cache/ (Astro's cacheDir), never in the main project's node_modules/.astro.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadSeedPool, syntheticFeature, syntheticSlug } from './lib/corpus.ts';
import { fitPhoto } from '../src/lib/check/fit-photos.ts';
import { STORED_LONG_EDGE } from '../src/lib/content/photos.ts';
import { CAMERA_SIZE, derivedPhoto, poolPhoto } from './lib/photos.ts';
import { scaffoldSiteProject } from './lib/site-project.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WORK_DIR = join(PROJECT_ROOT, 'bench/.work');

export type PhotoMode = 'shared' | 'distinct' | 'unique';
const PHOTO_MODES: readonly string[] = ['shared', 'distinct', 'unique'] satisfies PhotoMode[];
const isPhotoMode = (value: string): value is PhotoMode => PHOTO_MODES.includes(value);

/**
 * A pool photo made a distinct file: JPEG decoders stop at the end-of-image marker, so bytes
 * after it change the file's content hash and nothing else.
 */
export function distinctCopy(jpeg: Buffer, tag: string): Buffer {
  return Buffer.concat([jpeg, Buffer.from(`zhuanban-bench ${tag}`)]);
}

export interface CorpusOptions {
  features: number;
  photos: PhotoMode;
  pool: number;
  /** Pool photos shrunk as `npm run check -- --fix` shrinks an editor's photos. */
  fit?: boolean;
  out: string;
}

/** Pool photos are slow to synthesise, so they are made once and reused by every corpus. */
async function ensurePool(count: number, fit = false): Promise<string[]> {
  const camera = join(WORK_DIR, `photo-pool-${CAMERA_SIZE.width}x${CAMERA_SIZE.height}`);
  const fitted = join(WORK_DIR, `photo-pool-fit-${STORED_LONG_EDGE}`);
  mkdirSync(camera, { recursive: true });
  if (fit) mkdirSync(fitted, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `pool-${String(i).padStart(3, '0')}.jpg`;
    const file = join(camera, name);
    if (!existsSync(file)) await writeFile(file, await poolPhoto(i));
    if (!fit) {
      files.push(file);
      continue;
    }
    const small = join(fitted, name);
    if (!existsSync(small)) {
      copyFileSync(file, small);
      await fitPhoto(small);
    }
    files.push(small);
  }
  return files;
}

/** What the corpus was generated with, so `bench/build.ts --scenario add-one` adds a like feature. */
export function readCorpusOptions(out: string): CorpusOptions {
  return { ...(JSON.parse(readFileSync(join(out, 'bench-corpus.json'), 'utf8')) as Omit<CorpusOptions, 'out'>), out };
}

function scaffold(options: CorpusOptions): void {
  const { out } = options;
  scaffoldSiteProject(out, { name: 'zhuanban-bench-corpus', generatedBy: 'bench/generate.ts' });
  writeFileSync(
    join(out, 'bench-corpus.json'),
    `${JSON.stringify({ features: options.features, photos: options.photos, pool: options.pool, fit: options.fit ?? false })}\n`,
  );
}

/** Write features [from, to) into the corpus. */
export async function writeFeatures(options: CorpusOptions, from: number, to: number): Promise<void> {
  const pool = loadSeedPool(PROJECT_ROOT);
  const poolFiles = await ensurePool(options.pool, options.fit);
  for (let index = from; index < to; index++) {
    const feature = syntheticFeature(pool, index, { photoPath: (_, k) => `./photo-${k + 1}.jpg` });
    const dir = join(options.out, 'content/features', feature.slug);
    mkdirSync(dir, { recursive: true });
    await writeFile(join(dir, 'index.mdx'), feature.mdx);
    for (const [k, photo] of feature.photos.entries()) {
      const target = join(dir, photo.src);
      if (existsSync(target)) continue;
      const poolFile = poolFiles[(index * 7 + k * 13) % poolFiles.length]!;
      // Shared: the same bytes under many names (Astro hashes content, so they encode once).
      if (options.photos === 'shared') linkSync(poolFile, target);
      else if (options.photos === 'distinct')
        await writeFile(target, distinctCopy(await readFile(poolFile), `${index}-${k}`));
      else await writeFile(target, await derivedPhoto(await readFile(poolFile), index * 16 + k));
    }
  }
}

export function countFeatures(out: string): number {
  const dir = join(out, 'content/features');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('bench-')).length : 0;
}

export async function generateCorpus(options: CorpusOptions): Promise<void> {
  scaffold(options);
  await writeFeatures(options, countFeatures(options.out), options.features);
}

export const defaultCorpusDir = (features: number, photos: PhotoMode, fit = false): string =>
  join(WORK_DIR, `corpus-${features}-${photos}${fit ? '-fit' : ''}`);

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      features: { type: 'string', default: '100' },
      photos: { type: 'string', default: 'shared' },
      pool: { type: 'string', default: '30' },
      fit: { type: 'boolean', default: false },
      out: { type: 'string' },
      add: { type: 'string' },
    },
  });
  const features = Number(values.features);
  const photos = values.photos;
  if (!Number.isInteger(features) || features < 1 || !isPhotoMode(photos)) {
    console.error(
      'usage: node bench/generate.ts --features N [--photos shared|distinct|unique] [--fit] [--pool 30] [--out DIR] [--add K]',
    );
    process.exit(2);
  }
  const out = resolve(values.out ?? defaultCorpusDir(features, photos, values.fit));
  const options: CorpusOptions = { features, photos, pool: Number(values.pool), fit: values.fit, out };
  const started = performance.now();
  if (values.add) {
    const existing = countFeatures(out);
    await writeFeatures(options, existing, existing + Number(values.add));
    console.log(
      `added ${values.add} feature(s) after ${syntheticSlug(existing - 1)} in ${relative(process.cwd(), out)}`,
    );
  } else {
    await generateCorpus(options);
    console.log(
      `${countFeatures(out)} features (${photos} photos) in ${relative(process.cwd(), out)} — ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}
