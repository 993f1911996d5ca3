/**
 * The photos a feature shows — its cover and every Figure — each named as a file beside
 * index.mdx, present in the folder, an image, whole, and of a size the site can use. Each
 * finding is at the line that names the photo.
 */
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../diagnostic.ts';
import { photoPathProblem } from '../fields.ts';
import { nearest } from '../nearest.ts';
import {
  isPhotoFile,
  LARGEST_RENDERED_WIDTH,
  MAX_COMMIT_BYTES,
  MIN_WIDTH,
  STORED_LONG_EDGE,
  type PhotoFacts,
} from '../photos.ts';
import { frontmatterLine, type FeatureText, type RuleContext } from './feature.ts';

export interface PhotoReference {
  src: string;
  line: number;
  /** The cover's path is also checked in form by the schema (photoPath); a Figure's only here. */
  from: 'cover' | 'figure';
}

/** Every photo the feature names, with the line that names it, in order. */
export function photoReferences(feature: Pick<FeatureText, 'data' | 'frontmatter' | 'tree'>): PhotoReference[] {
  const out: PhotoReference[] = [];
  const cover = feature.data['cover'] as { src?: unknown } | undefined;
  if (typeof cover?.src === 'string')
    out.push({ src: cover.src, line: frontmatterLine(feature as FeatureText, ['cover', 'src']), from: 'cover' });
  if (feature.tree) {
    visit(feature.tree, (node) => {
      if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || node.name !== 'Figure') return;
      const src = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'src')?.value;
      if (typeof src === 'string') out.push({ src, line: node.position?.start.line ?? 1, from: 'figure' });
    });
  }
  return out;
}

/**
 * The file names of the photos the feature uses, each once, that are in its folder: the ones
 * whose facts the rules need (src/lib/features/source.ts reads just these).
 */
export function usedPhotoFiles(feature: Pick<FeatureText, 'data' | 'frontmatter' | 'tree'>, files: readonly string[]) {
  const present = new Set(files);
  const names = photoReferences(feature)
    .filter((reference) => !photoPathProblem(reference.src))
    .map((reference) => reference.src.slice(2));
  return [...new Set(names)].filter((name) => present.has(name));
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** What is wrong with a photo file, as findings at `line`. */
function judge(src: string, facts: PhotoFacts, at: (code: string, zh: string, en: string, warn?: boolean) => void) {
  if (facts.bytes > MAX_COMMIT_BYTES) {
    at(
      'photo-too-large',
      `${src} 有 ${mb(facts.bytes)} MB，太大，不适合提交到 git（上限 ${MAX_COMMIT_BYTES / 1024 / 1024} MB）。请导出为长边 ${STORED_LONG_EDGE} 像素的 JPEG`,
      `${src} is ${mb(facts.bytes)} MB, too large to commit (limit ${MAX_COMMIT_BYTES / 1024 / 1024} MB); export a JPEG ${STORED_LONG_EDGE} px on the long side`,
    );
    return;
  }
  const image = facts.image;
  if (!image) {
    at(
      'photo-unreadable',
      `${src} 不是能读取的图片（JPEG/PNG/WebP/AVIF）。请重新导出`,
      `${src} is not a readable image (JPEG/PNG/WebP/AVIF); export it again`,
    );
    return;
  }
  if (!image.intact) {
    at(
      'photo-damaged',
      `${src} 文件不完整或已损坏（常见于上传或复制中断），网页上会显示残缺的照片。请重新导出或重新上传这张照片`,
      `${src} is cut short or damaged (an interrupted upload or copy) and would show broken; export or upload it again`,
    );
    return;
  }
  const longEdge = Math.max(image.width, image.height);
  if (longEdge > STORED_LONG_EDGE)
    at(
      'photo-oversized',
      `${src} 长边 ${longEdge} 像素，网站最多用到 ${STORED_LONG_EDGE} 像素；原图越大，构建越占内存。运行 npm run check -- --fix 自动缩小`,
      `${src} is ${longEdge} px on its long side; the site needs at most ${STORED_LONG_EDGE} px and large originals cost build memory; \`npm run check -- --fix\` shrinks it`,
      true,
    );
  if (image.width < MIN_WIDTH)
    at(
      'photo-too-small',
      `${src} 只有 ${image.width} 像素宽，连手机上都会发虚（至少要 ${MIN_WIDTH} 像素，最好 ${LARGEST_RENDERED_WIDTH} 像素以上）。请换用原图，不要用缩略图或聊天软件里存下的图`,
      `${src} is only ${image.width} px wide and blurs even on a phone (at least ${MIN_WIDTH} px, ideally ${LARGEST_RENDERED_WIDTH}); use the original photo, not a thumbnail`,
    );
  else if (image.width < LARGEST_RENDERED_WIDTH)
    at(
      'photo-small',
      `${src} 只有 ${image.width} 像素宽，网页最宽显示 ${LARGEST_RENDERED_WIDTH} 像素，在电脑上会发虚。有原图请换用原图`,
      `${src} is ${image.width} px wide but is shown up to ${LARGEST_RENDERED_WIDTH} px; use the original photo if you have it`,
      true,
    );
}

export function checkPhotos(feature: FeatureText, { files, photos }: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (line: number, code: string, zh: string, en: string, warn = false) =>
    out.push({ file: feature.file, line, severity: warn ? 'warning' : 'error', code, zh, en });
  const photoFiles = files?.filter(isPhotoFile) ?? [];
  const judged = new Set<string>();
  for (const { src, line, from } of photoReferences(feature)) {
    const problem = photoPathProblem(src);
    if (problem) {
      // The cover's path is the schema's to report (photoPath), at the same line.
      if (from === 'figure') at(line, 'photo-path', problem.zh, problem.en);
      continue;
    }
    const name = src.slice(2);
    if (!files) continue;
    // Compared with the folder's listing, not the file system's answer: a Mac finds Photo-1.jpg
    // for ./photo-1.jpg, and the Linux build machine does not.
    if (!photoFiles.includes(name)) {
      const near = nearest(name, photoFiles).map((file) => `./${file}`);
      const folder = feature.file.replace(/\/index\.mdx$/, '/');
      at(
        line,
        'photo-missing',
        `找不到照片 ${src}${near.length ? `：是不是 ${near.join('、')}？` : ''}请把照片放进 ${folder}，或改正文件名（注意大小写和扩展名）`,
        `photo ${src} is missing${near.length ? `; did you mean ${near.join(', ')}?` : ''}: add it to ${folder} or fix the file name (case and extension matter)`,
      );
      continue;
    }
    // Each file once, at the line of its first use.
    const facts = photos?.get(name);
    if (judged.has(name) || !facts) continue;
    judged.add(name);
    judge(src, facts, (code, zh, en, warn) => {
      at(line, code, zh, en, warn);
    });
  }
  return out;
}
