/**
 * Do two builds of the same content read the same? Compares every page, the feed and the
 * sitemaps of two built sites after normalising what is allowed to differ between them:
 *
 * - the names of files under /_astro/ (photo copies and bundles are named by hashes): each is
 *   replaced by the SHA-256 of the file it names, so a photo copy must be byte for byte the
 *   same image, and a style sheet the same CSS (with Astro's scoping ids below normalised);
 * - Astro's scoping attributes (data-astro-cid-…), which hash the component's file;
 * - the lightbox ids (fig-…), numbered in order of appearance on each page.
 *
 * Markup is compared as parsed: attribute order and how a character is escaped do not count;
 * every element, attribute value and text node does.
 *
 *   node bench/equivalence.ts <site-a> <site-b>
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HTMLElement, parse, TextNode, type Node } from 'node-html-parser';

const SCOPE = /data-astro-cid-[a-z0-9]+/g;
const ASSET = /\/_astro\/([^\s"'()<>?#,]+)/g;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:html|xml)$/.test(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith('pagefind'))
    .sort();
}

/** "/_astro/x.avif" → "asset:<sha-256 of the file>" (CSS with scoping ids normalised first). */
function assetHasher(site: string): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) =>
    text.replace(ASSET, (_, name: string) => {
      let hash = cache.get(name);
      if (!hash) {
        const path = join(site, '_astro', decodeURIComponent(name));
        const bytes = existsSync(path) ? readFileSync(path) : Buffer.from(`missing ${name}`);
        const content = name.endsWith('.css') ? bytes.toString('utf8').replace(SCOPE, 'data-astro-cid') : bytes;
        hash = `asset:${createHash('sha256').update(content).digest('hex').slice(0, 12)}`;
        cache.set(name, hash);
      }
      return hash;
    });
}

/** A page as canonical text: elements with sorted attributes, text as decoded. */
function canonical(html: string, assets: (text: string) => string): string[] {
  const ids = new Map<string, string>();
  const id = (value: string) =>
    value.replace(/fig-[a-z0-9]+/g, (fig) => {
      if (!ids.has(fig)) ids.set(fig, `fig-${ids.size + 1}`);
      return ids.get(fig)!;
    });
  const lines: string[] = [];
  const walk = (node: Node, depth: number) => {
    if (node instanceof TextNode) {
      const text = node.text;
      if (text !== '') lines.push(`${'  '.repeat(depth)}"${assets(id(text))}"`);
      return;
    }
    if (!(node instanceof HTMLElement)) return;
    const element = node;
    const attributes = Object.entries(element.attributes)
      .filter(([name]) => !name.startsWith('data-astro-cid'))
      .map(([name, value]) => `${name}=${JSON.stringify(assets(id(value)))}`)
      .sort();
    lines.push(`${'  '.repeat(depth)}<${element.rawTagName} ${attributes.join(' ')}>`);
    for (const child of element.childNodes) walk(child, depth + 1);
  };
  for (const child of parse(html, { comment: false, blockTextElements: { script: true, style: true } }).childNodes)
    walk(child, 0);
  return lines;
}

export interface Difference {
  file: string;
  line: number;
  a: string | undefined;
  b: string | undefined;
}

/** Every page that differs, with its first differing line. */
export function compareSites(a: string, b: string): { pages: number; differences: Difference[] } {
  const filesA = files(a);
  const filesB = new Set(files(b));
  const assetsA = assetHasher(a);
  const assetsB = assetHasher(b);
  const differences: Difference[] = [];
  for (const file of new Set([...filesA, ...filesB])) {
    if (!filesB.has(file) || !filesA.includes(file)) {
      differences.push({
        file,
        line: 0,
        a: filesA.includes(file) ? 'present' : 'missing',
        b: filesB.has(file) ? 'present' : 'missing',
      });
      continue;
    }
    const linesA = canonical(readFileSync(join(a, file), 'utf8'), assetsA);
    const linesB = canonical(readFileSync(join(b, file), 'utf8'), assetsB);
    const at = linesA.findIndex((line, i) => line !== linesB[i]);
    if (at >= 0 || linesA.length !== linesB.length) {
      const line = at >= 0 ? at : Math.min(linesA.length, linesB.length);
      differences.push({ file, line, a: linesA[line], b: linesB[line] });
    }
  }
  return { pages: filesA.length, differences };
}

if (import.meta.main) {
  const [a, b] = process.argv.slice(2);
  if (!a || !b) {
    console.error('usage: node bench/equivalence.ts <site-a> <site-b>');
    process.exit(2);
  }
  const { pages, differences } = compareSites(a, b);
  // Show each differing line from a little before where the two first part.
  const excerpt = (text: string | undefined, from: number) => (text ?? '').slice(Math.max(0, from - 80), from + 240);
  for (const d of differences) {
    let at = 0;
    while (at < (d.a?.length ?? 0) && d.a?.[at] === d.b?.[at]) at += 1;
    console.log(`✗ ${d.file} (line ${d.line})\n    a: …${excerpt(d.a, at)}\n    b: …${excerpt(d.b, at)}`);
  }
  console.log(`${pages} files compared, ${differences.length} differ`);
  process.exit(differences.length === 0 ? 0 : 1);
}
