import { describe, expect, it } from 'vitest';
import { seeded } from '../../../tests/support/random.ts';
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

  it('splits on any kind of space, drops repeats', () => {
    expect(terms(' 海绵城市　路长制 ')).toEqual(['海绵城市', '路长制']);
    expect(terms('海绵城市 路长制 海绵城市')).toEqual(['海绵城市', '路长制']);
    expect(parseQuery('海绵 改造').text).toBe('海绵 改造');
  });

  it('splits on the punctuation a reader types between words, in any mix with spaces (issue 22)', () => {
    expect(terms('三项工程,一项管理')).toEqual(['三项工程', '一项管理']);
    expect(terms('序化,洁化,绿化,亮化')).toEqual(['序化', '洁化', '绿化', '亮化']);
    expect(terms('变化，门口')).toEqual(['变化', '门口']);
    expect(terms('海绵 ， 改造、、路长制；九龙：社区！天健湖？')).toEqual([
      '海绵',
      '改造',
      '路长制',
      '九龙',
      '社区',
      '天健湖',
    ]);
    expect(terms('海绵/改造|路长制\\九龙｜社区／黄河')).toEqual(['海绵', '改造', '路长制', '九龙', '社区', '黄河']);
    expect(terms('（海绵）【改造】《条例》〈九龙〉[社区]')).toEqual(['海绵', '改造', '条例', '九龙', '社区']);
    expect(terms('海绵——改造…路长制·九龙。社区～黄河')).toEqual(['海绵', '改造', '路长制', '九龙', '社区', '黄河']);
    expect(terms('#海绵城市#＃路长制＃')).toEqual(['海绵城市', '路长制']);
  });

  it('keeps numbers and Latin words with digits whole', () => {
    expect(terms('35.97平方公里')).toEqual(['35.97平方公里']);
    expect(terms('2,500 ２，５００元 1,234,567')).toEqual(['2,500', '2,500元', '1,234,567']);
    expect(terms('PM2.5 5G 8:30 1/3面积')).toEqual(['pm2.5', '5g', '8:30', '1/3面积']);
    // A comma is a thousands separator only before exactly three digits.
    expect(terms('PM2.5,5G')).toEqual(['pm2.5', '5g']);
    expect(terms('2,50 2,5000 2、500')).toEqual(['2', '50', '5000', '500']);
    // A point between a digit and a Chinese character, or at the end, separates.
    expect(terms('5.海绵 PM2.5.')).toEqual(['5', '海绵', 'pm2.5']);
  });

  it('keeps the punctuation of a phrase in quotes', () => {
    expect(terms('“变化，门口”')).toEqual(['变化,门口']);
    expect(terms('"变化，门口" 海绵')).toEqual(['变化,门口', '海绵']);
    expect(terms('「三项工程、一项管理」『序化、洁化』‘a,b’')).toEqual(['三项工程、一项管理', '序化、洁化', 'a,b']);
    // Any mark of the family closes; marks of another family are text; an open quote runs to the end.
    expect(terms('”变化，门口”，海绵')).toEqual(['变化,门口', '海绵']);
    expect(terms('「他说“好，的”」')).toEqual(['他说“好,的”']);
    expect(terms('海绵，“变化，门口')).toEqual(['海绵', '变化,门口']);
    // Whitespace still ends a term inside quotes: the index never has a run across it.
    expect(terms('“海绵 城市”')).toEqual(['海绵', '城市']);
    expect(terms('海绵"城市"改造')).toEqual(['海绵', '城市', '改造']);
  });

  it('splits words joined by separators as it splits them joined by a space (seed 22)', () => {
    const random = seeded(22);
    const alphabet = [..."海绵城市改造三项工程一项管理ＰＭ２．５pm2.5gG0123456789-+%'#"];
    const separators = [...',，、､;；:：.．。!！?？/／\\|｜~～—…·（）()【】《》〈〉[]{}'];
    /** Folded letters and digits: a separator between two of them may belong to a word (2,500, PM2.5). */
    const latin = (char: string | undefined) => /^[0-9a-z]$/u.test(foldText(char ?? ''));
    let checked = 0;
    for (let n = 0; n < 2000; n++) {
      const word = () => Array.from({ length: random.int(1, 6) }, () => random.pick(alphabet)).join('');
      const words = Array.from({ length: random.int(2, 4) }, word);
      if (words.slice(1).some((text, i) => latin([...(words[i] ?? '')].at(-1)) && latin([...text][0]))) continue;
      const joined = words.slice(1).reduce((typed, text) => {
        const marks = Array.from({ length: random.int(1, 3) }, () => random.pick([...separators, ' ', '　']));
        return `${typed}${marks.join('')}${text}`;
      }, words[0] ?? '');
      expect(terms(joined), joined).toEqual(terms(words.join(' ')));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(1000);
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
