/**
 * The content loader of the features collection: `content/features/<slug>/index.mdx` and the
 * photos beside it become one data-store entry each — the frontmatter checked by the
 * collection's schema, and the body compiled to the compact tree of tree.ts with every photo
 * it shows resolved (content hash, size as shown). Nothing is bundled or evaluated: pages
 * render the stored tree with the site's components (FeatureBody.astro).
 *
 * An entry is recompiled only when its digest changes: the digest covers index.mdx, every
 * photo file in its folder (its git blob id where git knows it, so a CI job's fresh clone
 * matches the cached store; its size, time and inode otherwise) and the code of the compile
 * pipeline itself (PIPELINE_FILES), so an unchanged feature is never parsed again and a
 * changed photo, MDX file or Markdown step is never missed. Under `astro dev` the folder is
 * watched and an edited feature is re-read at once.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { gitBlobIds, PHOTO_CACHE_FILE, PhotoCache, statSignature } from '../photos/photo-cache.ts';
import type { Photo } from '../photos/photo.ts';
import { readingTime } from '../reading-time.ts';
import { compileFeatureBody, FeatureSourceError } from './compile.ts';
import { CONTENT_KEY, featureContentOf } from './content.ts';
import type { FeatureContent } from './tree.ts';

/** Files of the project whose code decides what a compiled feature looks like (see pipelineDigest). */
export const PIPELINE_FILES = [
  'src/lib/features/compile.ts',
  'src/lib/features/content.ts',
  'src/lib/features/loader.ts',
  'src/lib/features/tree.ts',
  'src/lib/markdown/index.ts',
  'src/lib/markdown/rehype-base-links.ts',
  'src/lib/markdown/rehype-heading-anchors.ts',
  'src/lib/markdown/rehype-section-ids.ts',
  'src/lib/markdown/remark-cjk-line-breaks.ts',
  'src/lib/markdown/remark-gallery-labels.ts',
  'src/lib/chinese-numerals.ts',
  'src/lib/site-url.ts',
  'src/lib/reading-time.ts',
  'src/lib/check/mdx-guard.ts',
  'src/lib/content/nearest.ts',
  'src/lib/photos/photo.ts',
  'src/lib/photos/photo-cache.ts',
  'src/lib/image-settings.ts',
  'src/i18n/zh-CN.ts',
  // The versions of remark, rehype, MDX and their plugins.
  'package-lock.json',
] as const;

const PHOTO_FILE = /\.(?:jpe?g|png|webp|avif)$/i;

/** A digest of the compile pipeline's code, from the project's own copy of PIPELINE_FILES. */
export function pipelineDigest(projectRoot: string): string {
  const hash = createHash('sha256');
  for (const file of PIPELINE_FILES) {
    const path = join(projectRoot, file);
    hash.update(`${file}\0`);
    if (existsSync(path)) hash.update(readFileSync(path));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The folder names under `base` that hold a feature: an index.mdx inside, not a dot-folder (the importer's). */
export function featureSlugs(base: string): string[] {
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && !entry.name.startsWith('.') && existsSync(join(base, entry.name, 'index.mdx')),
    )
    .map((entry) => entry.name)
    .sort();
}

/** Is `src` a file beside index.mdx, written ./name? */
const isBesideFeature = (src: string): boolean => src.startsWith('./') && !src.slice(2).includes('/');

export interface FeaturesLoaderOptions {
  /** The folder of feature folders, relative to the project root: "content/features". */
  base: string;
}

/** This repository: where PIPELINE_FILES are (also for the benchmark's corpora, which build our src/). */
const CODE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function featuresLoader({ base }: FeaturesLoaderOptions): Loader {
  return {
    name: 'zhuanban-features',
    load: async (context: LoaderContext) => {
      const { config, store, watcher, logger } = context;
      const root = fileURLToPath(config.root);
      const baseDir = join(root, base);
      const photos = new PhotoCache(join(fileURLToPath(config.cacheDir), PHOTO_CACHE_FILE), root);
      const pipeline = pipelineDigest(CODE_ROOT);
      // Content hashes git knows, by absolute path; a file that changes under astro dev is dropped.
      const committed = gitBlobIds(baseDir);

      async function sync(slug: string): Promise<void> {
        const folder = join(baseDir, slug);
        const path = join(folder, 'index.mdx');
        const file = relative(root, path).split('\\').join('/');
        const source = await readFile(path, 'utf8');
        const photoFiles = new Map(
          readdirSync(folder)
            .filter((name) => PHOTO_FILE.test(name))
            .sort()
            .map((name) => {
              const path = join(folder, name);
              return [name, { stat: statSignature(path), hash: committed.get(path) }] as const;
            }),
        );
        const digest = context.generateDigest(
          `${pipeline}\0${config.base}\0${source}\0${[...photoFiles].map(([name, found]) => `${name}:${found.hash ?? found.stat}`).join('\n')}`,
        );
        const existing = store.get(slug);
        if (existing?.digest === digest) {
          for (const src of Object.keys(featureContentOf(existing.rendered?.metadata)?.photos ?? {}))
            photos.keep(join(folder, src));
          return;
        }
        const { frontmatter, content } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
        const data = await context.parseData({ id: slug, data: frontmatter, filePath: path });
        const { body, photos: figurePhotos } = await compileFeatureBody(content, file, config.base);
        const cover = (data as { cover?: { src?: unknown } }).cover?.src;
        const resolved: Record<string, Photo> = {};
        for (const src of [...(typeof cover === 'string' ? [cover] : []), ...figurePhotos]) {
          if (resolved[src]) continue;
          const name = src.slice(2);
          const found = photoFiles.get(name);
          if (!isBesideFeature(src) || found === undefined) {
            throw new FeatureSourceError(
              file,
              lineOfText(source, src),
              `找不到照片 ${src}：照片请放在 index.mdx 旁边，并写成 ./文件名`,
              `photo ${src} not found: put it beside index.mdx and write it as ./file-name`,
            );
          }
          resolved[src] = await photos.resolve(join(folder, name), src, found.stat, found.hash);
        }
        const feature: FeatureContent = { body, photos: resolved, readingTime: readingTime(content.trim()) };
        store.set({
          id: slug,
          data,
          digest,
          filePath: file,
          rendered: { html: '', metadata: { [CONTENT_KEY]: feature } },
        });
      }

      const slugs = featureSlugs(baseDir);
      const present = new Set(slugs);
      for (const id of store.keys()) if (!present.has(id)) store.delete(id);
      for (const slug of slugs) {
        try {
          await sync(slug);
        } catch (error) {
          // A build stops (the content check has already said why); astro dev shows the rest.
          if (!watcher) throw error;
          logger.error(error instanceof Error ? error.message : String(error));
        }
      }
      photos.save({ prune: true });
      if (!watcher) return;

      // astro dev: re-read a feature when its MDX or a photo beside it changes.
      watcher.add(baseDir);
      const onChange = async (changed: string) => {
        const [slug, name] = relative(baseDir, changed).split(/[\\/]/);
        if (!slug || !name || slug.startsWith('.') || slug.startsWith('..')) return;
        if (name !== 'index.mdx' && !PHOTO_FILE.test(name)) return;
        committed.delete(changed);
        try {
          if (existsSync(join(baseDir, slug, 'index.mdx'))) await sync(slug);
          else store.delete(slug);
          photos.save();
          logger.info(`已重新读取 ${slug} / reloaded ${base}/${slug}`);
        } catch (error) {
          logger.error(error instanceof Error ? error.message : String(error));
        }
      };
      watcher.on('change', (path) => void onChange(path));
      watcher.on('add', (path) => void onChange(path));
      watcher.on('unlink', (path) => void onChange(path));
    },
  };
}

/** The line of the first mention of `text` in `source`, for messages. */
function lineOfText(source: string, text: string): number {
  const at = source.indexOf(text);
  return at < 0 ? 1 : source.slice(0, at).split('\n').length;
}
