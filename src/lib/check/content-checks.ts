/**
 * What the schema cannot see, per feature: photos that are missing, Figures without alt text
 * or caption, half-width punctuation in Chinese text, and a date more precise than the text.
 * Each finding names the file and line.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { findHalfWidthPunctuation, type PunctuationChange } from '../import/punctuation.ts';
import type { Diagnostic } from './diagnostic.ts';
import { frontmatterLine, type FeatureSource } from './feature-source.ts';

type Element = MdxJsxFlowElement | MdxJsxTextElement;
const attr = (node: Element, name: string): MdxJsxAttribute | undefined =>
  node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);

/** Every image the feature uses, with the line that names it. */
export function referencedImages(feature: FeatureSource): { src: string; line: number }[] {
  const images: { src: string; line: number }[] = [];
  const cover = feature.data['cover'] as { src?: unknown } | undefined;
  if (typeof cover?.src === 'string')
    images.push({
      src: cover.src,
      line: frontmatterLine(feature, ['cover', 'src']),
    });
  if (feature.tree) {
    visit(feature.tree, (node) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Figure') {
        const src = attr(node, 'src')?.value;
        if (typeof src === 'string') images.push({ src, line: node.position?.start.line ?? 1 });
      }
    });
  }
  return images;
}

export function checkFigures(feature: FeatureSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (line: number, severity: Diagnostic['severity'], code: string, zh: string, en: string) =>
    out.push({ file: feature.file, line, severity, code, zh, en });
  for (const image of referencedImages(feature)) {
    if (!image.src.startsWith('./') || image.src.slice(2).includes('/')) {
      at(
        image.line,
        'error',
        'photo-path',
        `图片路径“${image.src}”无效：照片放在稿件文件夹里，写成 ./photo-1.jpg 这样`,
        `image path "${image.src}": photos live beside index.mdx, written as ./photo-1.jpg`,
      );
    } else if (!existsSync(join(feature.folder, image.src))) {
      at(
        image.line,
        'error',
        'photo-missing',
        `找不到照片 ${image.src}：请把照片放进 ${feature.folder}/，或改正文件名（注意大小写和扩展名）`,
        `photo ${image.src} is missing: add it to the feature folder or fix the file name (case and extension matter)`,
      );
    }
  }
  if (!feature.tree) return out;
  visit(feature.tree, (node) => {
    if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || node.name !== 'Figure') return;
    const line = node.position?.start.line ?? 1;
    if (!attr(node, 'src'))
      at(
        line,
        'error',
        'figure-src',
        '<Figure> 缺少 src：写上照片文件名，如 src="./photo-2.jpg"',
        '<Figure> has no src: name the photo, e.g. src="./photo-2.jpg"',
      );
    const alt = attr(node, 'alt')?.value;
    if (typeof alt !== 'string' || alt.trim() === '') {
      at(
        line,
        'error',
        'figure-alt',
        '<Figure> 缺少 alt（替代文本）：用一句话写照片里有什么，供看不见图片的读者使用',
        '<Figure> has no alt text: describe in one sentence what the photo shows',
      );
    }
    const caption = attr(node, 'caption')?.value;
    if (typeof caption !== 'string' || caption.trim() === '') {
      at(
        line,
        'warning',
        'figure-caption',
        '<Figure> 没有图注（caption）：报纸上的照片都有图注，请照版面补上',
        '<Figure> has no caption: add the caption printed with the photo',
      );
    }
  });
  return out;
}

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

/** A date written to the day must be supported by the text: the day appears in the body or dateNote. */
export function checkDate(feature: FeatureSource): Diagnostic[] {
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
