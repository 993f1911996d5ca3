/**
 * The copies a <picture> offers and its <img> attributes, against astro:assets' own arithmetic
 * (the sharp service's getSrcSet and getHTMLAttributes, fed as getImage() feeds them), for
 * photo sizes and width lists drawn at random (seeded), plus the seed photos' own 2000×1333.
 */
import sharpService from 'astro/assets/services/sharp';
import { describe, expect, it } from 'vitest';
import { prng } from '../../../bench/lib/corpus.ts';
import { FALLBACK_WIDTH, IMAGE_WIDTHS } from '../image-settings.ts';
import { pictureCopies, photoCopy, srcsetWidths } from './picture.ts';
import type { Photo } from './photo.ts';

const photo = (width: number, height: number): Photo => ({
  src: './p.jpg',
  hash: '0123456789abcdef',
  width,
  height,
  format: 'jpeg',
});

/** What astro:assets makes of <Picture src={image} widths={widths} width={width} format={format}>. */
function astroPicture(image: Photo, widths: number[], width: number, format: 'avif' | 'webp') {
  const src = { src: '/p.jpg', width: image.width, height: image.height, format: 'jpg' as const };
  // getImage(): a width alone gets the height of the photo's ratio.
  const options: Parameters<NonNullable<typeof sharpService.getSrcSet>>[0] = {
    src,
    width,
    height: Math.round(width / (image.width / image.height)),
    widths: [...widths],
    format,
  };
  const srcset = sharpService.getSrcSet!(options, {} as never, {} as never) as {
    transform: { width: number; height: number };
  }[];
  const attributes = sharpService.getHTMLAttributes!(options, {} as never, {} as never) as {
    width: number;
    height: number;
  };
  return {
    srcset: srcset.map((s) => [s.transform.width, s.transform.height]),
    size: [attributes.width, attributes.height],
  };
}

describe('pictureCopies', () => {
  const random = prng(12);
  const cases: [number, number, number[], number][] = [
    [2000, 1333, IMAGE_WIDTHS, FALLBACK_WIDTH],
    [2000, 1333, [1080, 1600], 1080],
  ];
  for (let i = 0; i < 200; i++) {
    const widths = [360, 720, 1080, 1440, 1600].filter(() => random() < 0.6);
    cases.push([
      200 + Math.floor(random() * 4800),
      200 + Math.floor(random() * 4800),
      widths.length ? widths : [720],
      [360, 720, 1080][Math.floor(random() * 3)]!,
    ]);
  }

  it.each(cases)('%i×%i at %j, <img> %i wide: the widths and sizes astro:assets gives', (w, h, widths, width) => {
    const copies = pictureCopies(photo(w, h), { formats: ['avif'], fallbackFormat: 'webp', widths, width });
    const astro = astroPicture(photo(w, h), widths, width, 'webp');
    expect(copies.img.srcset.map((c) => [c.transform.width, c.transform.height])).toEqual(astro.srcset);
    expect(copies.sources[0]!.srcset.map((c) => [c.transform.width, c.transform.height])).toEqual(astro.srcset);
    expect([copies.img.width, copies.img.height]).toEqual(astro.size);
    expect(copies.sources.map((s) => s.type)).toEqual(['image/avif']);
    expect(copies.img.src.transform).toMatchObject({ width, format: 'webp' });
  });

  it('offers the photo’s own width in place of wider ones, as astro:assets does', () => {
    expect(srcsetWidths({ width: 1344 }, [360, 720, 1080, 1440])).toEqual([360, 720, 1080, 1344]);
    expect(srcsetWidths({ width: 4000 }, [1600, 1080])).toEqual([1080, 1600]);
  });
});

describe('photoCopy', () => {
  it('scales to a width at the photo’s ratio, or crops to width × height', () => {
    expect(photoCopy(photo(2000, 1333), { width: 1200, format: 'jpeg', quality: 80 })).toMatchObject({
      width: 1200,
      height: 800,
      transform: { width: 1200, height: 800, format: 'jpeg', quality: 80 },
    });
    expect(photoCopy(photo(2000, 1333), { width: 192, height: 144, fit: 'cover', format: 'webp' }).transform).toEqual({
      width: 192,
      height: 144,
      fit: 'cover',
      format: 'webp',
    });
  });
});
