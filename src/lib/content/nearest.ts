/**
 * "Did you mean …?" for editors: the valid names closest to what was written, by edit
 * distance. Used for district and topic ids, frontmatter keys (titel → title), component
 * names (Figur → Figure), their props and photo file names.
 */

/**
 * Edits (insert, delete, substitute, or swap two neighbours) that turn `a` into `b`: the
 * optimal string alignment distance, so a transposition typo (titel) costs one edit.
 * Compares code points, so a Han character counts once.
 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  // rows[i][j]: distance between the first i code points of x and the first j of y.
  const rows = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++) {
    const row = rows[i]!;
    const above = rows[i - 1]!;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row[j] = best;
    }
  }
  return rows[x.length]![y.length]!;
}

/**
 * The candidates close enough to `value` to be what the editor meant: within about a third
 * of the word's length in edits (at least one, at most three), case ignored. Of those, only
 * the closest are given — and among equally close ones, those that contain what was written
 * or are contained in it (街 → 街道, not 区). Empty when nothing is close: then list the
 * valid values instead.
 */
export function nearest(value: string, candidates: Iterable<string>, limit = 3): string[] {
  const wanted = value.trim().toLowerCase();
  if (wanted === '') return [];
  const allowed = Math.min(3, Math.max(1, Math.round([...wanted].length / 3)));
  const close = [...new Set(candidates)]
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      const distance = editDistance(wanted, lower);
      // Half an edit better when one contains the other: a letter added or left off at an end.
      const overlaps = lower.includes(wanted) || wanted.includes(lower);
      return { candidate, distance, rank: distance - (overlaps ? 0.5 : 0) };
    })
    .filter(({ distance }) => distance <= allowed);
  const best = Math.min(...close.map(({ rank }) => rank));
  return close
    .filter(({ rank }) => rank === best)
    .map(({ candidate }) => candidate)
    .sort((a, b) => a.localeCompare(b))
    .slice(0, limit);
}
