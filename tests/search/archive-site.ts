/**
 * A generated archive of built feature pages, for the search property test: N features whose
 * articles are recombined from the seven built pages' own article elements — paragraphs,
 * section headings, figures with captions, galleries, info boxes, editor's notes — each kept
 * as the site rendered it, inside a copy of a real feature page (header, headline, bylines,
 * SearchIndexFields), with its own headline taken from the section headings. So every page
 * carries exactly the markup the indexer reads in production; the real indexer then indexes
 * the archive and the real search page searches it.
 *
 *   node tests/search/archive-site.ts <built site> <out dir> [features, default 200]
 *
 * Why not build bench/generate.ts's corpus with Astro: that costs minutes in CI (MDX bundle,
 * photos) and tests nothing more about search, which only ever sees the built pages. Making
 * 200 pages this way and indexing them takes about two seconds.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NodeType, parse, type HTMLElement } from 'node-html-parser';
import { buildSearchIndex } from '../../src/lib/search/index-build.ts';
import { seeded, type Random } from '../support/random.ts';

interface SeedPage {
  html: string;
  /** The article pieces: the direct children of .feature-body, as the site rendered them. */
  pieces: string[];
  headings: string[];
}

function readSeedPages(site: string): SeedPage[] {
  const dir = path.join(site, 'features');
  return readdirSync(dir).map((slug) => {
    const html = readFileSync(path.join(dir, slug, 'index.html'), 'utf8');
    const body = parse(html).querySelector('.feature-body');
    if (!body) throw new Error(`${slug}: no .feature-body to take article pieces from`);
    const pieces = body.childNodes.filter((node): node is HTMLElement => node.nodeType === NodeType.ELEMENT_NODE);
    return {
      html,
      pieces: pieces.map((piece) => piece.outerHTML),
      headings: body.querySelectorAll('h2, h3').map((heading) => heading.text.trim()),
    };
  });
}

const escapeText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
const escapeAttribute = (text: string) => escapeText(text).replaceAll('"', '&quot;');

/** Makes feature pages from the seven's own article pieces: each call a new page, drawn with `random`. */
export function featureMaker(site: string, random: Random) {
  const seeds = readSeedPages(site);
  const pieces = seeds.flatMap((page) => page.pieces);
  const headings = seeds.flatMap((page) => page.headings);
  const years = ['2019', '2020', '2021'];
  return {
    /** A page for feature `slug` (`index` picks its template): a new title and 6–18 pieces. */
    page(slug: string, index: number): string {
      const template = seeds[index % seeds.length];
      if (!template) throw new Error('no seed pages');
      const title = `${random.pick(headings)}　${random.pick(headings)}`;
      const body = Array.from({ length: random.int(6, 18) }, () => random.pick(pieces)).join('');
      const html = template.html
        .replace(
          /(<div class="feature-body[^"]*"[^>]*>)[\s\S]*?(<\/div>\s*<footer class="feature-footer")/u,
          `$1${body}$2`,
        )
        .replace(/(<h1 class="feature-title"[^>]*>)[^<]*(<\/h1>)/u, `$1${escapeText(title)}$2`)
        .replace(/data-pagefind-meta="title:[^"]*"/u, `data-pagefind-meta="title:${escapeAttribute(title)}"`);
      if (!html.includes(body)) throw new Error(`${slug}: the template's article body was not found`);
      return html;
    },
    /** `html` with its year filter changed: a change to the metadata alone. */
    otherYear(html: string): string {
      return html.replace(/data-pagefind-filter="年份:(\d+)"/u, (_, year: string) => {
        return `data-pagefind-filter="年份:${years.find((other) => other !== year) ?? year}"`;
      });
    },
  };
}

export function writeFeature(out: string, slug: string, html: string): void {
  mkdirSync(path.join(out, 'features', slug), { recursive: true });
  writeFileSync(path.join(out, 'features', slug, 'index.html'), html);
}

/** Say on the search page how many features the index holds (the ranking counts with it). */
export function declareIndex(out: string, count: number): void {
  const searchPage = path.join(out, 'search', 'index.html');
  writeFileSync(
    searchPage,
    readFileSync(searchPage, 'utf8').replace(/data-search-indexes="[^"]*"/u, `data-search-indexes="pagefind:${count}"`),
  );
}

/** Write an archive of `count` features built from `site` into `out` (no index). Returns the slugs. */
export function writeArchive(site: string, out: string, count: number, random: Random): string[] {
  const make = featureMaker(site, random);
  rmSync(out, { recursive: true, force: true });
  cpSync(site, out, {
    recursive: true,
    filter: (source) => !/[/\\](features|pagefind(-\d+)?)$/u.test(source),
  });
  const slugs: string[] = [];
  for (let i = 0; i < count; i++) {
    const slug = `archive-${String(i).padStart(3, '0')}`;
    writeFeature(out, slug, make.page(slug, i));
    slugs.push(slug);
  }
  declareIndex(out, count);
  return slugs;
}

/** Write an archive of `count` features built from `site` into `out`, and index it. Returns the slugs. */
export async function archiveSite(site: string, out: string, count: number, seed = 7): Promise<string[]> {
  const slugs = writeArchive(site, out, count, seeded(seed));
  await buildSearchIndex(out);
  return slugs;
}

if (import.meta.main) {
  const [site = 'dist', out = 'test-results/archive-site', count = '200'] = process.argv.slice(2);
  const started = performance.now();
  const slugs = await archiveSite(path.resolve(site), path.resolve(out), Number(count));
  console.log(
    `archive-site: ${slugs.length} features in ${out}, indexed, in ${Math.round(performance.now() - started)} ms`,
  );
}
