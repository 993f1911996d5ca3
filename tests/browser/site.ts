/** Site facts the browser tests share, read from content/ and the build. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedFeatures, repo, sitemapPaths, type SourceFeature } from '../support/site.ts';

export { publishedFeatures, sitemapPaths };

/**
 * A site path (/features/jiulong/) as the address to open: relative, so Playwright resolves it
 * under the project's baseURL, which carries the base path in the sub-path project
 * (playwright.config.ts). A leading "/" would leave the base path behind.
 */
export const at = (sitePath: string): string => sitePath.replace(/^\/+/u, '') || './';

/** District id → the short name readers see, from content/districts.yaml. */
export const districtNames: ReadonlyMap<string, string> = new Map(
  [
    ...readFileSync(join(repo, 'content', 'districts.yaml'), 'utf8').matchAll(/^- id: *(\S+)\s*\n\s+name: *(\S+)/gm),
  ].map(([, id = '', name = '']) => [id, name]),
);

/** A feature with a Gallery of captioned photos: the richest page to look at. */
export const galleryFeature: SourceFeature =
  [...publishedFeatures].sort((a, b) => b.figureCaptions.length - a.figureCaptions.length)[0] ??
  (() => {
    throw new Error('no published feature in content/features');
  })();
