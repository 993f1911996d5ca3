/**
 * The two corpora the search properties run over, opened in the real search page: the seven
 * features of the build under test, and a 200-feature archive made from them (archive-site.ts)
 * and served on its own.
 */
import type { Page } from '@playwright/test';
import path from 'node:path';
import { archiveSite } from './archive-site.ts';
import { slugsByPageId } from './article-text.ts';
import { serveStatic } from './static-server.ts';

/** Where a corpus is: the address its pages are under, its built folder, its features. */
export interface Corpus {
  base: string;
  site: string;
  slugs: string[];
}

/** `check` over the seven features of the build (DIST), with /search/ open on `page`. */
export async function onSevenFeatures<T>(
  page: Page,
  baseURL: string,
  check: (corpus: Corpus) => Promise<T>,
): Promise<T> {
  await page.goto('/search/');
  const site = path.resolve(process.env['DIST'] ?? 'dist');
  return check({ base: baseURL, site, slugs: [...new Set(slugsByPageId(site).values())].sort() });
}

/** `check` over a 200-feature archive made into test-results/<name> and served, with its /search/ open on `page`. */
export async function onArchive<T>(page: Page, name: string, check: (corpus: Corpus) => Promise<T>): Promise<T> {
  const site = path.resolve('test-results', name);
  const started = performance.now();
  const slugs = await archiveSite(path.resolve(process.env['DIST'] ?? 'dist'), site, 200);
  console.log(`archive of ${slugs.length} features made and indexed in ${Math.round(performance.now() - started)} ms`);
  const server = await serveStatic(site);
  try {
    await page.goto(`${server.url}/search/`);
    return await check({ base: server.url, site, slugs });
  } finally {
    await server.close();
  }
}
