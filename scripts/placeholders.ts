/**
 * Creates a placeholder photo for every image a feature references but does not have yet.
 *
 *   node scripts/placeholders.ts [content/features/<slug> …]    (default: every feature)
 *
 * We have no photos of the seed stories. A placeholder has a camera photo's size and weight
 * (2000×1333 JPEG, a few hundred KB of real detail), so the image pipeline, page weight and
 * benchmarks behave as they will with real photos; it is stamped PLACEHOLDER in the picture
 * and the feature marks it `placeholder` so the page says so too. An editor swaps the file
 * for the real photo and removes the flag. Existing files are never touched.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import sharp from 'sharp';

const WIDTH = 2000;
const HEIGHT = 1333;

/** Every relative image path an MDX file names: Figure src="…" and the cover's `src:`. */
export function referencedImages(mdx: string): string[] {
  const found = new Set<string>();
  for (const match of mdx.matchAll(/\bsrc\s*[:=]\s*["']?(\.{1,2}\/[^"'\s>]+\.(?:jpe?g|png|webp|avif))/g)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found];
}

/** A small deterministic PRNG, so regenerating a placeholder gives the same bytes. */
function prng(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0) || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

async function makePlaceholder(file: string, label: string): Promise<void> {
  const random = prng(label);
  const sky = [150 + random() * 80, 170 + random() * 60, 200 + random() * 50];
  const ground = [60 + random() * 80, 80 + random() * 70, 50 + random() * 60];
  const horizon = HEIGHT * (0.45 + random() * 0.2);
  const blobs = Array.from({ length: 14 }, () => ({
    x: random() * WIDTH,
    y: horizon - random() * HEIGHT * 0.35,
    r: 60 + random() * 260,
    tone: [random() * 120, random() * 120, random() * 120],
  }));
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++) {
    const base = y < horizon ? sky : ground;
    const shade = y < horizon ? 1 - (y / horizon) * 0.25 : 0.85 - ((y - horizon) / HEIGHT) * 0.3;
    for (let x = 0; x < WIDTH; x++) {
      let [r, g, b] = [base[0]! * shade, base[1]! * shade, base[2]! * shade];
      for (const blob of blobs) {
        const dx = x - blob.x;
        const dy = y - blob.y;
        if (dx * dx + dy * dy < blob.r * blob.r) {
          [r, g, b] = [blob.tone[0]!, blob.tone[1]!, blob.tone[2]!];
        }
      }
      // Grain, as a camera sensor gives: it is what makes a real photo weigh what it does.
      const grain = (random() - 0.5) * 36;
      const i = (y * WIDTH + x) * 3;
      pixels[i] = Math.max(0, Math.min(255, r + grain));
      pixels[i + 1] = Math.max(0, Math.min(255, g + grain));
      pixels[i + 2] = Math.max(0, Math.min(255, b + grain));
    }
  }
  const stamp = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
      <rect x="0" y="${HEIGHT / 2 - 120}" width="${WIDTH}" height="240" fill="rgba(0,0,0,0.55)"/>
      <text x="50%" y="${HEIGHT / 2 + 10}" font-family="sans-serif" font-size="120" font-weight="bold"
        fill="#fff" text-anchor="middle">PLACEHOLDER</text>
      <text x="50%" y="${HEIGHT / 2 + 90}" font-family="sans-serif" font-size="48" fill="#ddd"
        text-anchor="middle">${label.replace(/[<&>]/g, '')}</text>
    </svg>`,
  );
  await sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .composite([{ input: stamp }])
    .jpeg({ quality: 82, mozjpeg: true })
    .toFile(file);
}

async function main(): Promise<void> {
  const root = resolve('content/features');
  const folders =
    process.argv.length > 2
      ? process.argv.slice(2).map((f) => resolve(f))
      : readdirSync(root).map((d) => join(root, d));
  for (const folder of folders) {
    const mdxFile = join(folder, 'index.mdx');
    if (!existsSync(mdxFile)) continue;
    for (const image of referencedImages(readFileSync(mdxFile, 'utf8'))) {
      const file = resolve(dirname(mdxFile), image);
      if (existsSync(file)) continue;
      const label = `${basename(folder)}/${basename(file)}`;
      await makePlaceholder(file, label);
      console.log(`created ${relative(process.cwd(), file)}`);
    }
  }
}

if (import.meta.main) await main();
