/**
 * What the rules read of a feature, and what they are told about the world around it. The
 * reading itself (bytes → text → frontmatter → the body's syntax tree, parsed once) is done by
 * src/lib/features/feature.ts; the rules only look.
 */
import type { Root } from 'mdast';
import type { Diagnostic } from '../diagnostic.ts';
import { fieldLine, type Frontmatter } from '../frontmatter.ts';
import type { PhotoFacts } from '../photos.ts';
import type { Taxonomy } from '../taxonomy.ts';

export interface FeatureText {
  /** Path as shown in messages, relative to the project: content/features/<slug>/index.mdx. */
  file: string;
  /** The folder's name: the feature's address, /features/<slug>/. */
  slug: string;
  /** The file as stored. */
  bytes: Uint8Array;
  /** The file's text; bytes that are not UTF-8 read as U+FFFD (see `badLines`). */
  source: string;
  /** Lines holding bytes that are not UTF-8 (encoding.ts). */
  badLines: number[];
  frontmatter: Frontmatter;
  /** The frontmatter's fields as Astro reads them. */
  data: Record<string, unknown>;
  /** The body's syntax tree, positions in file lines; undefined when it is not valid MDX. */
  tree: Root | undefined;
  /** Set when the body is not valid MDX. */
  parseError?: { line: number; column?: number; reason: string };
}

/** What the rules know of the feature's surroundings. */
export interface RuleContext {
  /** The districts and topics a feature may name (taxonomy.ts). */
  taxonomy: Taxonomy;
  /** Every file name in the feature's folder; without it, photos are not looked for. */
  files?: readonly string[] | undefined;
  /** What is known of the photo files the feature uses, by file name; a photo not here is not judged. */
  photos?: ReadonlyMap<string, PhotoFacts> | undefined;
  /** The path the site is published under (Astro's base): "/" or "/zhuanban/". */
  base?: string | undefined;
}

/** The file line of a frontmatter field, e.g. ['cover', 'src'] or ['tags', 0]; the key's own line. */
export function frontmatterLine(feature: FeatureText, path: readonly PropertyKey[]): number {
  return fieldLine(feature.frontmatter, path);
}

type Positioned = { position?: { start: { line: number; column: number } } | undefined } | undefined;

/** A reporter for one feature's file: an error (or warning) at a node's line and column. */
export function reporter(feature: Pick<FeatureText, 'file'>, out: Diagnostic[]) {
  return (
    node: Positioned,
    code: string,
    zh: string,
    en: string,
    { severity = 'error', column = true }: { severity?: Diagnostic['severity']; column?: boolean } = {},
  ): void => {
    const start = node?.position?.start;
    out.push({
      file: feature.file,
      line: start?.line ?? 1,
      ...(start && column ? { column: start.column } : {}),
      severity,
      code,
      zh,
      en,
    });
  };
}

export type Report = ReturnType<typeof reporter>;
