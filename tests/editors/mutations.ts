/**
 * A mutation: one change to one real feature, as an editor (or an editor's tools) might make
 * it. The systematic kinds are in field-mutations.ts and body-mutations.ts; here are what they
 * share and a seeded sample of character-level edits anywhere in a file. Whether a mutation is
 * a mistake is decided by contract.ts, not here (except where a body change needs the guide's
 * rule for it: `declared`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineOfField, valueText } from './yaml-edit.ts';

export interface FeatureFixture {
  slug: string;
  source: string;
  /** The photo files beside index.mdx. */
  photos: string[];
}

export interface Mutation {
  /** Stable and readable: jiulong · cover.alt · removed. */
  id: string;
  /** The family it is tallied under. */
  kind: string;
  slug: string;
  /** The new index.mdx. */
  source: string | Uint8Array;
  /** Files of the folder to write (bytes), delete (null) or add. */
  files?: Record<string, Uint8Array | null>;
  /** Lines where an error about it belongs (any one of them); empty when it could be anywhere. */
  lines: number[];
  /** The guide's rule for a body change the contract's data rules cannot see. */
  declared?: 'mistake' | 'legit';
}

/** Seeded pseudo-random numbers (mulberry32): the same sample on every run and machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

/** The value as written, without YAML quotes. */
export const bare = (text: string) => text.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1');

/** The cover's photo and the first Figure's, each with the line that names it, as files of the folder. */
export function photosInUse(feature: FeatureFixture): { name: string; line: number }[] {
  const cover = bare(valueText(feature.source, ['cover', 'src']) ?? '').slice(2);
  const figure = /<Figure src="\.\/([^"]+)"/.exec(feature.source)?.[1];
  return [...new Set([cover, figure])]
    .filter((name): name is string => name !== undefined && feature.photos.includes(name))
    .map((name) => ({
      name,
      line:
        name === cover
          ? lineOfField(feature.source, ['cover', 'src'])!
          : feature.source.slice(0, feature.source.indexOf(`src="./${name}"`)).split('\n').length,
    }));
}

export function readFixtures(featuresDir: string): FeatureFixture[] {
  return readdirSync(featuresDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => ({
      slug: entry.name,
      source: readFileSync(join(featuresDir, entry.name, 'index.mdx'), 'utf8'),
      photos: readdirSync(join(featuresDir, entry.name)).filter((name) => /\.(?:jpe?g|png|webp|avif)$/i.test(name)),
    }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

/** A character an editor might type, paste or lose: YAML and MDX syntax, full-width forms, Chinese text, whitespace. */
const PALETTE = [...':"\'{}<>[]#-*_`|\\/!&,.', ...'：“”‘’，。、　', '\t', '\n', ' ', '九', '龙', 'a', '7'];

/** A seeded sample of one-character edits anywhere in a file: deleted, inserted, replaced, two swapped, a line doubled or lost. */
export function characterMutations(features: readonly FeatureFixture[], count: number, seed = 2019): Mutation[] {
  const next = random(seed);
  const out: Mutation[] = [];
  for (let n = 0; n < count; n++) {
    const feature = pick(next, features);
    const chars = [...feature.source];
    const at = Math.floor(next() * chars.length);
    const ch = pick(next, PALETTE);
    const op = pick(next, ['delete', 'insert', 'replace', 'swap', 'double line', 'drop line'] as const);
    const edited = [...chars];
    if (op === 'delete') edited.splice(at, 1);
    else if (op === 'insert') edited.splice(at, 0, ch);
    else if (op === 'replace') edited[at] = ch;
    else if (op === 'swap' && at + 1 < chars.length) [edited[at], edited[at + 1]] = [chars[at + 1]!, chars[at]!];
    let source = edited.join('');
    if (op === 'double line' || op === 'drop line') {
      const lines = feature.source.split('\n');
      const line = Math.floor(next() * lines.length);
      lines.splice(line, 1, ...(op === 'double line' ? [lines[line]!, lines[line]!] : []));
      source = lines.join('\n');
    }
    if (source === feature.source) continue;
    const line = feature.source.slice(0, chars.slice(0, at).join('').length).split('\n').length;
    out.push({
      id: `${feature.slug} · line ${line} · ${op} ${JSON.stringify(op === 'insert' || op === 'replace' ? ch : chars[at])}`,
      kind: 'character edit',
      slug: feature.slug,
      source,
      lines: [],
    });
  }
  return out;
}
