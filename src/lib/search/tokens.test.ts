/**
 * The tokenizer's claims, tested as properties over seeded random text made of what articles
 * and queries hold (seed paragraphs, Latin and digits, full- and half-width punctuation, rare
 * scripts, combining marks, emoji, Yi, characters beyond the BMP) — and over the seeds' own
 * paragraphs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seeded, type Random } from '../../../tests/support/random.ts';
import { foldText } from './fold.ts';
import { decodeWords, END, indexWords, occurrencesOf, planTerm, runsOf, splitSymbols, symbolOf } from './tokens.ts';

const seedText = readdirSync('content/features')
  .map((slug) => readFileSync(path.join('content/features', slug, 'index.mdx'), 'utf8'))
  .join('\n');
const seedChars = [...new Set(seedText.replace(/\s/gu, ''))];
const ODD = [
  ...'ＰＭ２．５３５．９７ＡＢＣａｂｃ＂＂！？',
  ...'PM2.5 5G 35.97 % . , - / : ; ( ) [ ] " \' ',
  ...'，。、“”‘’《》（）【】——……·：；！？',
  ...'éüñçÅ', // precomposed Latin
  'e\u0301', // a combining acute after e
  ...'がパ한국ΣσДж', // kana with voicing marks, Hangul, Greek, Cyrillic
  ...'ꀀꀕꁁꒌ', // Yi: the escape digits' own script
  '𠀋', '𪚲', '😀', '👍🏽', '\u200b', '\u3000', '\u00a0', '\t', '\n',
  ...'①㎡™½Ⅲ㊤', // NFKC expands or changes these
]; // prettier-ignore

/** A random string of `length` characters, mostly Chinese from the seeds, with odd ones mixed in. */
function randomText(random: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += random.next() < 0.75 ? random.pick(seedChars) : random.pick(ODD);
  return text;
}

/** Pagefind's indexer on one word (fossick/splitting.rs): alphanumerics only, lower case, no diacritics. */
function pagefindIndexes(word: string): string {
  const kept = [...word].filter((char) => /[\p{Alphabetic}\p{N}]/u.test(char)).join('');
  return kept.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** Pagefind's browser code on one query word (pagefind.js, language 'und'). */
function pagefindQueries(word: string): string {
  const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
  const kept = [...segmenter.segment(word)]
    .map(({ segment }) => segment)
    .filter((grapheme) => !/^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u.test(grapheme))
    .map((grapheme) => grapheme.toLocaleLowerCase())
    .join('');
  return kept.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Where `term` (folded characters) starts in the stream of `runs`: the truth, without the index. */
function truePositions(runs: readonly string[][], term: readonly string[]): number[] {
  const found: number[] = [];
  let offset = 0;
  for (const run of runs) {
    for (let i = 0; i + term.length <= run.length; i++) {
      if (term.every((char, k) => run[i + k] === char)) found.push(offset + i);
    }
    offset += run.length;
  }
  return found;
}

/** Each index word of the runs' stream and its positions, as Pagefind stores them. */
function positionsOf(runs: readonly string[][]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  runs
    .flatMap((run) => indexWords(run))
    .forEach((word, position) => {
      positions.set(word, [...(positions.get(word) ?? []), position]);
    });
  return positions;
}

/** What a term matches: a prefix search (every word starting with the symbol) or a cover. */
function lookUp(positions: ReadonlyMap<string, number[]>, term: readonly string[]): number[] {
  const plan = planTerm(term);
  if (plan.kind === 'prefix') {
    return [...positions]
      .filter(([word]) => word.startsWith(plan.prefix))
      .flatMap(([, at]) => at)
      .sort((a, b) => a - b);
  }
  return occurrencesOf(plan, positions).sort((a, b) => a - b);
}

describe('index words', () => {
  it('decode back to the folded text, for 2,000 random strings (seed 11)', () => {
    const random = seeded(11);
    for (let n = 0; n < 2000; n++) {
      const text = randomText(random, random.int(1, 40));
      const runs = runsOf(text);
      expect(decodeWords(runs.flatMap((run) => indexWords(run)))).toEqual(runs);
      expect(runs.map((run) => run.join('')).join('')).toBe(foldText(text).replace(/\s/gu, ''));
    }
  });

  it('pass through Pagefind unchanged, in the index and in a query (seed 12)', () => {
    const random = seeded(12);
    for (let n = 0; n < 2000; n++) {
      for (const word of runsOf(randomText(random, random.int(1, 12))).flatMap((run) => indexWords(run))) {
        expect(pagefindIndexes(word)).toBe(word);
        expect(pagefindQueries(word)).toBe(word);
        expect(word).not.toMatch(/\s/u);
      }
    }
  });

  it('are prefix-free in their symbols: a pair is never the start of another word', () => {
    const random = seeded(13);
    for (let n = 0; n < 3000; n++) {
      const [a = 'a', b = 'b', c = 'c'] = [...foldText(randomText(random, 3))].filter((char) => !/\s/u.test(char));
      const word = symbolOf(a) + symbolOf(b);
      expect(splitSymbols(word)).toEqual([symbolOf(a), symbolOf(b)]);
      expect((symbolOf(a) + symbolOf(c)).startsWith(word)).toBe(symbolOf(b) === symbolOf(c));
      expect((symbolOf(a) + END).startsWith(word)).toBe(false);
    }
  });
});

describe('a term looked up by its index words', () => {
  it('is found exactly where it occurs: 3,000 random runs of random texts, 1–20 characters (seed 21)', () => {
    const random = seeded(21);
    for (let n = 0; n < 3000; n++) {
      const runs = runsOf(randomText(random, random.int(20, 200)));
      const positions = positionsOf(runs);
      const run = random.pick(runs);
      const length = random.int(1, Math.min(20, run.length));
      const start = random.int(0, run.length - length);
      const term = run.slice(start, start + length);
      expect(lookUp(positions, term), term.join('')).toEqual(truePositions(runs, term));
    }
  });

  it('is found exactly where it occurs in the seed stories, and strings made by swapping are not (seed 22)', () => {
    const random = seeded(22);
    const runs = runsOf(seedText);
    const positions = positionsOf(runs);
    let absent = 0;
    for (let n = 0; n < 1500; n++) {
      const run = random.pick(runs.filter((candidate) => candidate.length >= 2));
      const length = random.int(1, Math.min(20, run.length));
      const start = random.int(0, run.length - length);
      const term = run.slice(start, start + length);
      const found = lookUp(positions, term);
      expect(found, term.join('')).toEqual(truePositions(runs, term));
      expect(found.length).toBeGreaterThan(0);
      if (term.length >= 2) {
        const swapped = [...term];
        const i = random.int(0, term.length - 2);
        [swapped[i], swapped[i + 1]] = [swapped[i + 1] ?? '', swapped[i] ?? ''];
        const truth = truePositions(runs, swapped);
        if (truth.length === 0) absent += 1;
        expect(lookUp(positions, swapped), swapped.join('')).toEqual(truth);
      }
    }
    expect(absent).toBeGreaterThan(500);
  });

  it('covers a long term with half its pairs', () => {
    const plan = planTerm([...'一二三四五六七八']);
    expect(plan).toEqual({
      kind: 'cover',
      length: 8,
      words: [
        { word: '一二', offset: 0 },
        { word: '三四', offset: 2 },
        { word: '五六', offset: 4 },
        { word: '七八', offset: 6 },
      ],
    });
    expect(planTerm([...'一二三']).kind === 'cover' && planTerm([...'一二三'])).toMatchObject({
      words: [
        { word: '一二', offset: 0 },
        { word: '二三', offset: 1 },
      ],
    });
    expect(planTerm(['龙'])).toEqual({ kind: 'prefix', prefix: '龙' });
  });

  it('writes punctuation and other scripts as two Yi syllables, which read back', () => {
    expect(indexWords([...'门口的变化'])).toEqual(['门口', '口的', '的变', '变化', `化${END}`]);
    expect(indexWords([...foldText('PM2.5')])).toHaveLength(5);
    expect(symbolOf('，')).toMatch(/^[\ua016-\ua435]{2}$/u);
    expect(symbolOf('ꀀ')).toHaveLength(2);
    expect(decodeWords(indexWords([...'ꀀ，𠀋é']))).toEqual([[...'ꀀ，𠀋é']]);
  });
});
