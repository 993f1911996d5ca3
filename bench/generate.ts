/**
 * Generate a benchmark corpus: N synthetic features as a project the real site builds.
 *
 *   node bench/generate.ts --features 1000 [--photos shared|unique] [--pool 30]
 *                          [--out bench/.work/corpus-1000-shared] [--add 1]
 *
 * --photos shared   every figure is one of --pool photos, hard-linked beside index.mdx as
 *                   editors would place it (the case where the image cache does the most good);
 * --photos unique   every figure is its own camera-sized file beside index.mdx, as when
 *                   editors upload new photos for each story.
 * --add K           append K more features to an existing corpus (the "one new story" rebuild).
 *
 * The corpus is a project root holding only content/ and a three-line astro.config.mjs that
 * re-exports the real config with `srcDir`/`publicDir` pointing back at this repository, so
 * the benchmark always builds today's site code without copying it (bench/lib/site-project.ts).
 * Its caches live in <corpus>/.cache/ (Astro's cacheDir), never in the main project's node_modules/.astro.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadSeedPool, syntheticFeature, syntheticSlug } from './lib/corpus.ts';
import { CAMERA_SIZE, derivedPhoto, poolPhoto } from './lib/photos.ts';
import { scaffoldSiteProject } from './lib/site-project.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WORK_DIR = join(PROJECT_ROOT, 'bench/.work');

export type PhotoMode = 'shared' | 'unique';

export interface CorpusOptions {
  features: number;
  photos: PhotoMode;
  pool: number;
  out: string;
}

/** Pool photos are slow to synthesise, so they are made once and reused by every corpus. */
async function ensurePool(count: number): Promise<string[]> {
  const dir = join(WORK_DIR, `photo-pool-${CAMERA_SIZE.width}x${CAMERA_SIZE.height}`);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = join(dir, `pool-${String(i).padStart(3, '0')}.jpg`);
    if (!existsSync(file)) await writeFile(file, await poolPhoto(i));
    files.push(file);
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
    `${JSON.stringify({ features: options.features, photos: options.photos, pool: options.pool })}\n`,
  );
}

/** Write features [from, to) into the corpus. */
export async function writeFeatures(options: CorpusOptions, from: number, to: number): Promise<void> {
  const pool = loadSeedPool(PROJECT_ROOT);
  const poolFiles = await ensurePool(options.pool);
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

export const defaultCorpusDir = (features: number, photos: PhotoMode): string =>
  join(WORK_DIR, `corpus-${features}-${photos}`);

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      features: { type: 'string', default: '100' },
      photos: { type: 'string', default: 'shared' },
      pool: { type: 'string', default: '30' },
      out: { type: 'string' },
      add: { type: 'string' },
    },
  });
  const features = Number(values.features);
  const photos = values.photos;
  if (!Number.isInteger(features) || features < 1 || (photos !== 'shared' && photos !== 'unique')) {
    console.error(
      'usage: node bench/generate.ts --features N [--photos shared|unique] [--pool 30] [--out DIR] [--add K]',
    );
    process.exit(2);
  }
  const out = resolve(values.out ?? defaultCorpusDir(features, photos));
  const options: CorpusOptions = { features, photos, pool: Number(values.pool), out };
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
