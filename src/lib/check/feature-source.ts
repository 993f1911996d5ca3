/**
 * A feature's index.mdx read for checking: its frontmatter as Astro reads it, with the line
 * of every field (src/lib/content/frontmatter.ts), and its body parsed as MDX — by the MDX
 * parser itself, so positions are exact and nothing slips past the way it could past a regex.
 */
import { createProcessor } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import { fieldLine, readFrontmatter, type Frontmatter } from '../content/frontmatter.ts';
import { decodeUtf8 } from './encoding.ts';

export interface FeatureSource {
  /** Path as shown in messages, relative to the project. */
  file: string;
  folder: string;
  slug: string;
  /** The file as stored. */
  bytes: Uint8Array;
  /** The file's text; bytes that are not UTF-8 read as U+FFFD (see `badLines`). */
  source: string;
  /** Lines holding bytes that are not UTF-8 (src/lib/check/encoding.ts). */
  badLines: number[];
  frontmatter: Frontmatter;
  /** The frontmatter's fields as Astro reads them. */
  data: Record<string, unknown>;
  tree: Root | undefined;
  /** Set when the body is not valid MDX. */
  parseError?: { line: number; column?: number; reason: string };
}

export interface ReadOptions {
  /** Parse the body as MDX (default). Without it only the frontmatter is read: enough for the draft flag, and much faster. */
  body?: boolean;
}

export function readFeatureSource(
  file: string,
  folder: string,
  slug: string,
  contents: string | Uint8Array,
  { body: parseBody = true }: ReadOptions = {},
): FeatureSource {
  const { text: source, badLines } =
    typeof contents === 'string' ? { text: contents, badLines: [] } : decodeUtf8(contents);
  const frontmatter = readFrontmatter(source);
  const feature: FeatureSource = {
    file,
    folder,
    slug,
    bytes: typeof contents === 'string' ? Buffer.from(contents) : contents,
    source,
    badLines,
    frontmatter,
    data: frontmatter.data,
    tree: undefined,
  };
  if (!parseBody) return feature;
  try {
    feature.tree = createProcessor().parse(frontmatter.body);
  } catch (error) {
    const e = error as {
      line?: number;
      column?: number;
      place?: {
        line?: number;
        column?: number;
        start?: { line: number; column: number };
      };
      reason?: string;
      message: string;
    };
    const place = e.place && 'start' in e.place ? e.place.start : e.place;
    feature.parseError = {
      line: place?.line ?? e.line ?? 1,
      ...(place?.column ? { column: place.column } : {}),
      reason: e.reason ?? e.message,
    };
  }
  return feature;
}

/** The file line of a frontmatter field, e.g. ['cover', 'src'] or ['tags', 0]; the key's own line. */
export function frontmatterLine(feature: FeatureSource, path: readonly PropertyKey[]): number {
  return fieldLine(feature.frontmatter, path);
}
