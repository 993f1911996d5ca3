/**
 * `npm run check -- --fix` for text: half-width punctuation in Chinese text made full-width,
 * wherever the contract's rule (src/lib/content/rules/text.ts) found it at a place of the
 * file that maps back exactly.
 */
import type { FeatureText } from '../content/rules/feature.ts';
import { findPunctuation } from '../content/rules/text.ts';

/** The file's text with the fixes of `findPunctuation` applied, and how many there were. */
export function fixPunctuation(feature: FeatureText): { source: string; fixed: number } {
  const fixes = findPunctuation(feature)
    .flatMap((f) => f.fixes)
    .sort((a, b) => b.offset - a.offset);
  let source = feature.source;
  for (const fix of fixes) source = source.slice(0, fix.offset) + fix.to + source.slice(fix.offset + 1);
  return { source, fixed: fixes.length };
}
