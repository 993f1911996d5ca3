/**
 * Turn `astro build`'s log into phases.
 *
 * Astro prints a line as each phase starts ("Syncing content", "Building static
 * entrypoints", "generating static routes"), our photo step one as it starts and one as it
 * ends, the sitemap one when written and our Pagefind integration one when the index is
 * written. The benchmark stamps every line as it
 * arrives, with the process tree's CPU time at that moment, so a phase is simply the span
 * from its marker to the next one — no reliance on the durations Astro chooses to print.
 */

export interface StampedLine {
  /** Milliseconds since the build started. */
  at: number;
  /** CPU milliseconds (user + system) of the whole process tree at that moment. */
  cpu: number;
  text: string;
}

export interface Phase {
  name: string;
  wallMs: number;
  cpuMs: number;
  /** Highest total RSS of the process tree seen during the phase, in bytes. */
  peakRss: number;
}

/** Marker → the phase that begins when it appears, in build order. First match wins. */
export const PHASE_MARKERS: readonly { name: string; marker: RegExp; after?: string }[] = [
  { name: 'content sync', marker: /\[content\] Syncing content/ },
  { name: 'types + build info', marker: /\[content\] Synced content/ },
  { name: 'bundle', marker: /Building static entrypoints/ },
  { name: 'page render', marker: /generating static routes/ },
  // Astro's own image step: only for images astro:assets still handles (none of the features').
  { name: 'image encoding', marker: /generating optimized images/ },
  { name: 'photos', marker: /\[zhuanban:photos\] .*publishing photos/ },
  { name: 'sitemap', marker: /\[zhuanban:photos\] .*published \d+ photo copies/ },
  { name: 'pagefind', marker: /sitemap-index\.xml` created/ },
  { name: 'verify build + exit', marker: /\[zhuanban:pagefind\] indexed/ },
];

// Astro colours its log unless told not to; the markers are matched on plain text.

const ANSI = /\u001b\[[0-9;]*m/g;
export const stripAnsi = (text: string): string => text.replace(ANSI, '');

/** Does this log line start a phase (or could it, depending on what came before)? */
export const isPhaseMarker = (text: string): boolean => {
  const plain = stripAnsi(text);
  return PHASE_MARKERS.some(({ marker }) => marker.test(plain));
};

/**
 * Split a stamped log into phases. `end` is the stamp at process exit; `rssSamples`
 * ([at, bytes] pairs) gives each phase its peak. The time before the first marker is
 * "startup" (loading Node, Astro, the config and Vite).
 */
export function splitPhases(
  lines: readonly StampedLine[],
  end: StampedLine,
  rssSamples: readonly [number, number][],
): Phase[] {
  const starts: { name: string; at: number; cpu: number }[] = [{ name: 'startup', at: 0, cpu: 0 }];
  let next = 0;
  for (const line of lines) {
    const text = stripAnsi(line.text);
    // Markers are searched in order from the last one found, so a later phase's marker
    // printed early (e.g. a nested "✓ Completed in") cannot reorder the phases.
    for (let m = next; m < PHASE_MARKERS.length; m++) {
      const { marker, after } = PHASE_MARKERS[m]!;
      if (after && !starts.some((s) => s.name === after)) continue;
      if (marker.test(text)) {
        starts.push({ name: PHASE_MARKERS[m]!.name, at: line.at, cpu: line.cpu });
        next = m + 1;
        break;
      }
    }
  }
  starts.push({ name: 'end', at: end.at, cpu: end.cpu });
  const phases: Phase[] = [];
  for (let i = 0; i < starts.length - 1; i++) {
    const from = starts[i]!;
    const to = starts[i + 1]!;
    let peakRss = 0;
    for (const [at, rss] of rssSamples) if (at >= from.at && at <= to.at && rss > peakRss) peakRss = rss;
    phases.push({ name: from.name, wallMs: to.at - from.at, cpuMs: Math.max(0, to.cpu - from.cpu), peakRss });
  }
  return phases;
}

/**
 * How many images were encoded this build and their summed time, and how many came from the
 * cache: from the photo step's summary line ("published N photo copies (E encoded in X ms,
 * C from cache…") and from each "▶ /_astro/… (+123ms)" line of Astro's own image step.
 */
export function encodedImages(lines: readonly StampedLine[]): { count: number; encodeMs: number; cached: number } {
  let count = 0;
  let encodeMs = 0;
  let cached = 0;
  for (const { text } of lines) {
    const plain = stripAnsi(text);
    const photos = /published \d+ photo copies \((\d+) encoded in (\d+) ms, (\d+) from cache/.exec(plain);
    if (photos) {
      count += Number(photos[1]);
      encodeMs += Number(photos[2]);
      cached += Number(photos[3]);
      continue;
    }
    if (!plain.includes('▶ /_astro/')) continue;
    if (/\((reused|revalidated) cache entry\)/.test(plain)) {
      cached++;
      continue;
    }
    const took = /\(\+([\d.]+)(ms|s)\)/.exec(plain);
    if (!took) continue;
    count++;
    encodeMs += Number(took[1]) * (took[2] === 's' ? 1000 : 1);
  }
  return { count, encodeMs, cached };
}
