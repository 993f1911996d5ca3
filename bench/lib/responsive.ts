/**
 * Which file a browser picks from `srcset` + `sizes`, so page weight is measured as a phone
 * and a laptop would download it, not as the sum of every candidate.
 *
 * Supports what our components write: `(min-width: …rem|px)` conditions and lengths in
 * rem, px, vw or `calc(100vw - …rem|px)`. 1rem = 16px.
 */

export interface Candidate {
  url: string;
  width: number;
}

export function parseSrcset(srcset: string): Candidate[] {
  return srcset
    .split(',')
    .map((part) => part.trim().split(/\s+/))
    .filter((bits) => bits[0])
    .map(([url, descriptor]) => ({ url: url!, width: descriptor?.endsWith('w') ? Number.parseFloat(descriptor) : 0 }));
}

const toPx = (length: string, viewport: number): number => {
  const value = length.trim();
  const calc = /^calc\(\s*100vw\s*-\s*([\d.]+)(rem|px)\s*\)$/.exec(value);
  if (calc) return viewport - Number(calc[1]) * (calc[2] === 'rem' ? 16 : 1);
  const simple = /^([\d.]+)(rem|px|vw)$/.exec(value);
  if (!simple) throw new Error(`bench: cannot evaluate sizes length "${value}"`);
  const n = Number(simple[1]);
  return simple[2] === 'rem' ? n * 16 : simple[2] === 'vw' ? (n / 100) * viewport : n;
};

/** The slot width in CSS px that `sizes` gives at this viewport width. */
export function evaluateSizes(sizes: string | undefined, viewport: number): number {
  if (!sizes) return viewport;
  for (const entry of sizes.split(/,(?![^(]*\))/)) {
    const match = /^\s*\(min-width:\s*([\d.]+)(rem|px)\)\s*(.+)$/.exec(entry);
    if (!match) return toPx(entry, viewport);
    const min = Number(match[1]) * (match[2] === 'rem' ? 16 : 1);
    if (viewport >= min) return toPx(match[3]!, viewport);
  }
  return viewport;
}

/** The smallest candidate at least as wide as the slot at this density, else the widest. */
export function pickCandidate(candidates: readonly Candidate[], slotPx: number, dpr: number): Candidate | undefined {
  const sorted = [...candidates].sort((a, b) => a.width - b.width);
  return sorted.find((c) => c.width >= slotPx * dpr) ?? sorted.at(-1);
}
