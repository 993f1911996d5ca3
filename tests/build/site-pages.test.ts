/**
 * The pages a feature may link to, as the contract lists them before anything is built
 * (src/lib/content/site-pages.ts), are the pages the build wrote: every page and feed in dist/,
 * and no other. The routes in src/pages decide what is built; this holds the list to them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { sitePages } from '../../src/lib/content/site-pages.ts';
import { readFeatures, readTaxonomy } from '../../src/lib/features/source.ts';
import { dist, repo } from '../support/site.ts';

/**
 * The site path of every page and feed of the build: index.html → its folder; sitemaps aside,
 * and the editors' desk (admin/), which is no page of the site a feature may link to.
 */
function builtPages(): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter(
      (file) => /\.(?:html|xml)$/.test(file) && !/^(?:pagefind|_astro|admin\/)/.test(file) && !file.includes('sitemap'),
    )
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`)
    .sort();
}

it('lists exactly the pages and feeds the build wrote', () => {
  const content = join(repo, 'content');
  const { taxonomy } = readTaxonomy(content, repo);
  const published = readFeatures(join(content, 'features'), repo, { body: false })
    .filter((feature) => feature.data['draft'] !== true)
    .map((feature) => ({
      slug: feature.slug,
      district: feature.data['district'] as string | undefined,
      tags: (feature.data['tags'] as string[] | undefined) ?? [],
    }));
  const listed = sitePages(published, {
    districts: taxonomy.districts.entries.map((entry) => entry.id),
    topics: taxonomy.topics.entries.map((entry) => entry.id),
  });
  expect([...listed].sort()).toEqual(builtPages());
});
