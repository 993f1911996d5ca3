/**
 * The rules that look across features: a folder name is an address, unique even to a
 * case-insensitive file system; titles differ, or readers cannot tell two features apart; and
 * a link to another page reaches one the site publishes (links.ts). Each feature comes as a
 * summary of itself (`FeatureSummary`), which `npm run check` keeps in its cache and the
 * features loader in its store, so a change to one feature never re-reads the others.
 */
import type { Diagnostic } from '../diagnostic.ts';
import { SLUG_PATTERN } from '../schema.ts';
import { sitePages } from '../site-pages.ts';
import type { Taxonomy } from '../taxonomy.ts';
import { checkLinks, type LinkTargets, type SiteLink } from './links.ts';

/** What the collection's rules need of one feature. */
export interface FeatureSummary {
  file: string;
  slug: string;
  /** The frontmatter title, when it is a string. */
  title: string | undefined;
  /** The line of `title:`, for the duplicate-title message. */
  titleLine: number;
  draft: boolean;
  /** Its district's and topics' ids, as written (what decides the list pages it is on). */
  district: string | undefined;
  tags: string[];
  /** Its links to the site's own pages (links.ts). */
  links: SiteLink[];
  /** The ids of its headings, as the compiler gives them: section-1, section-1-1… */
  anchors: string[];
}

/** The pages, anchors and drafts of the collection, for resolving links. */
export function linkTargets(features: readonly FeatureSummary[], taxonomy: Taxonomy): LinkTargets {
  const published = features.filter((feature) => !feature.draft);
  return {
    pages: sitePages(published, {
      districts: taxonomy.districts.entries.map((entry) => entry.id),
      topics: taxonomy.topics.entries.map((entry) => entry.id),
    }),
    anchors: new Map(published.map((feature) => [feature.slug, feature.anchors])),
    drafts: new Set(features.filter((feature) => feature.draft).map((feature) => feature.slug)),
  };
}

export function checkCollection(features: readonly FeatureSummary[], taxonomy: Taxonomy, base = '/'): Diagnostic[] {
  const out: Diagnostic[] = [];
  const slugs = new Map<string, { file: string }>();
  const titles = new Map<string, { file: string }>();
  for (const feature of features) {
    if (!SLUG_PATTERN.test(feature.slug)) {
      out.push({
        file: feature.file,
        line: 1,
        severity: 'error',
        code: 'slug',
        zh: `文件夹名“${feature.slug}”不能用作网址：只用小写拼音、数字和连字符，如 jiulong`,
        en: `folder name "${feature.slug}" is not a valid slug: use lowercase letters, digits and hyphens`,
      });
    }
    const key = feature.slug.toLowerCase();
    const other = slugs.get(key);
    if (other)
      out.push({
        file: feature.file,
        line: 1,
        severity: 'error',
        code: 'slug-duplicate',
        zh: `文件夹名与 ${other.file} 只差大小写，网址会冲突。请改名`,
        en: `folder name differs from ${other.file} only in case; the URLs clash; rename one`,
      });
    slugs.set(key, feature);
    const title = feature.title;
    if (title?.trim()) {
      const t = title.replace(/\s/g, '');
      const same = titles.get(t);
      if (same)
        out.push({
          file: feature.file,
          line: feature.titleLine,
          severity: 'error',
          code: 'title-duplicate',
          zh: `标题与 ${same.file} 相同：“${title}”。两篇稿件标题相同，读者无法区分，请修改其一`,
          en: `same title as ${same.file}; readers cannot tell them apart; change one`,
        });
      titles.set(t, feature);
    }
  }
  const targets = linkTargets(features, taxonomy);
  for (const feature of features) {
    // Its own #anchors were judged with the feature itself.
    const links = feature.links.filter((link) => !link.href.startsWith('#'));
    out.push(...checkLinks(feature.file, feature.slug, links, { anchors: feature.anchors, targets, base }));
  }
  return out;
}
