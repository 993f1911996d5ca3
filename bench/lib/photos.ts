/**
 * Camera-like photos for benchmark corpora.
 *
 * What makes an image pipeline slow or fast is the source: a 12-megapixel JPEG of a few
 * MB with detail at every scale and sensor grain. Flat colour or pure noise would flatter
 * or punish the encoders (AVIF shines on flat areas, chokes on white noise), so a pool
 * photo here is fractal noise — random colour fields at 4 octaves, each upscaled smoothly
 * and weighted like a natural image's 1/f spectrum — plus fine grain, saved as a
 * quality-92 JPEG as a camera would.
 *
 * A "unique" photo is a pool photo cropped, flipped, re-toned and re-grained, so every
 * file has different pixels (no cache can share work between them) at a fraction of
 * the cost of synthesising each from scratch.
 */
import sharp from 'sharp';
import { prng } from './corpus.ts';

export interface PhotoSize {
  width: number;
  height: number;
}

/** A phone camera's 12 MP, 4:3. */
export const CAMERA_SIZE: PhotoSize = { width: 4000, height: 3000 };

const OCTAVES = [
  { cells: 6, weight: 0.55 },
  { cells: 24, weight: 0.25 },
  { cells: 96, weight: 0.13 },
  { cells: 384, weight: 0.07 },
];

export async function poolPhoto(seed: number, size: PhotoSize = CAMERA_SIZE): Promise<Buffer> {
  const random = prng(seed * 7919 + 17);
  const { width, height } = size;
  const sum = new Float32Array(width * height * 3);
  for (const { cells, weight } of OCTAVES) {
    const w = cells;
    const h = Math.max(2, Math.round((cells * height) / width));
    const small = Buffer.alloc(w * h * 3);
    // Mostly luminance with a mild per-cell tint and a per-photo cast, as daylight scenes
    // are: fully independent channels would look like a rainbow and weigh far more.
    const cast = [random() * 50 - 25, random() * 50 - 25, random() * 50 - 25];
    for (let i = 0; i < small.length; i += 3) {
      const grey = random() * 255;
      for (let c = 0; c < 3; c++) small[i + c] = Math.max(0, Math.min(255, grey + cast[c]! + (random() - 0.5) * 40));
    }
    const up = await sharp(small, { raw: { width: w, height: h, channels: 3 } })
      .resize(width, height, { kernel: 'cubic', fit: 'fill' })
      .raw()
      .toBuffer();
    for (let i = 0; i < sum.length; i++) sum[i]! += up[i]! * weight;
  }
  // Hard edges (buildings, signs, windows): what encoders spend most bits on in street photos.
  for (let r = 0; r < 40; r++) {
    const x0 = Math.floor(random() * width);
    const y0 = Math.floor(random() * height);
    const x1 = Math.min(width, x0 + Math.floor(random() * width * 0.25));
    const y1 = Math.min(height, y0 + Math.floor(random() * height * 0.3));
    const tone = [random() * 255, random() * 255, random() * 255].map((v) => v * 0.4 + 128 * 0.6);
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const i = (y * width + x) * 3;
        for (let c = 0; c < 3; c++) sum[i + c] = sum[i + c]! * 0.35 + tone[c]! * 0.65;
      }
    }
  }
  const pixels = Buffer.alloc(sum.length);
  for (let i = 0; i < sum.length; i++) {
    // Stretch contrast around mid-grey (averaging octaves flattens it), then add grain.
    const value = 128 + (sum[i]! - 128) * 1.8 + (random() - 0.5) * 14;
    pixels[i] = value < 0 ? 0 : value > 255 ? 255 : value;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** A distinct photo derived from a pool photo: crop, maybe mirror, re-tone, re-grain. */
export async function derivedPhoto(source: Buffer, seed: number, size: PhotoSize = CAMERA_SIZE): Promise<Buffer> {
  const random = prng(seed * 104729 + 3);
  const scale = 0.7 + random() * 0.3;
  const cropWidth = Math.round(size.width * scale);
  const cropHeight = Math.round(size.height * scale);
  const left = Math.floor(random() * (size.width - cropWidth + 1));
  const top = Math.floor(random() * (size.height - cropHeight + 1));
  let image = sharp(source)
    .extract({ left, top, width: cropWidth, height: cropHeight })
    .resize(size.width, size.height, { kernel: 'lanczos3' })
    .modulate({
      brightness: 0.85 + random() * 0.3,
      saturation: 0.7 + random() * 0.6,
      hue: Math.round(random() * 60 - 30),
    });
  if (random() < 0.5) image = image.flop();
  // Fresh grain on top, as a different exposure would have.
  const grain = await sharp({
    create: {
      width: size.width,
      height: size.height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 6 },
    },
  })
    .png({ compressionLevel: 0 })
    .toBuffer();
  return image
    .composite([{ input: grain, blend: 'soft-light' }])
    .jpeg({ quality: 92 })
    .toBuffer();
}
