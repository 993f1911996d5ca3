import { describe, expect, it } from 'vitest';
import { seeded } from '../../../tests/support/random.ts';
import { publishedFeatures } from '../../../tests/support/site.ts';
import { MAX_UTTERANCE, utterances } from './utterances.ts';

const length = (text: string) => [...text].length;
const SENTENCE_END = /[。！？；…]+[”’」』）》〉】]*$/u;
const CLAUSE_END = /[，、：][”’」』）》〉】]*$/u;

/** What must hold for any text: every character kept in order, no piece too long or empty, cuts at the largest break. */
function expectWellCut(text: string): void {
  const max = MAX_UTTERANCE;
  const pieces = utterances(text);
  expect(pieces.join('')).toBe(text);
  for (const [index, piece] of pieces.entries()) {
    expect(piece).not.toBe('');
    expect(length(piece)).toBeLessThanOrEqual(max);
    // A sentence end only at the end of a piece: sentences are never run together.
    expect(piece.replace(SENTENCE_END, '')).not.toMatch(/[。！？；…]/u);
    const next = pieces[index + 1];
    if (next === undefined || SENTENCE_END.test(piece)) continue;
    // A cut inside a sentence: at a comma when the piece has one, else where the limit fell,
    // and never where the next clause would still have fitted.
    if (CLAUSE_END.test(piece))
      expect(length(piece) + length(/^[^，、：]*[，、：]*/u.exec(next)![0])).toBeGreaterThan(max);
    else {
      expect(length(piece)).toBe(max);
      expect(piece).not.toMatch(/[，、：]/u);
    }
  }
}

describe('utterances', () => {
  it('keeps a short block whole and cuts between sentences, closing quotes kept with theirs', () => {
    expect(utterances('天河嘉城小区成立了党支部。')).toEqual(['天河嘉城小区成立了党支部。']);
    expect(utterances('“有了党支部，就找到了主心骨。”张晓凯说。好！')).toEqual([
      '“有了党支部，就找到了主心骨。”',
      '张晓凯说。',
      '好！',
    ]);
  });

  it('cuts a long sentence at commas, a run without one at the limit, numbers left as printed', () => {
    const sentence =
      '2016年以来，该办事处累计完成财税收入4.3亿元，完成固定资产投资86亿元，引进省外资金10.7亿元，实际利用外资3700万美元。';
    expect(utterances(sentence)).toEqual([
      '2016年以来，该办事处累计完成财税收入4.3亿元，完成固定资产投资86亿元，引进省外资金10.7亿元，',
      '实际利用外资3700万美元。',
    ]);
    expect(utterances('一'.repeat(130))).toEqual(['一'.repeat(60), '一'.repeat(60), '一'.repeat(10)]);
    const numbers = `${'时间8:30，面积35.97平方公里，共1,000户'.repeat(3)}。`;
    // Cut only at the full-width marks, never inside 8:30, 35.97 or 1,000.
    expect(utterances(numbers).map((piece) => piece.at(-1))).toEqual(['，', '。']);
  });

  it('holds for every paragraph of every feature, and for runs drawn at random from them (seed 21)', () => {
    const paragraphs = publishedFeatures.flatMap((feature) => feature.paragraphs);
    expect(paragraphs.length).toBeGreaterThan(50);
    for (const paragraph of paragraphs) expectWellCut(paragraph);
    const random = seeded(21);
    for (let draw = 0; draw < 500; draw++) {
      const text = [...random.pick(paragraphs)];
      const start = random.int(0, text.length - 1);
      // Long runs, and runs with their commas taken out, which must be cut at the limit.
      const run = text.slice(start, start + random.int(1, 400)).join('');
      expectWellCut(run.replace(/[，、：]/gu, ''));
      expectWellCut(run);
    }
  });
});
