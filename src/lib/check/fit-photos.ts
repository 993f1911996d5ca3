/**
 * `npm run check -- --fix` for photos: a photo longer than STORED_LONG_EDGE on its long side is
 * shrunk to it in place, upright (EXIF orientation applied) and with its colour profile kept.
 * Other metadata (camera, GPS position) is dropped; the credit lives in the MDX.
 */
import { existsSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { photoPathProblem } from '../content/fields.ts';
import { STORED_LONG_EDGE } from '../content/photos.ts';
import type { FeatureText } from '../content/rules/feature.ts';
import { photoReferences } from '../content/rules/photos.ts';

export interface FittedPhoto {
  /** The photo as the MDX names it, e.g. ./photo-2.jpg. */
  src: string;
  before: { width: number; height: number; bytes: number };
  after: { width: number; height: number; bytes: number };
}

/**
 * The same format again, at a quality high enough that the site's own encodes (AVIF q56,
 * WebP q80) see no difference: this file is the new original.
 */
function reencode(image: Sharp, format: string | undefined): Sharp {
  if (format === 'png') return image.png();
  if (format === 'webp') return image.webp({ quality: 92 });
  if (format === 'avif' || format === 'heif') return image.avif({ quality: 80 });
  return image.jpeg({ quality: 90, mozjpeg: true });
}

/** Shrink one photo if it is larger than `longEdge`; undefined when it is not. */
export async function fitPhoto(
  path: string,
  longEdge = STORED_LONG_EDGE,
): Promise<Omit<FittedPhoto, 'src'> | undefined> {
  const { autoOrient, format } = await sharp(path).metadata();
  if (Math.max(autoOrient.width, autoOrient.height) <= longEdge) return undefined;
  const bytes = statSync(path).size;
  const resized = sharp(path)
    .autoOrient()
    .resize({ width: longEdge, height: longEdge, fit: 'inside', withoutEnlargement: true })
    .keepIccProfile();
  // Write beside the photo and rename over it, so an interrupted run never leaves half a photo.
  const temporary = `${path}.fitting-${process.pid}`;
  const info = await reencode(resized, format).toFile(temporary);
  renameSync(temporary, path);
  return {
    before: { width: autoOrient.width, height: autoOrient.height, bytes },
    after: { width: info.width, height: info.height, bytes: info.size },
  };
}

/** Shrink every oversized photo a feature in `folder` uses (cover and Figures), each file once. */
export async function fitPhotos(
  feature: FeatureText,
  folder: string,
  longEdge = STORED_LONG_EDGE,
): Promise<FittedPhoto[]> {
  const fitted: FittedPhoto[] = [];
  const seen = new Set<string>();
  for (const { src } of photoReferences(feature)) {
    const path = join(folder, src);
    if (seen.has(src) || photoPathProblem(src) || !existsSync(path)) continue;
    seen.add(src);
    const result = await fitPhoto(path, longEdge);
    if (result) fitted.push({ src, ...result });
  }
  return fitted;
}
