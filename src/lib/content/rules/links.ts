/**
 * Links inside a feature to the site's own pages: `[全部专版](/archive/)`, `[九州路](/features/jiuzhoulu/)`,
 * `[第二节](#section-2)`. Each must reach a page the site publishes (site-pages.ts) and, with a
 * #fragment, a heading that page has — the ids the compiler gives (#section-2, #section-2-1),
 * taken from the compiled page, not worked out again. Links are written as if the site were at
 * the root: the build puts them under the base path (rehype-base-links), so an editor who
 * writes the base path in has written a link that breaks when the site moves.
 *
 * A feature's own #anchors are judged with the feature; links to other pages with the whole
 * collection (collection.ts), which knows what is published.
 */
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../diagnostic.ts';
import { nearest } from '../nearest.ts';
import type { FeatureText } from './feature.ts';

/** A link to a page of the site, as written, where it is written. */
export interface SiteLink {
  href: string;
  line: number;
  column: number;
}

/** An address on another site, a mail or phone link, anything with a scheme: not ours to judge. */
const ELSEWHERE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Every link of the feature to the site itself: its own #anchors and the site's pages. */
export function siteLinks(feature: FeatureText): SiteLink[] {
  const links: SiteLink[] = [];
  if (!feature.tree) return links;
  visit(feature.tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const href = node.url.trim();
    if (href === '' || ELSEWHERE.test(href)) return;
    const start = node.position?.start;
    links.push({ href, line: start?.line ?? 1, column: start?.column ?? 1 });
  });
  return links;
}

/**
 * Where a link leads, as a site path and a fragment: relative links from the feature's own
 * page, /features/<slug>/. `written` is the path as the editor wrote it (a base path in it shows).
 */
export function resolveLink(href: string, slug: string): { path: string; fragment: string | undefined } {
  if (href.startsWith('#')) return { path: `/features/${slug}/`, fragment: decode(href.slice(1)) };
  const url = new URL(href, `https://site.invalid/features/${slug}/`);
  return { path: url.pathname, fragment: url.hash ? decode(url.hash.slice(1)) : undefined };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** What the collection knows: the pages published, and the heading ids of each published feature. */
export interface LinkTargets {
  pages: ReadonlySet<string>;
  anchors: ReadonlyMap<string, readonly string[]>;
  /** Features that exist but are drafts, not published: a link to one is broken on the site. */
  drafts: ReadonlySet<string>;
}

const anchorList = (ids: readonly string[], separator: string) =>
  ids.length === 0
    ? undefined
    : `#${ids.slice(0, 6).join(`${separator}#`)}${ids.length > 6 ? `${separator}…` : ''}`;

/**
 * The findings for `links` of the feature `file`/`slug`: its own #anchors against `anchors`
 * (its heading ids); with `targets`, links to other pages too. `base`: Astro's base path.
 */
export function checkLinks(
  file: string,
  slug: string,
  links: readonly SiteLink[],
  { anchors, targets, base = '/' }: { anchors: readonly string[]; targets?: LinkTargets | undefined; base?: string },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (link: SiteLink, code: string, zh: string, en: string) =>
    out.push({ file, line: link.line, column: link.column, severity: 'error', code, zh, en });
  for (const link of links) {
    if (ELSEWHERE.test(link.href)) continue;
    const own = link.href.startsWith('#');
    if (!own && !targets) continue;
    const { path, fragment } = resolveLink(link.href, slug);
    if (base !== '/' && link.href.startsWith(base)) {
      const rest = `/${link.href.slice(base.length)}`;
      at(
        link,
        'link-base',
        `链接 ${link.href} 不用写网站所在的路径 ${base}：写成 ${rest}，网站发布时会自动加上（换了网址也不会断）`,
        `write ${rest}, without the site's own path ${base}: the build adds it, so the link survives a move`,
      );
      continue;
    }
    const feature = /^\/features\/([^/]+)\/$/.exec(path)?.[1];
    const ids = own ? anchors : feature !== undefined ? targets?.anchors.get(feature) : undefined;
    if (!own && !targets?.pages.has(path)) {
      const slugs = [...(targets?.anchors.keys() ?? [])];
      const draft = feature !== undefined && targets?.drafts.has(feature);
      const near = path.endsWith('/')
        ? feature !== undefined
          ? nearest(feature, slugs).map((s) => `/features/${s}/`)
          : []
        : targets?.pages.has(`${path}/`)
          ? [`${path}/`]
          : [];
      at(
        link,
        'link-page',
        `链接 ${link.href} 指向的网页不存在${draft ? `：${feature} 还是草稿，没有发布` : ''}${near.length ? `，是不是 ${near.join('、')}？` : '。'}本站网页的地址形如 /features/拼音名/、/districts/区/、/topics/话题/、/archive/，以 / 结尾`,
        `the link ${link.href} leads to no page of this site${draft ? ` (${feature} is a draft, not published)` : ''}${near.length ? `; did you mean ${near.join(', ')}?` : ''}`,
      );
      continue;
    }
    if (fragment === undefined || ids === undefined || ids.includes(fragment)) continue;
    const shown = anchorList(ids, '、');
    const shownEn = anchorList(ids, ', ');
    const where = own ? '本文' : `${feature} 这篇`;
    at(
      link,
      'link-anchor',
      `链接 ${link.href} 指向的位置不存在：${shown ? `${where}的小标题是 ${shown}（## 依次是 #section-1、#section-2……，### 是 #section-1-1……）` : `${where}没有 ## 小标题，没有可以指向的位置`}`,
      `${link.href} points to no heading: ${shownEn ? `the headings are ${shownEn}` : 'there are no ## headings to point to'}`,
    );
  }
  return out;
}
