/**
 * AVIF versus WebP: bytes per image at equal visual quality, against encode time.
 *
 *   node bench/images.ts [--photos 3] [--width 720] [photo.jpg …]
 *
 * For each photo (default: the first pool photos of bench/.work, camera-sized), resize to
 * --width as the site does, then encode at a grid of quality × effort settings. Each result
 * is decoded again and scored with SSIM against the resized original. For each format and
 * effort we then find the lowest quality that reaches the quality of the reference setting
 * (WebP q80, sharp's default), and print its bytes and CPU time. That table is what
 * src/lib/image-settings.ts is chosen from. sharp runs single-threaded here so the CPU
 * times are comparable whatever else the machine is doing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { WORK_DIR } from './generate.ts';
import { luma, ssim } from './lib/ssim.ts';

type Format = 'webp' | 'avif' | 'jpeg';
interface Setting {
  format: Format;
  quality: number;
  effort: number;
}
interface Score extends Setting {
  bytes: number;
  cpuMs: number;
  ssim: number;
}

const GRID: Setting[] = [
  ...[2, 4, 6].flatMap((effort) =>
    [60, 65, 70, 75, 78, 80, 85, 90].map((quality) => ({ format: 'webp' as const, quality, effort })),
  ),
  // Effort 6 (3 s per 720 px encode) is left out: it is never worth it (bench/README.md).
  ...[0, 1, 2, 4].flatMap((effort) =>
    [35, 40, 45, 50, 55, 60, 65, 70].map((quality) => ({ format: 'avif' as const, quality, effort })),
  ),
  ...[70, 75, 80, 85, 90].map((quality) => ({ format: 'jpeg' as const, quality, effort: 0 })),
];
const REFERENCE: Setting = { format: 'webp', quality: 80, effort: 4 };

async function encode(
  raw: Buffer,
  width: number,
  height: number,
  s: Setting,
): Promise<{ data: Buffer; cpuMs: number }> {
  const image = sharp(raw, { raw: { width, height, channels: 3 } });
  const before = process.cpuUsage();
  const data =
    s.format === 'webp'
      ? await image.webp({ quality: s.quality, effort: s.effort }).toBuffer()
      : s.format === 'avif'
        ? await image.avif({ quality: s.quality, effort: s.effort }).toBuffer()
        : await image.jpeg({ quality: s.quality, mozjpeg: true }).toBuffer();
  const used = process.cpuUsage(before);
  return { data, cpuMs: (used.user + used.system) / 1000 };
}

async function scorePhoto(file: string, width: number): Promise<Score[]> {
  const { data: raw, info } = await sharp(file).resize(width).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const reference = luma(raw);
  const scores: Score[] = [];
  for (const setting of GRID) {
    const { data, cpuMs } = await encode(raw, info.width, info.height, setting);
    const decoded = await sharp(data).removeAlpha().raw().toBuffer();
    scores.push({
      ...setting,
      bytes: data.length,
      cpuMs,
      ssim: ssim(reference, luma(decoded), info.width, info.height),
    });
  }
  return scores;
}

const key = (s: Setting) => `${s.format}:${s.effort}:${s.quality}`;

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { photos: { type: 'string', default: '3' }, width: { type: 'string', default: '720' } },
  });
  sharp.concurrency(1);
  const poolDir = readdirSync(WORK_DIR).find((d) => d.startsWith('photo-pool-'));
  const files =
    positionals.length > 0
      ? positionals
      : readdirSync(join(WORK_DIR, poolDir ?? ''))
          .sort()
          .slice(0, Number(values.photos))
          .map((f) => join(WORK_DIR, poolDir!, f));
  const width = Number(values.width);
  // Average each setting over the photos.
  const sums = new Map<string, Score & { n: number }>();
  for (const file of files) {
    for (const score of await scorePhoto(file, width)) {
      const sum = sums.get(key(score)) ?? { ...score, bytes: 0, cpuMs: 0, ssim: 0, n: 0 };
      sum.bytes += score.bytes;
      sum.cpuMs += score.cpuMs;
      sum.ssim += score.ssim;
      sum.n++;
      sums.set(key(score), sum);
    }
  }
  const mean = [...sums.values()].map((s) => ({
    ...s,
    bytes: s.bytes / s.n,
    cpuMs: s.cpuMs / s.n,
    ssim: s.ssim / s.n,
  }));
  const target = mean.find((s) => key(s) === key(REFERENCE))!.ssim;
  console.log(
    `${files.length} photo(s) at ${width} px; target SSIM ${target.toFixed(4)} (= ${REFERENCE.format} q${REFERENCE.quality} effort ${REFERENCE.effort})\n`,
  );
  console.log('format effort  quality    KB   CPU ms  (interpolated to the target SSIM between grid qualities)');
  const groups = new Map<string, typeof mean>();
  for (const s of mean) groups.set(`${s.format}:${s.effort}`, [...(groups.get(`${s.format}:${s.effort}`) ?? []), s]);
  for (const [, group] of groups) {
    group.sort((a, b) => a.quality - b.quality);
    const upper = group.findIndex((s) => s.ssim >= target);
    const hi = group[upper];
    const lo = group[upper - 1];
    if (!hi) {
      console.log(`${group[0]!.format.padEnd(6)} ${String(group[0]!.effort).padStart(6)}  never reaches the target`);
      continue;
    }
    // Linear between the two grid qualities around the target (exact when one hits it).
    const t = lo ? (target - lo.ssim) / (hi.ssim - lo.ssim) : 1;
    const mix = (a: number, b: number) => (lo ? a + (b - a) * t : b);
    console.log(
      `${hi.format.padEnd(6)} ${String(hi.effort).padStart(6)}  ${mix(lo?.quality ?? 0, hi.quality)
        .toFixed(0)
        .padStart(7)} ${(mix(lo?.bytes ?? 0, hi.bytes) / 1024).toFixed(1).padStart(5)} ${mix(lo?.cpuMs ?? 0, hi.cpuMs)
        .toFixed(0)
        .padStart(8)}`,
    );
  }
  console.log('\nfull grid (mean over photos):');
  for (const s of mean) {
    console.log(
      `  ${s.format} e${s.effort} q${s.quality}: ${(s.bytes / 1024).toFixed(1)} KB, ${s.cpuMs.toFixed(0)} ms, SSIM ${s.ssim.toFixed(4)}`,
    );
  }
}
