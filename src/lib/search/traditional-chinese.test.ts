import { describe, expect, it } from 'vitest';
import { loadSimplifier, mayContainTraditional } from './traditional-chinese.ts';

describe('mayContainTraditional', () => {
  it('says no for simplified queries, so the converter is not fetched', () => {
    for (const query of ['党建引领', '海绵城市', '路长制', '35.97平方公里', 'PM2.5', '天健湖公园', '打坏', '']) {
      expect(mayContainTraditional(query), query).toBe(false);
    }
  });

  it('says yes for traditional queries', () => {
    for (const query of ['黨建引領', '海綿城市', '劉全福', '快樂老家', '反覆', '後來']) {
      expect(mayContainTraditional(query), query).toBe(true);
    }
  });

  it('finds every CJK character opencc would change', async () => {
    const simplify = await loadSimplifier();
    const missed: string[] = [];
    for (let code = 0x3400; code <= 0x9fff; code += 1) {
      const char = String.fromCodePoint(code);
      if (simplify(char) !== char && !mayContainTraditional(char)) missed.push(char);
    }
    expect(missed).toEqual([]);
  });
});
