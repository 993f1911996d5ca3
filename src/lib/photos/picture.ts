/**
 * The `<picture>` of a photo: which copies it offers and what its `<img>` says, worked out the
 * way Astro's `<Picture>` and `getImage()` work it out (astro/components/Picture.astro,
 * astro/dist/assets/services/service.js), so pages read the same as when photos were imported
 * modules: the same widths, heights, srcset and sizes, only other file names.
 *
 * - Each width of `widths` is a copy at that width and the ratio of the `<img>`'s own
 *   (rounded) width and height, as Astro computes it; widths beyond the photo's own are
 *   dropped and the photo's own width added instead.
 * - The `<img>` is the copy at `width` in the fallback format; its srcset lists the same
 *   widths as the `<source>`s.
 */
import type { ImageFormat } from '../image-settings.ts';
import { derivativeName, type Photo, type PhotoTransform } from './photo.ts';

export interface PictureOptions {
  /** Formats offered as `<source>`s, best first. */
  formats: readonly ImageFormat[];
  /** The `<img>`'s format. */
  fallbackFormat: ImageFormat;
  /** The srcset widths. */
  widths: readonly number[];
  /** The `<img src>` width, which also sets its width/height attributes. */
  width: number;
}

export interface Copy {
  /** The file name of the copy (photo.ts), to be turned into a URL by the caller. */
  name: string;
  transform: PhotoTransform;
}

export interface PictureCopies {
  sources: { type: string; srcset: Copy[] }[];
  img: { src: Copy; srcset: Copy[]; width: number; height: number };
}

const copy = (photo: Photo, transform: PhotoTransform): Copy => ({ name: derivativeName(photo, transform), transform });

/** The height of `photo` scaled to `width`, as Astro rounds it. */
export const heightAt = (photo: Pick<Photo, 'width' | 'height'>, width: number): number =>
  Math.round(width / (photo.width / photo.height));

/** The srcset widths Astro keeps for a photo: none wider than the photo, which is offered instead. */
export function srcsetWidths(photo: Pick<Photo, 'width'>, widths: readonly number[]): number[] {
  let kept = [...widths].sort((a, b) => a - b);
  if (kept.length > 0 && kept.at(-1)! > photo.width) {
    kept = kept.filter((width) => width <= photo.width);
    kept.push(photo.width);
  }
  return [...new Set(kept)];
}

/** Every copy a `<picture>` of `photo` offers, and its `<img>` attributes. */
export function pictureCopies(photo: Photo, options: PictureOptions): PictureCopies {
  const widths = srcsetWidths(photo, options.widths);
  const height = heightAt(photo, options.width);
  // Not the photo's ratio: 2000×1333 shown 720×480 gives its 1600 px copy 1067 px, not 1066.
  const ratio = options.width / height;
  const srcset = (format: ImageFormat) =>
    widths.map((width) => copy(photo, { width, height: Math.round(width / ratio), format }));
  return {
    sources: options.formats.map((format) => ({ type: `image/${format}`, srcset: srcset(format) })),
    img: {
      src: copy(photo, { width: options.width, height, format: options.fallbackFormat }),
      srcset: srcset(options.fallbackFormat),
      width: options.width,
      height,
    },
  };
}

/**
 * One copy of `photo`, as `getImage()` makes it: at `width` and the photo's ratio, or cropped
 * to width × height with fit 'cover'.
 */
export function photoCopy(
  photo: Photo,
  options: { width: number; height?: number; fit?: 'cover'; format: ImageFormat; quality?: number },
): Copy & { width: number; height: number } {
  const height = options.height ?? heightAt(photo, options.width);
  const transform: PhotoTransform = {
    width: options.width,
    height,
    format: options.format,
    ...(options.fit ? { fit: options.fit } : {}),
    ...(options.quality === undefined ? {} : { quality: options.quality }),
  };
  return { ...copy(photo, transform), width: options.width, height };
}

/** A srcset attribute: "url 360w, url 720w". */
export function srcsetAttribute(copies: readonly Copy[], url: (name: string) => string): string {
  return copies.map((c) => `${url(c.name)} ${c.transform.width}w`).join(', ');
}
