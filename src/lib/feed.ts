/**
 * What the RSS feeds carry. A feed reader, or a WeChat or RSS service, fetches the whole feed
 * on every poll: with every feature's full text it was 11 MB at 1,000 features, more than
 * they take. Each feed carries the newest FEED_SIZE features, full text; the archive is the
 * site's. The publish-integrity check (src/lib/build/verify-dist.ts) holds the main feed to
 * exactly those.
 */
import { newestFirst, parseFeatureDate } from './feature-date.ts';

/** Items in a feed: about a year of a paper's supplements. */
export const FEED_SIZE = 50;

/** The features a feed carries, from a list already newest first. */
export function feedItems<T>(newestFirstList: readonly T[]): T[] {
  return newestFirstList.slice(0, FEED_SIZE);
}

/**
 * The slugs the main feed must carry, from frontmatter as written: a date YAML read as a
 * Date (2019-07-01 unquoted) counts as its day; a feature whose date does not parse is left
 * to the content check, which stops the build before this is asked.
 */
export function expectedFeedSlugs(features: readonly { slug: string; date?: unknown }[]): string[] {
  const dated = features.flatMap(({ slug, date }) => {
    const text = date instanceof Date ? date.toISOString().slice(0, 10) : typeof date === 'string' ? date : '';
    const parsed = parseFeatureDate(text);
    return parsed ? [{ slug, date: parsed }] : [];
  });
  return feedItems(dated.sort(newestFirst)).map((feature) => feature.slug);
}
