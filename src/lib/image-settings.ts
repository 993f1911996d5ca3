/**
 * How every photo on the site is encoded: one place, chosen by measurement.
 *
 * The figures behind these defaults are in bench/README.md ("Image formats"), produced by
 * `node bench/images.ts`: at equal visual quality (SSIM against the resized original),
 * AVIF is the smaller file and WebP the much cheaper encode. Change a format here and
 * every Figure, cover and card follows; re-run the benchmark before changing a number.
 */

/**
 * The formats offered, best first. The LAST one is also the `<img>` fallback, so no extra
 * JPEG set is encoded for browsers that support neither (every browser with `<picture>`
 * since 2020 shows WebP). `['webp']` alone is the one-line switch to a WebP-only site, about
 * ten times cheaper to build than AVIF at a slightly higher page weight.
 */
export const IMAGE_FORMATS = ['avif', 'webp'] as const satisfies readonly ImageFormat[];

export type ImageFormat = 'avif' | 'webp' | 'jpeg';

/**
 * Encoder settings handed to Astro's sharp service (astro.config.mjs `image.service.config`).
 * quality is what a reader sees; effort is build time only. See bench/README.md for why.
 */
export const IMAGE_ENCODER = {
  // Effort 0, not sharp's default 4: at equal SSIM its files are within 2–5% of effort 2 and
  // 15–20% larger than effort 4, for a quarter and a thirtieth of the CPU; it encodes about as
  // fast as WebP and still beats WebP q80 by 5–18% in bytes. q56 meets WebP q80's SSIM at
  // 720–1080 px (q52 at 1080, q58 at 720). Figures: bench/README.md, "Image formats".
  // Astro's image cache key does not include these options: after changing them, delete
  // node_modules/.astro/assets (or the CI cache) so existing photos are re-encoded.
  avif: { quality: 56, effort: 0 },
  webp: { quality: 80, effort: 4 },
  jpeg: { quality: 80, mozjpeg: true },
};

/**
 * Widths every inline photo and cover is encoded at: 100vw on phones (360–430 px at 2–3×),
 * the 42.75rem text column and the 58.75rem wide column at 1× and 2×. Components pick from
 * this list (a card uses the first two) so one encode serves every place a photo appears.
 */
export const IMAGE_WIDTHS = [360, 720, 1080, 1440];

/**
 * The `<img src>` width: what a browser that ignores srcset gets, and the width/height
 * attributes. Without it <Picture> would point `src` at the full-size original.
 */
export const FALLBACK_WIDTH = 720;

/** `<Picture>` props for IMAGE_FORMATS: the best formats as <source>s, the last as the <img>. */
export function pictureFormats(formats: readonly ImageFormat[] = IMAGE_FORMATS): {
  formats: ImageFormat[];
  fallbackFormat: ImageFormat;
} {
  const fallbackFormat = formats.at(-1);
  if (!fallbackFormat) throw new Error('IMAGE_FORMATS must name at least one format, e.g. ["webp"]');
  return { formats: formats.slice(0, -1), fallbackFormat };
}
