/**
 * What the build tests and the browser tests need to know about the site: the published
 * features as editors wrote them (read from content/, not from dist/, so a page missing
 * from the build is noticed) and the build folder itself.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { XMLParser } from 'fast-xml-parser';
import { builtSiteUrl } from './link-check.ts';
import { sitePath } from '../../src/lib/site-url.ts';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
/** The build under test: dist/ unless DIST names another folder (relative to the repo). */
export const dist = resolve(repo, process.env['DIST'] ?? 'dist');
/** ../shared beside the repository: the raw seed pages and the seed-fidelity tool (CI clones main next to it). */
export const shared = resolve(repo, '..', 'shared');
export const seeds = join(shared, 'seeds');
/**
 * The project whose content/ the build under test was made from: the repository, or
 * CONTENT_ROOT (the copy the desk's browser test edited, built and tested again by npm test).
 */
export const contentRoot = resolve(repo, process.env['CONTENT_ROOT'] ?? '.');

export interface SourceFeature {
  slug: string;
  title: string;
  district: string;
  tags: string[];
  coverAlt: string;
  coverCaption: string | undefined;
  /** Every caption="…" an editor gave a Figure, in order. */
  figureCaptions: string[];
  /** Paragraphs of plain body text (no components, headings or markup), in order. */
  paragraphs: string[];
}

/** Characters a reader sees, for comparing text across Markdown and HTML: no markup, no whitespace. */
export const letters = (text: string): string => text.replace(/[\s*_`]/gu, '');

function plainParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '' && !/^[<#{>|\-*!\d[]/.test(block) && !block.includes('<'))
    .map((block) => block.replace(/\*\*|__/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
}

function readFeature(slug: string): SourceFeature & { draft: boolean } {
  const file = join(contentRoot, 'content', 'features', slug, 'index.mdx');
  const { frontmatter, content } = parseFrontmatter(readFileSync(file, 'utf8'));
  const data = frontmatter as {
    title: string;
    district: string;
    tags?: string[];
    draft?: boolean;
    cover: { alt: string; caption?: string };
  };
  return {
    slug,
    title: data.title,
    district: data.district,
    tags: data.tags ?? [],
    draft: data.draft ?? false,
    coverAlt: data.cover.alt,
    coverCaption: data.cover.caption,
    figureCaptions: [...content.matchAll(/<Figure\b[^>]*?\bcaption="([^"]*)"/g)].map((match) => match[1] ?? ''),
    paragraphs: plainParagraphs(content),
  };
}

/** Every feature a reader may see (draft: false), by slug. */
export const publishedFeatures: SourceFeature[] = readdirSync(join(contentRoot, 'content', 'features'), {
  withFileTypes: true,
})
  .filter(
    (entry) => entry.isDirectory() && existsSync(join(contentRoot, 'content', 'features', entry.name, 'index.mdx')),
  )
  .map((entry) => readFeature(entry.name))
  .filter((feature) => !feature.draft)
  .sort((a, b) => a.slug.localeCompare(b.slug));

/** A file of the build, or a clear failure naming what is missing. */
export function readDist(path: string): string {
  const file = join(dist, path);
  if (!existsSync(file)) throw new Error(`${path} is missing from the build (${dist}): run \`npm run build\` first`);
  return readFileSync(file, 'utf8');
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false });

/** Parses XML into plain objects; callers assert the structure they need (rss.channel.item…). */
export function parseXml(text: string): unknown {
  return xml.parse(text);
}

/**
 * Every <loc> of the sitemaps listed in sitemap-index.xml, as site paths (/features/jiulong/):
 * without the base path the build may be served under (src/lib/site-url.ts), so a test reads
 * the same list from either build. An entry outside the base fails here.
 */
export function sitemapPaths(): string[] {
  const base = new URL(builtSiteUrl(dist)).pathname;
  const pathOf = (loc: string): string => {
    const path = sitePath(base, new URL(loc).pathname);
    if (path === undefined) throw new Error(`the sitemap lists ${loc}, outside the site's base path ${base}`);
    return path;
  };
  const index = readDist('sitemap-index.xml');
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => pathOf(match[1] ?? ''));
  return sitemaps.flatMap((sitemap) => {
    const text = readDist(sitemap.replace(/^\//, ''));
    parseXml(text);
    return [...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => pathOf(match[1] ?? ''));
  });
}

/**
 * The image formats a <picture> offers: each <source>'s type, and the <img>'s own format
 * (the last format in src/lib/image-settings.ts is the fallback <img>, with no <source>).
 * Reads built URLs (/_astro/photo-1.Ab12.webp) and dev ones (/_image?…&f=webp).
 */
export function offeredFormats(picture: {
  querySelectorAll(selector: string): { getAttribute(name: string): string | undefined }[];
}): string[] {
  const sources = picture
    .querySelectorAll('source')
    .map((source) => source.getAttribute('type')?.replace('image/', ''));
  const img = picture.querySelectorAll('img')[0]?.getAttribute('src') ?? '';
  const imgFormat = /[?&]f=(\w+)/.exec(img)?.[1] ?? /\.(\w+)(?:\?|$)/.exec(img)?.[1];
  return [...new Set([...sources, imgFormat].filter((format) => format !== undefined))];
}
