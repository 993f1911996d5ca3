/**
 * Publishes the photo copies the built pages link to (src/lib/photos/publish.ts), encoded by
 * Astro's configured image service — sharp with IMAGE_ENCODER, set in astro.config.mjs — and
 * kept in <cacheDir>/zhuanban-photos/ between builds, named by content hash and transform: a
 * rebuild encodes only photos it has never seen and links the rest into the site. Under
 * `astro dev` the same copies are encoded on request.
 *
 * Runs first in `astro:build:done`, so the search index and verify-build see the site as it
 * is deployed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import { restorableFiles } from '../lib/build/incremental-pages.ts';
import { PHOTO_CACHE_FILE, PhotoCache } from '../lib/photos/photo-cache.ts';
import { parseDerivativeName, PHOTO_DIR, type PhotoTransform } from '../lib/photos/photo.ts';
import { encodeMissing, publishCopies, pruneCache, type EncodeCopy } from '../lib/photos/publish.ts';
import { copiesLinkedFrom, copiesToPublish, outputFileOf, photoRequests } from '../lib/photos/requests.ts';
import { joinBase } from '../lib/site-url.ts';

/** The copies each built page linked to last build, for pages the next one restores unrendered. */
const PAGES_FILE = 'zhuanban-photo-pages.json';
const COPIES_DIR = 'zhuanban-photos';

/** The image service astro.config.mjs configures, the one this step can encode with. */
const SHARP_SERVICE = 'astro/assets/services/sharp';

/**
 * Astro's sharp image service with the configured encoder settings (IMAGE_ENCODER), wrapped
 * as an encoder: the same code and options Astro encodes its own images with. Imported
 * statically because the config and its integrations are loaded through Vite, whose module
 * loader is closed before any hook runs.
 */
function configuredEncoder(config: AstroConfig, logger: AstroIntegrationLogger): EncodeCopy {
  if (config.image.service.entrypoint !== SHARP_SERVICE) {
    throw new Error(
      `照片：只支持 ${SHARP_SERVICE} 图像服务 / photos: image.service must be ${SHARP_SERVICE}, not ${config.image.service.entrypoint}`,
    );
  }
  return async (original, transform: PhotoTransform, src) =>
    (await sharpService.transform(original, { src, ...transform }, config.image, logger)).data;
}

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

export default function photos(): AstroIntegration {
  let config: AstroConfig | undefined;
  let encoder: EncodeCopy | undefined;
  const paths = () => {
    if (!config) throw new Error('zhuanban:photos: astro:config:done has not run');
    const root = fileURLToPath(config.root);
    const cacheDir = fileURLToPath(config.cacheDir);
    return {
      root,
      cacheDir,
      copies: join(cacheDir, COPIES_DIR),
      photoCache: () => new PhotoCache(join(cacheDir, PHOTO_CACHE_FILE), root),
    };
  };

  return {
    name: 'zhuanban:photos',
    hooks: {
      'astro:config:done': ({ config: resolved, logger }) => {
        config = resolved;
        encoder = configuredEncoder(resolved, logger);
      },

      'astro:server:setup': ({ server }) => {
        const prefix = joinBase(config?.base ?? '/', `/${PHOTO_DIR}/`);
        server.middlewares.use((request, response, next) => {
          const path = request.url?.split('?')[0] ?? '';
          const parsed = path.startsWith(prefix) ? parseDerivativeName(path.slice(prefix.length)) : undefined;
          if (!parsed || !config) {
            next();
            return;
          }
          const name = path.slice(prefix.length);
          const { root, copies, photoCache } = paths();
          const original = photoCache().filesByHash().get(parsed.hash);
          if (!original || !encoder) {
            next();
            return;
          }
          const encode = encoder;
          void (async () => {
            await encodeMissing({
              names: [name],
              originals: new Map([[parsed.hash, join(root, original)]]),
              cacheDir: copies,
              encode,
              concurrency: 1,
            });
            response.setHeader('Content-Type', `image/${parsed.transform.format}`);
            response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
            response.end(await readFile(join(copies, name)));
          })().catch(next);
        });
      },

      'astro:build:done': async ({ dir, logger }) => {
        if (!config || !encoder) return;
        const started = performance.now();
        const siteDir = fileURLToPath(dir);
        const { root, cacheDir, copies, photoCache } = paths();
        logger.info('发布照片 / publishing photos');
        const rendered = new Map<string, Set<string>>();
        for (const [page, names] of photoRequests()) rendered.set(outputFileOf(page, config.base), names);
        const previous = (readJson(join(cacheDir, PAGES_FILE)) ?? {}) as Record<string, string[]>;
        // Only pages that were built: a restorable page removed from the site links to nothing.
        const restorable = restorableFiles(cacheDir).filter((file) => existsSync(join(siteDir, file)));
        const byFile = copiesToPublish(rendered, previous, restorable, (file) =>
          copiesLinkedFrom(
            readFileSync(join(siteDir, file), 'utf8'),
            (name) => parseDerivativeName(name) !== undefined,
          ),
        );
        const names = new Set([...byFile.values()].flat());
        const originals = new Map(
          [...photoCache().filesByHash()].map(([hash, file]) => [hash, join(root, file)] as const),
        );
        const result = await publishCopies({
          names,
          originals,
          cacheDir: copies,
          siteDir,
          encode: encoder,
          concurrency: os.availableParallelism(),
        });
        writeFileSync(join(cacheDir, PAGES_FILE), JSON.stringify(Object.fromEntries(byFile)));
        const pruned = await pruneCache(copies, names);
        logger.info(
          `照片 ${result.published} 张副本（新编码 ${result.encoded}，其余取自缓存），清理旧缓存 ${pruned} / ` +
            `published ${result.published} photo copies (${result.encoded} encoded in ${Math.round(result.encodeMs)} ms, ` +
            `${result.published - result.encoded} from cache; ${pruned} stale removed) in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
