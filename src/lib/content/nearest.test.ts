import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from './nearest.ts';

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit, and a Han character as one', () => {
    expect(editDistance('titel', 'title')).toBe(1);
    expect(editDistance('dangjianx', 'dangjian')).toBe(1);
    expect(editDistance('街道', '街')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('nearest', () => {
  const districts = ['jingkai', 'qibin', 'erqi', 'huiji', 'gaoxin'];

  it('suggests the id a typo came from', () => {
    expect(nearest('jingkia', districts)).toEqual(['jingkai']);
    expect(nearest('Jingkai', districts)).toEqual(['jingkai']);
    expect(nearest('dangjianx', ['dangjian', 'jingji', 'shequ'])).toEqual(['dangjian']);
    expect(nearest('Figur', ['Figure', 'Gallery', 'InfoBox'])).toEqual(['Figure']);
  });

  it('suggests nothing when nothing is close, so the caller lists every valid value', () => {
    expect(nearest('nowhere', districts)).toEqual([]);
    expect(nearest('', districts)).toEqual([]);
  });

  it('prefers a candidate that contains what was written among equally close ones', () => {
    expect(nearest('街', ['办事处', '街道', '镇', '区'])).toEqual(['街道']);
  });
});
