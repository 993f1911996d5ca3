/**
 * The content loader of the features collection: `content/features/<slug>/index.mdx` and the
 * photos beside it become one data-store entry each — read and checked by the one feature
 * reader (source.ts, feature.ts) with every rule `npm run check` runs, the frontmatter then
 * checked by the collection's schema, and the body compiled from the same parse to the compact
 * tree of tree.ts with every photo it shows resolved (content hash, size as shown). Nothing is
 * bundled or evaluated: pages render the stored tree with the site's components
 * (FeatureBody.astro). A feature the check would refuse stops the build here with the check's
 * own message, so the loader can never publish what the check refused, nor refuse what it passed.
 *
 * An entry is recompiled only when its digest changes: the digest covers index.mdx, every
 * photo file in its folder (its git blob id where git knows it, so a CI job's fresh clone
 * matches the cached store; its size, time and inode otherwise) and the code of the compile
 * pipeline itself (PIPELINE_FILES), so an unchanged feature is never parsed again and a
 * changed photo, MDX file or Markdown step is never missed. The rules depend on more — the
 * district and topic lists, their own code — so when those change every feature is checked
 * again, without being recompiled. Under `astro dev` the folder is watched, an edited feature
 * is re-read at once, and findings are logged rather than fatal, so a draft still previews.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ContentError, formatDiagnostic, sortDiagnostics, type Diagnostic } from '../content/diagnostic.ts';
import { isPhotoFile } from '../content/photos.ts';
import { checkCollection } from '../content/rules/collection.ts';
import { gitBlobIds, PHOTO_CACHE_FILE, PhotoCache, statSignature } from '../photos/photo-cache.ts';
import type { Photo } from '../photos/photo.ts';
import { readingTime } from '../reading-time.ts';
import { toBody } from './compile.ts';
import { CONTENT_KEY, featureContentOf, featureSummaryOf, SUMMARY_KEY } from './content.ts';
import { checkFolder, featureFolders, readFolder, readTaxonomy } from './source.ts';
import type { FeatureContent } from './tree.ts';

/** Files of the project whose code decides what a compiled feature looks like (see pipelineDigest). */
export const PIPELINE_FILES = [
  'src/lib/features/compile.ts',
  'src/lib/features/content.ts',
  'src/lib/features/feature.ts',
  'src/lib/features/loader.ts',
  'src/lib/features/source.ts',
  'src/lib/features/tree.ts',
  // The names of the site's components, which the compiler keeps.
  'src/lib/content/components.ts',
  'src/lib/content/encoding.ts',
  'src/lib/content/frontmatter.ts',
  'src/lib/markdown/index.ts',
  'src/lib/markdown/rehype-base-links.ts',
  'src/lib/markdown/rehype-heading-anchors.ts',
  'src/lib/markdown/rehype-section-ids.ts',
  'src/lib/markdown/remark-cjk-line-breaks.ts',
  'src/lib/markdown/remark-gallery-labels.ts',
  'src/lib/chinese-numerals.ts',
  'src/lib/site-url.ts',
  'src/lib/reading-time.ts',
  'src/lib/photos/photo.ts',
  'src/lib/photos/photo-cache.ts',
  'src/lib/image-settings.ts',
  'src/i18n/zh-CN.ts',
  // The versions of remark, rehype, MDX and their plugins.
  'package-lock.json',
] as const;

/**
 * The contract and its rules (src/lib/content, and the files of src/lib it takes from): a change
 * to them checks every feature again, without recompiling, as the check's cache does.
 */
export const RULES_DIR = 'src/lib/content';
export const RULES_FILES = ['src/lib/feature-date.ts', 'src/lib/pagination.ts'] as const;

function digestFiles(projectRoot: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    const path = join(projectRoot, file);
    hash.update(`${file}\0`);
    if (existsSync(path)) hash.update(readFileSync(path));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** A digest of the compile pipeline's code, from the project's own copy of PIPELINE_FILES. */
export function pipelineDigest(projectRoot: string): string {
  return digestFiles(projectRoot, PIPELINE_FILES);
}

/** A digest of the rules' code (RULES_DIR). */
function rulesDigest(projectRoot: string): string {
  const names = readdirSync(join(projectRoot, RULES_DIR), { recursive: true, encoding: 'utf8' });
  const files = names.filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).sort();
  return digestFiles(projectRoot, [...files.map((name) => `${RULES_DIR}/${name}`), ...RULES_FILES]);
}

/** The meta-store key of the rules' own inputs last checked against: the lists, the base path, their code. */
const RULES_KEY = 'rules';

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
      const { config, store, watcher, logger, meta } = context;
      const root = fileURLToPath(config.root);
      const baseDir = join(root, base);
      const photos = new PhotoCache(join(fileURLToPath(config.cacheDir), PHOTO_CACHE_FILE), root);
      const pipeline = pipelineDigest(CODE_ROOT);
      // Content hashes git knows, by absolute path; a file that changes under astro dev is dropped.
      const committed = gitBlobIds(baseDir);
      // content/districts.yaml and content/topics.yaml, beside the features folder.
      const lists = readTaxonomy(dirname(baseDir), root);
      const rules = context.generateDigest(
        `${rulesDigest(CODE_ROOT)}\0${config.base}\0${JSON.stringify(lists.taxonomy)}`,
      );
      // Checked against other lists or rules last time: every feature is checked again.
      let recheck = meta.get(RULES_KEY) !== rules;

      /** Findings stop a build; under astro dev they are logged and the feature still previews if it can. */
      const report = (diagnostics: readonly Diagnostic[]) => {
        const errors = sortDiagnostics(diagnostics.filter((d) => d.severity === 'error'));
        if (errors.length === 0) return;
        if (!watcher) throw new ContentError(errors);
        for (const error of errors) logger.error(formatDiagnostic(error));
      };

      async function sync(slug: string): Promise<void> {
        const folder = readFolder(baseDir, slug, root);
        const photoFiles = new Map(
          folder.files.filter(isPhotoFile).map((name) => {
            const path = join(folder.folder, name);
            return [name, { stat: statSignature(path), hash: committed.get(path) }] as const;
          }),
        );
        const digest = context.generateDigest(
          `${pipeline}\0${config.base}\0${Buffer.from(folder.bytes).toString('utf8')}\0${[...photoFiles].map(([name, found]) => `${name}:${found.hash ?? found.stat}`).join('\n')}`,
        );
        const existing = store.get(slug);
        const unchanged = existing?.digest === digest;
        if (unchanged && !recheck) {
          for (const src of Object.keys(featureContentOf(existing.rendered?.metadata)?.photos ?? {}))
            photos.keep(join(folder.folder, src));
          return;
        }
        const checked = await checkFolder(folder, {
          taxonomy: lists.taxonomy,
          base: config.base,
          photos,
          knownHashes: committed,
        });
        report(checked.diagnostics);
        if (unchanged) return;
        const path = join(folder.folder, 'index.mdx');
        const data = await context.parseData({ id: slug, data: checked.text.data, filePath: path });
        if (!checked.hast) throw new Error(`${folder.file}: no body to compile`);
        const { body, photos: figurePhotos } = toBody(checked.hast);
        const cover = (data as { cover?: { src?: unknown } }).cover?.src;
        const resolved: Record<string, Photo> = {};
        for (const src of [...(typeof cover === 'string' ? [cover] : []), ...figurePhotos]) {
          if (resolved[src]) continue;
          const found = photoFiles.get(src.slice(2));
          // The rules have reported a photo that is not there (photo-missing, photo-path).
          if (!found) throw new Error(`${folder.file}: photo ${src} not found`);
          resolved[src] = await photos.resolve(join(folder.folder, src.slice(2)), src, found.stat, found.hash);
        }
        const feature: FeatureContent = {
          body,
          photos: resolved,
          readingTime: readingTime(checked.text.frontmatter.body.trim()),
        };
        store.set({
          id: slug,
          data,
          digest,
          filePath: folder.file,
          rendered: { html: '', metadata: { [CONTENT_KEY]: feature, [SUMMARY_KEY]: checked.summary } },
        });
      }

      /** The rules across features (and the lists' own), over every entry's summary. */
      const checkAcross = () => {
        const summaries = store
          .keys()
          .map((id) => featureSummaryOf(store.get(id)?.rendered?.metadata))
          .filter((summary) => summary !== undefined);
        report([...lists.diagnostics, ...checkCollection(summaries, lists.taxonomy, config.base)]);
      };

      const slugs = featureFolders(baseDir);
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
      checkAcross();
      meta.set(RULES_KEY, rules);
      recheck = false;
      photos.save({ prune: true });
      if (!watcher) return;

      // astro dev: re-read a feature when its MDX or a photo beside it changes.
      watcher.add(baseDir);
      const onChange = async (changed: string) => {
        const [slug, name] = relative(baseDir, changed).split(/[\\/]/);
        if (!slug || !name || slug.startsWith('.') || slug.startsWith('..')) return;
        if (name !== 'index.mdx' && !isPhotoFile(name)) return;
        committed.delete(changed);
        try {
          if (existsSync(join(baseDir, slug, 'index.mdx'))) await sync(slug);
          else store.delete(slug);
          checkAcross();
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
