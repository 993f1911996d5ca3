/**
 * Structural similarity (SSIM, Wang et al. 2004) on luma, over 8×8 windows.
 *
 * Used to compare encoders at equal visual quality: "AVIF q50" and "WebP q80" mean nothing
 * against each other, SSIM against the same reference does. Mean SSIM over 8×8 blocks
 * (stride 4) is the classic, well-understood variant; it is enough to rank settings.
 */

/** Luma (BT.601) of interleaved RGB pixels. */
export function luma(rgb: Uint8Array, channels = 3): Float32Array {
  const out = new Float32Array(rgb.length / channels);
  for (let i = 0, j = 0; j < out.length; i += channels, j++) {
    out[j] = 0.299 * rgb[i]! + 0.587 * rgb[i + 1]! + 0.114 * rgb[i + 2]!;
  }
  return out;
}

const C1 = (0.01 * 255) ** 2;
const C2 = (0.03 * 255) ** 2;

/** Mean SSIM of two same-sized luma planes: 1 is identical, ~0.95+ is visually close for photos. */
export function ssim(a: Float32Array, b: Float32Array, width: number, height: number, window = 8, stride = 4): number {
  if (a.length !== b.length || a.length !== width * height) throw new Error('ssim: planes differ in size');
  let total = 0;
  let count = 0;
  const n = window * window;
  for (let y = 0; y + window <= height; y += stride) {
    for (let x = 0; x + window <= width; x += stride) {
      let sa = 0;
      let sb = 0;
      let saa = 0;
      let sbb = 0;
      let sab = 0;
      for (let dy = 0; dy < window; dy++) {
        let i = (y + dy) * width + x;
        for (let dx = 0; dx < window; dx++, i++) {
          const va = a[i]!;
          const vb = b[i]!;
          sa += va;
          sb += vb;
          saa += va * va;
          sbb += vb * vb;
          sab += va * vb;
        }
      }
      const ma = sa / n;
      const mb = sb / n;
      const va = saa / n - ma * ma;
      const vb = sbb / n - mb * mb;
      const cov = sab / n - ma * mb;
      total += ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
      count++;
    }
  }
  return total / count;
}
