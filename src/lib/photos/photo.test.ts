/**
 * A copy's name is a pure function of the photo's content and the transform, and can be read
 * back into the transform (astro dev serves copies by name); the content hash is git's blob id.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prng } from '../../../bench/lib/corpus.ts';
import { contentHash, derivativeName, parseDerivativeName, type PhotoTransform } from './photo.ts';

const SEED_PHOTO = 'content/features/gouzhao/photo-4.jpg';

describe('contentHash', () => {
  it('is the git blob id of the file, shortened, so git can tell it without reading the photo', () => {
    const blob = execFileSync('git', ['hash-object', SEED_PHOTO], { encoding: 'utf8' }).trim();
    expect(contentHash(readFileSync(SEED_PHOTO))).toBe(blob.slice(0, 16));
  });
});

describe('derivativeName', () => {
  const random = prng(7);
  const transforms: PhotoTransform[] = Array.from({ length: 300 }, () => {
    const format = (['avif', 'webp', 'jpeg'] as const)[Math.floor(random() * 3)]!;
    return {
      width: 1 + Math.floor(random() * 3000),
      height: 1 + Math.floor(random() * 3000),
      format,
      ...(random() < 0.3 ? { fit: 'cover' as const } : {}),
      ...(random() < 0.3 ? { quality: 1 + Math.floor(random() * 100) } : {}),
    };
  });

  it('reads back into the photo hash and the transform that made it', () => {
    for (const transform of transforms) {
      const name = derivativeName({ hash: '0123456789abcdef' }, transform);
      const parsed = parseDerivativeName(name);
      // A quality equal to the format's own is the same copy as no quality given.
      expect(parsed && derivativeName({ hash: parsed.hash }, parsed.transform)).toBe(name);
      expect(parsed?.transform).toMatchObject({
        width: transform.width,
        height: transform.height,
        format: transform.format,
      });
    }
  });

  it('differs for every different transform and every different photo', () => {
    const names = new Set(transforms.map((t) => derivativeName({ hash: '0123456789abcdef' }, t)));
    const distinct = new Set(
      transforms.map((t) => JSON.stringify(parseDerivativeName(derivativeName({ hash: '0123456789abcdef' }, t)))),
    );
    expect(names.size).toBe(distinct.size);
    expect(derivativeName({ hash: 'fedcba9876543210' }, transforms[0]!)).not.toBe(
      derivativeName({ hash: '0123456789abcdef' }, transforms[0]!),
    );
  });

  it('names 720 px WebP of a photo as the <img> fallback', () => {
    expect(derivativeName({ hash: '0123456789abcdef' }, { width: 720, height: 480, format: 'webp' })).toMatch(
      /^0123456789abcdef-720x480-q80-[0-9a-f]{6}\.webp$/,
    );
  });

  it('refuses a name made with other encoder settings, or not one of ours', () => {
    const name = derivativeName({ hash: '0123456789abcdef' }, { width: 720, height: 480, format: 'avif' });
    expect(parseDerivativeName(name.replace(/-[0-9a-f]{6}\./, '-000000.'))).toBeUndefined();
    expect(parseDerivativeName('index.Cx7abc.css')).toBeUndefined();
  });
});
