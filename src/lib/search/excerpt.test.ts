import { describe, expect, it } from 'vitest';
import { seeded } from '../../../tests/support/random.ts';
import { EXCERPT_CHARS, excerptAround, markedPieces, matchRanges, offsetOfPosition, type Piece } from './excerpt.ts';
import { foldText } from './fold.ts';

const PARAGRAPH =
  '今年以来，马寨镇深入开展城乡接合部综合整治。中河列入美丽乡村项目后，村民见证了家门口的变化——马寨镇党委书记张庆华说，他们成立了乡村两级城乡接合部综合整治工作领导小组。';
const show = (pieces: readonly Piece[]) =>
  pieces.map((piece) => (piece.mark ? `[${piece.text}]` : piece.text)).join('');

describe('excerpts', () => {
  it('centre on the match, mark the whole query once, and cut with an ellipsis', () => {
    const at = PARAGRAPH.indexOf('门口的变化');
    const excerpt = show(excerptAround(PARAGRAPH, at, ['门口的变化']));
    expect(excerpt).toContain('家[门口的变化]——');
    expect(excerpt.match(/\[/gu)).toHaveLength(1);
    expect(excerpt.startsWith('…')).toBe(true);
    expect([...excerpt.replace(/[…[\]]/gu, '')].length).toBeLessThanOrEqual(EXCERPT_CHARS);
    expect(excerpt).not.toMatch(/\. |\u200b/u);
  });

  it('match in folded form and mark the text as printed', () => {
    expect(show(markedPieces('降低辖区ＰＭ２．５和PM10指数', ['pm2.5', 'pm10']))).toBe(
      '降低辖区[ＰＭ２．５]和[PM10]指数',
    );
    expect(matchRanges('海绵海绵', ['海绵'])).toEqual([[0, 4]]);
  });

  it('show a stretch with several terms whole, with less context before it when it is long', () => {
    const text = `${'一'.repeat(40)}采用海绵城市理念，${'二'.repeat(50)}道路综合改造的一部分${'三'.repeat(40)}`;
    const at = text.indexOf('海绵');
    const until = text.indexOf('改造') + 2;
    const excerpt = show(excerptAround(text, at, ['海绵', '改造'], until));
    expect(excerpt.match(/\[[^\]]+\]/gu)).toEqual(['[海绵]', '[改造]']);
    expect([...excerpt.replace(/[…[\]]/gu, '')].length).toBeLessThanOrEqual(EXCERPT_CHARS);
    // The same stretch short: CONTEXT_BEFORE characters before it, as for one term.
    expect(show(excerptAround(text, at, ['海绵'], at + 2))).toBe(show(excerptAround(text, at, ['海绵'])));
  });

  it('never cut a mark in half', () => {
    // The window from the start ends inside the match: it is widened to the end of the match.
    const text = `${'一'.repeat(70)}海绵城市建设${'二'.repeat(60)}`;
    expect(show(excerptAround(text, 0, ['海绵城市建设']))).toBe(`${'一'.repeat(70)}[海绵城市建设]…`);
  });

  it('find the character at an index position, whatever folding and whitespace do (seed 31)', () => {
    const random = seeded(31);
    const alphabet = [...'海绵城市 ＰＭ２．５…㎡\u3000é一二'];
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: random.int(1, 30) }, () => random.pick(alphabet)).join('');
      const count = (part: string) => foldText(part).replace(/\s/gu, '').length;
      const index = random.int(0, count(text));
      const offset = offsetOfPosition(text, index);
      if (index === count(text)) {
        expect(offset).toBeUndefined();
        continue;
      }
      // The character at `offset` is the one whose folding holds position `index`.
      const char = String.fromCodePoint(text.codePointAt(offset ?? 0) ?? 0);
      const before = count(text.slice(0, offset));
      expect(index).toBeGreaterThanOrEqual(before);
      expect(index).toBeLessThan(before + count(char));
    }
  });
});
