/**
 * A feature's photo as the site knows it once the features loader has read it: the path the
 * editor wrote, the hash of its bytes, and its size as shown (after EXIF orientation).
 *
 * Every resized copy of a photo is named by that hash and the transform that made it
 * (`derivativeName`), so a URL is a pure function of (photo bytes, width, height, format,
 * encoder settings): a rebuild finds every copy it needs already encoded in the cache, and a
 * replaced photo gets new URLs, never a stale file under an old one.
 */
import { createHash } from 'node:crypto';
import { IMAGE_ENCODER, type ImageFormat } from '../image-settings.ts';

export interface Photo {
  /** The file beside index.mdx as the editor wrote it: "./photo-1.jpg". */
  src: string;
  /** The file's content hash (contentHash): its git blob id, shortened. */
  hash: string;
  /** Width and height as a reader sees it: EXIF orientation applied. */
  width: number;
  height: number;
  /** The file's format as sharp reads it: jpeg, png, webp, avif… */
  format: string;
}

/** Where resized photos are published: Astro's own asset folder, beside the CSS and scripts. */
export const PHOTO_DIR = '_astro';

/** What one resized copy of a photo is: the same fields Astro's image service takes. */
export interface PhotoTransform {
  width: number;
  height: number;
  format: ImageFormat;
  /** Overrides IMAGE_ENCODER's quality for this copy (search thumbnails, the share image). */
  quality?: number | undefined;
  /** 'cover' crops to width × height; without it the photo is scaled and keeps its ratio. */
  fit?: 'cover' | undefined;
}

/** The encoder options a transform is encoded with: IMAGE_ENCODER's for its format, with its quality. */
export function encoderOptions(transform: Pick<PhotoTransform, 'format' | 'quality'>): Record<string, unknown> {
  return {
    ...IMAGE_ENCODER[transform.format],
    ...(transform.quality === undefined ? {} : { quality: transform.quality }),
  };
}

const digests = new Map<string, string>();
/** Six hex digits of the encoder options: a handful of distinct ones per build, each hashed once. */
function settingsDigest(options: Record<string, unknown>): string {
  const text = JSON.stringify(options);
  let digest = digests.get(text);
  if (digest === undefined) {
    digest = createHash('sha256').update(text).digest('hex').slice(0, 6);
    digests.set(text, digest);
  }
  return digest;
}

/** Hex digits of a photo's content hash that name its copies (64 bits). */
export const CONTENT_HASH_LENGTH = 16;

/**
 * A photo's content hash: the first 16 hex digits of its git blob id — the SHA-1 of
 * "blob <size>\0" and the bytes — so that in a git checkout git already knows it for every
 * committed photo and nothing has to be read (photo-cache.ts: gitBlobIds).
 */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1')
    .update(`blob ${bytes.byteLength}\0`)
    .update(bytes)
    .digest('hex')
    .slice(0, CONTENT_HASH_LENGTH);
}

/**
 * The file name of one copy: `<hash>-<width>x<height>[-cover]-q<quality>-<settings>.<format>`,
 * e.g. `3f9a0c1be2d45e67-720x480-q56-9c2e41.avif`. `<settings>` digests all the encoder options,
 * so a change to IMAGE_ENCODER gives every photo new names instead of serving old encodes
 * under them (Astro's own cache key leaves the encoder settings out: bench/README.md).
 */
export function derivativeName(photo: Pick<Photo, 'hash'>, transform: PhotoTransform): string {
  const options = encoderOptions(transform);
  const settings = settingsDigest(options);
  const fit = transform.fit ? `-${transform.fit}` : '';
  return `${photo.hash}-${transform.width}x${transform.height}${fit}-q${String(options['quality'])}-${settings}.${transform.format}`;
}

const NAME = /^([0-9a-f]{16})-(\d+)x(\d+)(-cover)?-q(\d+)-[0-9a-f]{6}\.(avif|webp|jpeg)$/;

/**
 * The photo hash and transform a copy's name stands for, or undefined when the name is not
 * one of ours or was made with other encoder settings than today's (a stale URL).
 */
export function parseDerivativeName(name: string): { hash: string; transform: PhotoTransform } | undefined {
  const match = NAME.exec(name);
  if (!match) return undefined;
  const [, hash = '', width, height, cover, quality, format] = match;
  const imageFormat = format as ImageFormat;
  const transform: PhotoTransform = {
    width: Number(width),
    height: Number(height),
    format: imageFormat,
    ...(cover ? { fit: 'cover' as const } : {}),
    ...(Number(quality) === IMAGE_ENCODER[imageFormat].quality ? {} : { quality: Number(quality) }),
  };
  return derivativeName({ hash }, transform) === name ? { hash, transform } : undefined;
}
