/**
 * Every rule of the content contract for one feature, each written once. What reads a feature
 * (src/lib/features/feature.ts) runs these on its one parse, for `npm run check`, the features
 * loader and the editors' desk alike; the rules that need the compiled page (a link's #anchor)
 * or the whole collection (links to other pages, duplicate titles) are in links.ts and
 * collection.ts. Plain TypeScript, nothing read from disk: what the folder holds comes in the
 * context.
 */
import type { Diagnostic } from '../diagnostic.ts';
import { checkEncoding } from '../encoding.ts';
import { contentSchema } from '../taxonomy.ts';
import { checkComponents } from './components.ts';
import type { FeatureText, RuleContext } from './feature.ts';
import { checkFrontmatter } from './frontmatter.ts';
import { checkLinks, type SiteLink } from './links.ts';
import { guardMdx } from './mdx-guard.ts';
import { mdxSyntaxError } from './mdx-syntax.ts';
import { checkPhotos } from './photos.ts';
import { checkBody, checkDate, checkHeadings, checkPunctuation } from './text.ts';

/** The contract's schema for a taxonomy, made once per taxonomy: zod schemas are costly to build. */
const schemas = new WeakMap<RuleContext['taxonomy'], ReturnType<typeof contentSchema>>();

export function checkFeatureText(feature: FeatureText, context: RuleContext): Diagnostic[] {
  let schema = schemas.get(context.taxonomy);
  if (!schema) schemas.set(context.taxonomy, (schema = contentSchema(context.taxonomy)));
  const out: Diagnostic[] = checkFrontmatter(feature, schema);
  const encoding = checkEncoding(feature.file, feature.bytes, feature);
  // Without its --- lines the frontmatter reads as body text: anything found there follows from that.
  if (!feature.frontmatter.found) return [...encoding, ...out];
  const syntax = mdxSyntaxError(feature);
  if (syntax) out.push(syntax);
  out.push(
    ...guardMdx(feature),
    ...checkComponents(feature),
    ...checkHeadings(feature),
    ...checkPhotos(feature, context),
    ...checkBody(feature),
    ...checkPunctuation(feature),
    ...checkDate(feature),
  );
  return [...encoding, ...besideGarbledLines(feature, out)];
}

/** A line with bytes that are not UTF-8 gets that one message: the rest is what the garbled text caused. */
function besideGarbledLines(feature: FeatureText, diagnostics: Diagnostic[]): Diagnostic[] {
  const bad = new Set(feature.badLines);
  return bad.size ? diagnostics.filter((d) => !bad.has(d.line)) : diagnostics;
}

/** The feature's links to its own headings, against the ids its compiled page gives them. */
export function checkAnchors(
  feature: FeatureText,
  links: readonly SiteLink[],
  anchors: readonly string[],
  base?: string,
): Diagnostic[] {
  return besideGarbledLines(feature, checkLinks(feature.file, feature.slug, links, { anchors, base: base ?? '/' }));
}
