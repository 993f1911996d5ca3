/**
 * The addresses the site publishes for a given content, as site paths (src/lib/site-url.ts):
 * what a link in a feature may point to. The routes in src/pages decide this; here it is said
 * once more, in plain data, so a feature's links can be checked before anything is built —
 * and tests/build/site-pages.test.ts holds the two together over every build.
 */
import { LIST_PAGE_SIZE } from '../pagination.ts';

/** What decides a published feature's pages: its address, its district and its topics. */
export interface PublishedFeature {
  slug: string;
  district: string | undefined;
  tags: readonly string[];
}

/** The pages of a list of `count` features: /archive/, /archive/2/ … (src/lib/pagination.ts). */
function listPages(first: string, count: number): string[] {
  const pages = Math.max(1, Math.ceil(count / LIST_PAGE_SIZE));
  return [first, ...Array.from({ length: pages - 1 }, (_, i) => `${first}${i + 2}/`)];
}

/**
 * Every page and feed of the site for these published features and these district and topic
 * ids. A district or topic no published feature names has no page (and no feed).
 */
export function sitePages(
  features: readonly PublishedFeature[],
  ids: { districts: readonly string[]; topics: readonly string[] },
): Set<string> {
  const pages = new Set(['/', '/about/', '/search/', '/districts/', '/topics/', '/rss.xml', '/404.html']);
  for (const page of listPages('/archive/', features.length)) pages.add(page);
  for (const feature of features) pages.add(`/features/${feature.slug}/`);
  for (const id of ids.districts) {
    const count = features.filter((feature) => feature.district === id).length;
    if (count === 0) continue;
    for (const page of listPages(`/districts/${id}/`, count)) pages.add(page);
    pages.add(`/districts/${id}/rss.xml`);
  }
  for (const id of ids.topics) {
    const count = features.filter((feature) => feature.tags.includes(id)).length;
    if (count === 0) continue;
    for (const page of listPages(`/topics/${id}/`, count)) pages.add(page);
  }
  return pages;
}
