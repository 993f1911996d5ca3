import { describe, expect, it } from 'vitest';
import { foldText, foldWithOffsets } from './fold.ts';
import { MAX_QUERY_LENGTH, parseQuery } from './query.ts';
import { loadSimplifier } from './traditional-chinese.ts';

const terms = (raw: string) => parseQuery(raw).terms.map((term) => term.chars.join(''));

describe('foldText', () => {
  it('folds width and case character by character', () => {
    expect(foldText('ＰＭ２．５')).toBe('pm2.5');
    expect(foldText('３５．９７平方公里')).toBe('35.97平方公里');
    expect(foldText('坚持党建引领\u3000做优')).toBe('坚持党建引领 做优');
    // Character by character: the e and its combining accent stay two characters.
    expect(foldText('e\u0301')).toBe('e\u0301');
  });

  it('remembers where each folded character came from', () => {
    const folded = foldWithOffsets('Ａ…㎡');
    expect(folded.chars).toEqual(['a', '.', '.', '.', 'm', '2']);
    expect(folded.from).toEqual([0, 1, 1, 1, 2, 2]);
    expect(folded.to).toEqual([1, 2, 2, 2, 3, 3]);
  });
});

describe('parseQuery', () => {
  it('folds full-width letters, digits and punctuation to half-width', () => {
    expect(terms('ＰＭ２．５')).toEqual(['pm2.5']);
    expect(terms('３５．９７平方公里')).toEqual(['35.97平方公里']);
    expect(terms('５Ｇ')).toEqual(['5g']);
  });

  it('splits on any kind of space, keeps punctuation inside a term, drops repeats', () => {
    expect(terms(' 海绵城市　路长制 ')).toEqual(['海绵城市', '路长制']);
    expect(terms('海绵城市，路长制')).toEqual(['海绵城市,路长制']);
    expect(terms('海绵城市 路长制 海绵城市')).toEqual(['海绵城市', '路长制']);
    expect(parseQuery('海绵 改造').text).toBe('海绵 改造');
  });

  it('treats a double quote and emoji as separators, and drops terms with no letter or digit', () => {
    expect(terms('"海绵城市"')).toEqual(['海绵城市']);
    expect(terms('😀天健湖')).toEqual(['天健湖']);
    expect(terms('👍🏽海绵')).toEqual(['海绵']);
    expect(terms('！？。，……—— 海绵')).toEqual(['海绵']);
    expect(terms('')).toEqual([]);
    expect(terms('😀🎉')).toEqual([]);
  });

  it('drops markup and keeps the words inside it', () => {
    expect(terms('<script>alert(1)</script>')).toEqual([]);
    expect(terms('<b>海绵</b>城市')).toEqual(['海绵', '城市']);
    expect(terms('<img src=x onerror=alert(1)>')).toEqual([]);
  });

  it('adds the simplified spelling of a traditional query as an alternative', async () => {
    const simplify = await loadSimplifier();
    const [term] = parseQuery('黨建引領', simplify).terms;
    expect(term?.alternatives.map((chars) => chars.join(''))).toEqual(['黨建引領', '党建引领']);
    expect(parseQuery('海绵城市', simplify).terms[0]?.alternatives).toHaveLength(1);
  });

  it('caps a very long query', () => {
    const { terms: capped } = parseQuery('海'.repeat(1000));
    expect(capped).toHaveLength(1);
    expect(capped[0]?.chars).toHaveLength(MAX_QUERY_LENGTH);
    expect(terms('路长制 '.repeat(300))).toEqual(['路长制']);
  });
});
