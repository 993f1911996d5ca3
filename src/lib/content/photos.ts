/**
 * What the contract asks of a photo file: big enough for the widest place the site shows it,
 * not so big that git (or the merge request) chokes on it or the build runs out of memory,
 * and whole. Git hosts refuse files over 100 MB and warn at 50 MB: a scan or a RAW is an
 * error. A camera original (5–15 MB) is a warning that `npm run check -- --fix` resolves by
 * shrinking it (src/lib/check/fit-photos.ts).
 */

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
 * a camera original (4,000–6,000 px, 5–15 MB) adds nothing a reader sees, and the build holds
 * originals in memory while it encodes, so an archive of them outgrows the build machine
 * (bench/README.md, "Distinct photos"). `npm run check -- --fix` shrinks to this.
 */
export const STORED_LONG_EDGE = 2400;

/** What is known of a photo file (src/lib/photos reads it; the editors' desk may too). */
export interface PhotoFacts {
  bytes: number;
  /** Undefined when the file is not an image (or too large to open: MAX_COMMIT_BYTES). */
  image?:
    | {
        /** As shown: EXIF orientation applied. */
        width: number;
        height: number;
        /** Decodes to its last pixel: false for a file cut short (an interrupted upload) or damaged. */
        intact: boolean;
      }
    | undefined;
}

const PHOTO_EXTENSIONS = /\.(?:jpe?g|png|webp|avif)$/i;

/** Is this file name one of a photo (a format the site encodes)? */
export const isPhotoFile = (name: string): boolean => PHOTO_EXTENSIONS.test(name);
