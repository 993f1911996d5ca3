/**
 * Photo files: big enough for the widest place the site shows them, and not so big that
 * git (or the merge request) chokes on them or the build runs out of memory. Git hosts refuse
 * files over 100 MB and warn at 50 MB: a scan or a RAW is an error. A camera original (5–15 MB)
 * is a warning that `npm run check -- --fix` resolves by shrinking it (fit-photos.ts).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Diagnostic } from './diagnostic.ts';
import { photoPathProblem } from '../content/fields.ts';
import { referencedImages } from './content-checks.ts';
import type { FeatureSource } from './feature-source.ts';

/** The largest width a photo is rendered at (Figure's widest srcset entry, 1080 px; the cover at 2× a 42rem column ≈ 1344). */
export const LARGEST_RENDERED_WIDTH = 1344;
/**
 * Below this a photo is blurred even on a phone, where most readers are: a full-width photo on
 * a 360 px screen at 2× needs 720 px. A thumbnail saved from a web page or a chat is an error;
 * between this and LARGEST_RENDERED_WIDTH, soft only on wide screens, a warning.
 */
export const MIN_WIDTH = 720;
export const MAX_COMMIT_BYTES = 20 * 1024 * 1024;
/**
 * The long side a photo is kept at. The widest the site shows one is the 1,600 px lightbox;
 * a camera original (4,000–6,000 px, 5–15 MB) adds nothing a reader sees, and Astro holds
 * every original in memory while it bundles, so an archive of them outgrows the build
 * machine (bench/README.md, "Distinct photos"). `npm run check -- --fix` shrinks to this.
 */
export const STORED_LONG_EDGE = 2400;

export interface LocalPhoto {
  /** As the feature names it: ./photo-2.jpg. */
  src: string;
  /** The line of its first mention (cover or Figure). */
  line: number;
  path: string;
  bytes: number;
}

/**
 * The photo files a feature uses, each once: `./name` references to files that exist. Other
 * paths and missing files are reported by checkFigures (photo-path, photo-missing).
 */
export function localPhotos(feature: FeatureSource): LocalPhoto[] {
  const photos: LocalPhoto[] = [];
  const seen = new Set<string>();
  for (const { src, line } of referencedImages(feature)) {
    if (seen.has(src) || photoPathProblem(src)) continue;
    seen.add(src);
    const path = join(feature.folder, src);
    try {
      photos.push({ src, line, path, bytes: statSync(path).size });
    } catch {
      // missing: photo-missing
    }
  }
  return photos;
}

export async function checkImages(feature: FeatureSource): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const image of localPhotos(feature)) {
    const { path, bytes: size } = image;
    const mb = (size / 1024 / 1024).toFixed(1);
    if (size > MAX_COMMIT_BYTES) {
      out.push({
        file: feature.file,
        line: image.line,
        severity: 'error',
        code: 'photo-too-large',
        zh: `${image.src} 有 ${mb} MB，太大，不适合提交到 git（上限 ${MAX_COMMIT_BYTES / 1024 / 1024} MB）。请导出为长边 ${STORED_LONG_EDGE} 像素的 JPEG`,
        en: `${image.src} is ${mb} MB, too large to commit (limit ${MAX_COMMIT_BYTES / 1024 / 1024} MB); export a JPEG ${STORED_LONG_EDGE} px on the long side`,
      });
      continue;
    }
    try {
      // As shown: a phone's portrait photo is stored landscape with an EXIF "rotate 90°".
      const { autoOrient } = await sharp(path).metadata();
      const { width } = autoOrient;
      const longEdge = Math.max(autoOrient.width, autoOrient.height);
      if (longEdge > STORED_LONG_EDGE) {
        out.push({
          file: feature.file,
          line: image.line,
          severity: 'warning',
          code: 'photo-oversized',
          zh: `${image.src} 长边 ${longEdge} 像素，网站最多用到 ${STORED_LONG_EDGE} 像素；原图越大，构建越占内存。运行 npm run check -- --fix 自动缩小`,
          en: `${image.src} is ${longEdge} px on its long side; the site needs at most ${STORED_LONG_EDGE} px and large originals cost build memory; \`npm run check -- --fix\` shrinks it`,
        });
      }
      if (width < MIN_WIDTH) {
        out.push({
          file: feature.file,
          line: image.line,
          severity: 'error',
          code: 'photo-too-small',
          zh: `${image.src} 只有 ${width} 像素宽，连手机上都会发虚（至少要 ${MIN_WIDTH} 像素，最好 ${LARGEST_RENDERED_WIDTH} 像素以上）。请换用原图，不要用缩略图或聊天软件里存下的图`,
          en: `${image.src} is only ${width} px wide and blurs even on a phone (at least ${MIN_WIDTH} px, ideally ${LARGEST_RENDERED_WIDTH}); use the original photo, not a thumbnail`,
        });
      } else if (width < LARGEST_RENDERED_WIDTH) {
        out.push({
          file: feature.file,
          line: image.line,
          severity: 'warning',
          code: 'photo-small',
          zh: `${image.src} 只有 ${width} 像素宽，网页最宽显示 ${LARGEST_RENDERED_WIDTH} 像素，在电脑上会发虚。有原图请换用原图`,
          en: `${image.src} is ${width} px wide but is shown up to ${LARGEST_RENDERED_WIDTH} px; use the original photo if you have it`,
        });
      }
    } catch {
      out.push({
        file: feature.file,
        line: image.line,
        severity: 'error',
        code: 'photo-unreadable',
        zh: `${image.src} 不是能读取的图片（JPEG/PNG/WebP/AVIF）。请重新导出`,
        en: `${image.src} is not a readable image (JPEG/PNG/WebP/AVIF); export it again`,
      });
    }
  }
  return out;
}
