import { describe, expect, it } from 'vitest';
import { countReadingUnits, readableText, readingTime } from './reading-time.ts';

describe('countReadingUnits', () => {
  it('counts each Han character once and skips Chinese punctuation', () => {
    // From the 九州路 seed: 12 Han characters, 2 marks of punctuation.
    expect(countReadingUnits('一个党员就是一面旗帜。打铁')).toBe(12);
  });

  it('counts a number or Latin word as one unit', () => {
    expect(countReadingUnits('上半年新签约项目10个，分别是58同城项目')).toBe(16 + 2);
    expect(countReadingUnits('“学习强国”App上线')).toBe(6 + 1);
    expect(countReadingUnits('9.96亿元')).toBe(3);
  });

  it('is zero for text with no words', () => {
    expect(countReadingUnits('## ——，。\n\n')).toBe(0);
  });
});

describe('readableText', () => {
  it('drops front matter, ESM lines and JSX tags but keeps the prose between tags', () => {
    const mdx = [
      '---',
      'title: 九州路办事处',
      '---',
      "import X from './x.ts';",
      '<InfoBox title="九州路办事处概况">',
      '',
      '- 成立于1999年7月',
      '',
      '</InfoBox>',
      '<Figure src="./photo-3.jpg" alt="新建的 > 住宅楼" caption={"图一"} placeholder />',
      '打铁还需自身硬。',
    ].join('\n');
    const text = readableText(mdx);
    expect(text).not.toMatch(/title|import|InfoBox|Figure|住宅楼|概况/);
    expect(text).toContain('成立于1999年7月');
    expect(text).toContain('打铁还需自身硬。');
  });
});

describe('readingTime', () => {
  it('reads 400 characters a minute, rounding up', () => {
    expect(readingTime('党'.repeat(400))).toEqual({ units: 400, minutes: 1 });
    expect(readingTime('党'.repeat(401))).toEqual({ units: 401, minutes: 2 });
  });

  it('never says zero minutes', () => {
    expect(readingTime('').minutes).toBe(1);
  });

  it('takes the reading speed as an option', () => {
    expect(readingTime('党'.repeat(600), 300).minutes).toBe(2);
  });
});
