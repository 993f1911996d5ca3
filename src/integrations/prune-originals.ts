/**
 * Deletes the photo originals Astro copies into dist/_astro/ that no built file links to
 * (src/lib/build/unreferenced-images.ts says which and why). Runs in `astro:build:done`
 * before the search index and verify-build, so both see the site as it will be deployed.
 */
import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { TEXT_FILE, unreferencedImages } from '../lib/build/unreferenced-images.ts';

function* textFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* textFiles(path);
    else if (TEXT_FILE.test(entry.name)) yield readFileSync(path, 'utf8');
  }
}

export default function pruneOriginals(): AstroIntegration {
  let assetsDir = '_astro';
  return {
    name: 'zhuanban:prune-originals',
    hooks: {
      'astro:config:done': ({ config }) => {
        assetsDir = config.build.assets;
      },
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const assets = join(site, assetsDir);
        let names: string[];
        try {
          names = readdirSync(assets);
        } catch {
          return; // a site without a single image has no asset folder
        }
        const unused = unreferencedImages(names, textFiles(site), assetsDir);
        let bytes = 0;
        for (const name of unused) {
          const path = join(assets, name);
          bytes += statSync(path).size;
          unlinkSync(path);
        }
        logger.info(
          `删除 ${unused.length} 张无页面引用的原图（${(bytes / 1024 / 1024).toFixed(1)} MB）/ removed ${unused.length} unreferenced originals`,
        );
      },
    },
  };
}
