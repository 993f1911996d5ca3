/**
 * A feature read once: its bytes decoded, its frontmatter read with the line of every field,
 * its body parsed once (compile.ts's parser) — and on that one parse, every rule of the content
 * contract (src/lib/content/rules) and the compile to the page's tree. `npm run check`, the
 * features loader and the editors' desk all read features through here, so what the check
 * accepts is what the loader compiles: the same rules on the same tree.
 *
 * Plain TypeScript with nothing read from disk (source.ts reads the folders), so it runs in a
 * browser too: `checkFeatureSource` is the editors' desk's whole check of one feature.
 */
import type { Root as HastRoot } from 'hast';
import { sortDiagnostics, type Diagnostic } from '../content/diagnostic.ts';
import { decodeUtf8 } from '../content/encoding.ts';
import { readFrontmatter } from '../content/frontmatter.ts';
import { checkCollection, type FeatureSummary } from '../content/rules/collection.ts';
import { frontmatterLine, type FeatureText, type RuleContext } from '../content/rules/feature.ts';
import { checkAnchors, checkFeatureText } from '../content/rules/index.ts';
import { siteLinks } from '../content/rules/links.ts';
import { headingIds, parseBody, toHast } from './compile.ts';

export interface FeatureInput {
  /** The file as messages name it: content/features/<slug>/index.mdx. */
  file: string;
  slug: string;
  /** index.mdx as stored (bytes), or as text. */
  contents: string | Uint8Array;
}

/** The feature's text, frontmatter and — unless `body` is false — its body's syntax tree. */
export function readFeatureText({ file, slug, contents }: FeatureInput, { body = true } = {}): FeatureText {
  const bytes = typeof contents === 'string' ? new TextEncoder().encode(contents) : contents;
  const { text: source, badLines } =
    typeof contents === 'string' ? { text: contents, badLines: [] } : decodeUtf8(bytes);
  const frontmatter = readFrontmatter(source);
  const feature: FeatureText = {
    file,
    slug,
    bytes,
    source,
    badLines,
    frontmatter,
    data: frontmatter.data,
    tree: undefined,
  };
  if (!body) return feature;
  try {
    feature.tree = parseBody(frontmatter.body);
  } catch (error) {
    const e = error as {
      line?: number;
      place?: { line?: number; column?: number; start?: { line: number; column: number } };
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

export interface CheckedFeature {
  text: FeatureText;
  /** Every finding of the rules that look at this feature alone, unsorted. */
  diagnostics: Diagnostic[];
  /** What the rules across features need of it (collection.ts). */
  summary: FeatureSummary;
  /** The page's HTML tree (compile.ts's toBody makes the stored body of it); none without a body. */
  hast: HastRoot | undefined;
}

/**
 * The rules over `text`, then its compile — which needs nothing the rules did not see, and
 * gives the heading ids a link's #anchor must name. The compile takes the syntax tree over.
 */
export function checkFeature(text: FeatureText, context: RuleContext): CheckedFeature {
  const diagnostics = checkFeatureText(text, context);
  const links = siteLinks(text);
  const hast = text.tree && text.frontmatter.found ? toHast(text.tree, text.file, context.base) : undefined;
  const anchors = hast ? headingIds(hast) : [];
  diagnostics.push(...checkAnchors(text, links, anchors, context.base));
  const { title, draft, district, tags } = text.data;
  return {
    text,
    diagnostics,
    hast,
    summary: {
      file: text.file,
      slug: text.slug,
      title: typeof title === 'string' ? title : undefined,
      titleLine: frontmatterLine(text, ['title']),
      draft: draft === true,
      district: typeof district === 'string' ? district : undefined,
      tags: Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [],
      links,
      anchors,
    },
  };
}

/**
 * Everything the contract says of one feature's text, sorted by line: what the editors' desk
 * calls as an editor types. `context` gives the districts and topics (parseTaxonomy), the file
 * names in its folder and what is known of its photos; with `others` — the summaries of the
 * other features — its links to their pages and its title are checked against them too.
 */
export function checkFeatureSource(
  input: FeatureInput,
  context: RuleContext & { others?: readonly FeatureSummary[] | undefined },
): Diagnostic[] {
  const checked = checkFeature(readFeatureText(input), context);
  const across = context.others
    ? checkCollection(
        [...context.others.filter((other) => other.slug !== input.slug), checked.summary],
        context.taxonomy,
        context.base,
      ).filter((d) => d.file === input.file)
    : [];
  return sortDiagnostics([...checked.diagnostics, ...across]);
}
