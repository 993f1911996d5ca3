/**
 * The feature's text: there is some, its headings form an outline, a date to the day is
 * supported by it, and its Chinese has full-width punctuation (，not ,) — a warning, found
 * with its line and fixed in place by `npm run check -- --fix` (src/lib/check/fix.ts) wherever
 * the text maps back to the file exactly.
 */
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../diagnostic.ts';
import { findHalfWidthPunctuation, type PunctuationChange } from '../punctuation.ts';
import { frontmatterLine, reporter, type FeatureText } from './feature.ts';

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
export function findPunctuation(feature: FeatureText): PunctuationFinding[] {
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

export function checkPunctuation(feature: FeatureText): Diagnostic[] {
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

/** A date written to the day must be supported by the text: the day appears in the body or dateNote. */
export function checkDate(feature: FeatureText): Diagnostic[] {
  const date = feature.data['date'];
  const text = typeof date === 'string' ? date : date instanceof Date ? date.toISOString().slice(0, 10) : '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return [];
  const month = Number(match[2]);
  const day = Number(match[3]);
  const note = typeof feature.data['dateNote'] === 'string' ? feature.data['dateNote'] : '';
  const haystack = `${feature.source.slice(feature.source.indexOf('\n---', 3))}\n${note}`;
  const supported = haystack.includes(`${month}月${day}日`) || note.includes(text);
  if (supported) return [];
  return [
    {
      file: feature.file,
      line: frontmatterLine(feature, ['date']),
      severity: 'error',
      code: 'date-day',
      zh: `date 写到了日（${text}），但正文和 dateNote 都没有“${month}月${day}日”。不要编造日期：改成 "${match[1]}-${match[2]}"，或在 dateNote 里写明出处（如版面日期）`,
      en: `date gives a day (${text}) that neither the text nor dateNote supports; write "${match[1]}-${match[2]}", or cite the source in dateNote`,
    },
  ];
}

const hasText = (node: Nodes): boolean =>
  node.type === 'text' ? node.value.trim() !== '' : 'children' in node && node.children.some(hasText);

/** A feature must have something to read: text in its body, not only frontmatter, photos or comments. */
export function checkBody(feature: FeatureText): Diagnostic[] {
  if (!feature.tree || !feature.frontmatter.found) return [];
  if (hasText(feature.tree)) return [];
  return [
    {
      file: feature.file,
      line: feature.frontmatter.closeLine,
      severity: 'error',
      code: 'body-empty',
      zh: '正文是空的：在结尾的 --- 下面空一行，写上稿件正文',
      en: 'the body is empty: write the story below the closing ---',
    },
  ];
}

/**
 * The body's headings under the page's own title (the h1, from title:): they start at ## and
 * go down one level at a time, so the outline a screen reader lists has no second title and
 * no gap. Headings inside a component are the components rule's (a box is not a section).
 */
export function checkHeadings(feature: FeatureText): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!feature.tree) return out;
  const report = reporter(feature, out);
  let previous = 1;
  visit(feature.tree, (node) => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') return 'skip';
    if (node.type !== 'heading') return undefined;
    const marks = '#'.repeat(node.depth);
    if (node.depth === 1)
      report(
        node,
        'heading-level',
        '正文里的小标题从 ## 开始：# 是整篇的主标题（写在 title 里），正文再用 # 网页上就有了两个主标题。改成 ## 小标题',
        'headings in the body start at ##: # is the page title (title:), a second one breaks the outline; write ##',
        { column: false },
      );
    else if (node.depth > previous + 1)
      report(
        node,
        'heading-level',
        `这个 ${marks} 标题跳过了一级：${previous === 1 ? '前面还没有 ## 小标题' : `前面是 ${'#'.repeat(previous)}`}。小标题按 ##、### 逐级往下用，改成 ${'#'.repeat(previous + 1)}`,
        `this ${marks} heading skips a level (after ${previous === 1 ? 'the title' : '#'.repeat(previous)}); go down one level at a time: write ${'#'.repeat(previous + 1)}`,
        { column: false },
      );
    previous = Math.max(2, node.depth);
    return undefined;
  });
  return out;
}
