/**
 * What the schema cannot see, per feature: photos that are missing, Figures without alt text
 * or caption, a body with nothing to read, and a date more precise than the text.
 * Each finding names the file and line.
 */
import { readdirSync } from 'node:fs';
import type { Nodes } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { photoPathProblem } from '../content/fields.ts';
import { nearest } from '../content/nearest.ts';
import type { Diagnostic } from './diagnostic.ts';
import { frontmatterLine, type FeatureSource } from './feature-source.ts';

type Element = MdxJsxFlowElement | MdxJsxTextElement;
const attr = (node: Element, name: string): MdxJsxAttribute | undefined =>
  node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);

export interface ImageReference {
  src: string;
  line: number;
  /** The cover's path is also checked in form by the schema (photoPath); a Figure's only here. */
  from: 'cover' | 'figure';
}

/** Every image the feature uses, with the line that names it. */
export function referencedImages(feature: FeatureSource): ImageReference[] {
  const images: ImageReference[] = [];
  const cover = feature.data['cover'] as { src?: unknown } | undefined;
  if (typeof cover?.src === 'string')
    images.push({ src: cover.src, line: frontmatterLine(feature, ['cover', 'src']), from: 'cover' });
  if (feature.tree) {
    visit(feature.tree, (node) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Figure') {
        const src = attr(node, 'src')?.value;
        if (typeof src === 'string') images.push({ src, line: node.position?.start.line ?? 1, from: 'figure' });
      }
    });
  }
  return images;
}

/** The photo files in a feature's folder, for "did you mean". */
function photoFiles(folder: string): string[] {
  try {
    return readdirSync(folder).filter((name) => /\.(?:jpe?g|png|webp|avif)$/i.test(name));
  } catch {
    return [];
  }
}

export function checkFigures(feature: FeatureSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (line: number, severity: Diagnostic['severity'], code: string, zh: string, en: string) =>
    out.push({ file: feature.file, line, severity, code, zh, en });
  for (const image of referencedImages(feature)) {
    const problem = photoPathProblem(image.src);
    if (problem) {
      if (image.from === 'figure') at(image.line, 'error', 'photo-path', problem.zh, problem.en);
    } else if (!photoFiles(feature.folder).includes(image.src.slice(2))) {
      // Compared with the folder's listing, not the file system's answer: a Mac finds Photo-1.jpg
      // for ./photo-1.jpg, and the Linux build machine does not.
      const near = nearest(image.src.slice(2), photoFiles(feature.folder)).map((name) => `./${name}`);
      const folder = feature.file.replace(/\/index\.mdx$/, '/');
      at(
        image.line,
        'error',
        'photo-missing',
        `找不到照片 ${image.src}${near.length ? `：是不是 ${near.join('、')}？` : ''}请把照片放进 ${folder}，或改正文件名（注意大小写和扩展名）`,
        `photo ${image.src} is missing${near.length ? `; did you mean ${near.join(', ')}?` : ''}: add it to ${folder} or fix the file name (case and extension matter)`,
      );
    }
  }
  if (!feature.tree) return out;
  visit(feature.tree, (node) => {
    if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || node.name !== 'Figure') return;
    const line = node.position?.start.line ?? 1;
    // Written bare (`<Figure src … />`) is reported by checkComponentProps.
    if (!attr(node, 'src'))
      at(
        line,
        'error',
        'figure-src',
        '<Figure> 缺少 src：写上照片文件名，如 src="./photo-2.jpg"',
        '<Figure> has no src: name the photo, e.g. src="./photo-2.jpg"',
      );
    const alt = attr(node, 'alt');
    if (!alt || (typeof alt.value === 'string' && alt.value.trim() === '')) {
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

/** A feature must have something to read: text in its body, not only frontmatter, photos or comments. */
export function checkBody(feature: FeatureSource): Diagnostic[] {
  if (!feature.tree || !feature.frontmatter.found) return [];
  const hasText = (node: Nodes): boolean =>
    node.type === 'text' ? node.value.trim() !== '' : 'children' in node && node.children.some(hasText);
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
