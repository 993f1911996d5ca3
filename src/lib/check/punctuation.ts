/**
 * Half-width punctuation in Chinese text (，not ,): found with its line, and fixed in place by
 * `npm run check -- --fix` wherever the text maps back to the file exactly.
 */
import { visit } from 'unist-util-visit';
import { findHalfWidthPunctuation, type PunctuationChange } from '../import/punctuation.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { FeatureSource } from './feature-source.ts';

export interface PunctuationFinding {
  line: number;
  column: number;
  /** File offsets to replace, for --fix; empty when the text cannot be mapped back safely. */
  fixes: { offset: number; to: string }[];
  sample: string;
}

const offsetToPosition = (source: string, offset: number) => {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
};

/** Half-width punctuation in body text and in the frontmatter's reader-facing strings. */
export function findPunctuation(feature: FeatureSource): PunctuationFinding[] {
  const findings: PunctuationFinding[] = [];
  const scan = (text: string, start: number | undefined) => {
    const changes: PunctuationChange[] = findHalfWidthPunctuation(text);
    if (!changes.length) return;
    // Only a span whose source is exactly its text can be fixed in place (no escapes, no quotes).
    const mappable = start !== undefined && feature.source.slice(start, start + text.length) === text;
    for (const change of changes) {
      const offset = (start ?? 0) + change.index;
      const { line, column } = start !== undefined ? offsetToPosition(feature.source, offset) : { line: 1, column: 0 };
      findings.push({
        line,
        column,
        fixes: mappable ? [{ offset, to: change.to }] : [],
        sample: text.slice(Math.max(0, change.index - 6), change.index + 6),
      });
    }
  };
  if (feature.tree) {
    visit(feature.tree, (node) => {
      if (node.type === 'text') scan(node.value, node.position?.start.offset);
    });
  }
  // Frontmatter strings: offsets in the YAML start after the opening "---\n".
  const yamlStart = feature.source.indexOf('\n') + 1;
  for (const key of ['title', 'kicker', 'subtitle', 'summary']) {
    const value = feature.data[key];
    if (typeof value !== 'string') continue;
    const at = feature.source.indexOf(value, yamlStart);
    scan(value, at >= 0 ? at : undefined);
  }
  return findings;
}

export function checkPunctuation(feature: FeatureSource): Diagnostic[] {
  return findPunctuation(feature).map((f) => ({
    file: feature.file,
    line: f.line,
    column: f.column,
    severity: 'warning' as const,
    code: 'punctuation',
    zh: `中文里用了半角标点：“${f.sample}”。运行 npm run check -- --fix 自动改成全角`,
    en: 'half-width punctuation in Chinese text; `npm run check -- --fix` turns it full-width',
  }));
}

/** Applies the fixes of `findPunctuation` to the source text. */
export function fixPunctuation(feature: FeatureSource): {
  source: string;
  fixed: number;
} {
  const fixes = findPunctuation(feature)
    .flatMap((f) => f.fixes)
    .sort((a, b) => b.offset - a.offset);
  let source = feature.source;
  for (const fix of fixes) source = source.slice(0, fix.offset) + fix.to + source.slice(fix.offset + 1);
  return { source, fixed: fixes.length };
}
