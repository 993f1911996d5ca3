/**
 * A feature file split the way Astro splits it: the frontmatter's data exactly as Astro's
 * loader reads it, the body exactly as Astro's MDX compiler gets it — and, beside them, where
 * each frontmatter field sits in the file, so every message about a field can name its line.
 *
 * The data comes from Astro's own parser (`parseFrontmatter`, js-yaml, the one @astrojs/mdx
 * uses), so the check and the build can never read a file differently: an unquoted
 * 2019-07-01 is a date to both, a BOM or blank lines before `---` are fine to both. Lines come
 * from the `yaml` package's document, which keeps every node's position.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

/** Astro's pattern (@astrojs/internal-helpers/frontmatter): a BOM or blank lines, `---`, the YAML, `---`. */
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

export interface Frontmatter {
  /** False when the file has no `---` block at all (or its closing `---` is missing). */
  found: boolean;
  /** The fields, as Astro's loader reads them; empty when there are none or the YAML is broken. */
  data: Record<string, unknown>;
  /** The YAML is not valid: where and why (Astro refuses such a file). */
  error?: { line: number; reason: string };
  /** The body as the MDX compiler gets it: the frontmatter blanked with spaces, so offsets are file offsets. */
  body: string;
  /** The file line of the opening `---` (1 unless blank lines come first). */
  openLine: number;
  /** The file line of the closing `---`. */
  closeLine: number;
  document: Document | undefined;
  lineCounter: LineCounter;
}

const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

export function readFrontmatter(source: string): Frontmatter {
  const lineCounter = new LineCounter();
  const match = FRONTMATTER.exec(source);
  if (!match) {
    return { found: false, data: {}, body: source, openLine: 1, closeLine: 1, document: undefined, lineCounter };
  }
  const raw = match[1]!;
  // `---`, the YAML, `---`: what follows the BOM or blank lines the pattern allows first.
  const block = match[0].slice(-(raw.length + 6));
  const start = match.index + match[0].length - block.length;
  const openLine = lineAt(source, start);
  const frontmatter: Frontmatter = {
    found: true,
    data: {},
    // What @astrojs/mdx compiles: the same replacement its "empty-with-spaces" mode makes.
    body: source.replace(block, `   ${raw.replace(/[^\r\n]/g, ' ')}   `),
    openLine,
    closeLine: lineAt(source, start + block.length - 3),
    document: parseDocument(raw, { lineCounter, prettyErrors: false }),
    lineCounter,
  };
  try {
    const { frontmatter: data } = parseFrontmatter(source, { frontmatter: 'preserve' });
    frontmatter.data = data;
  } catch (error) {
    const e = error as { reason?: string; message: string; mark?: { line: number } };
    const firstLine = e.message.split('\n')[0] ?? e.message;
    // js-yaml counts lines from the `---` line (the YAML text starts right after `---`).
    frontmatter.error = { line: openLine + (e.mark?.line ?? 0), reason: e.reason ?? firstLine };
  }
  return frontmatter;
}

/**
 * The file line of a field, e.g. ['cover', 'alt'] or ['tags', 1]: the line of its key (or list
 * item). A field that is not there gives the line of the nearest enclosing one that is — for a
 * missing top-level field, the opening `---`.
 */
export function fieldLine(frontmatter: Frontmatter, path: readonly PropertyKey[]): number {
  let node: unknown = frontmatter.document?.contents;
  let offset: number | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (!pair) break;
      offset = (pair.key as { range?: [number, number, number] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  if (offset === undefined) return frontmatter.openLine;
  // The YAML text starts on the `---` line itself (right after the three dashes).
  return frontmatter.openLine + frontmatter.lineCounter.linePos(offset).line - 1;
}
