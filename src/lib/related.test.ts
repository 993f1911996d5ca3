import { describe, expect, it } from 'vitest';
import { parseFeatureDate, type FeatureDate } from './feature-date.ts';
import { prng } from '../../bench/lib/corpus.ts';
import { adjacentFeatures, relatedFeatures, relatedFinder, type Relatable } from './related.ts';

// The seven seed features, cut down to the fields that matter here.
const parseDate = (text: string): FeatureDate => {
  const date = parseFeatureDate(text);
  if (!date) throw new Error(`bad fixture date ${text}`);
  return date;
};
const feature = (id: string, date: string, district: string, tags: string[]): Relatable => ({
  id,
  data: { date: parseDate(date), district: { id: district }, tags: tags.map((t) => ({ id: t })) },
});
const changxinglu = feature('changxinglu', '2023-06', 'huiji', [
  'dangjian',
  'jingji',
  'chengshi-guanli',
  'shengtai',
  'minsheng',
]);
const huayuankou = feature('huayuankou', '2023-06', 'huiji', [
  'dangjian',
  'xiangcun-zhenxing',
  'jiceng-zhili',
  'minsheng',
  'jingji',
]);
const fengyang = feature('fengyang', '2020', 'gaoxin', ['chengshi-guanli', 'shequ', 'dangjian', 'jiceng-zhili']);
const gouzhao = feature('gouzhao', '2020', 'gaoxin', [
  'dangjian',
  'chuangxin',
  'jingji',
  'chengshi-guanli',
  'jiceng-zhili',
]);
const erqi = feature('erqi', '2019', 'erqi', ['dangjian', 'jiceng-zhili', 'chengshi-guanli', 'shequ']);
const jiulong = feature('jiulong', '2019', 'jingkai', ['dangjian', 'chengshi-guanli', 'shequ', 'wenhua']);
const jiuzhoulu = feature('jiuzhoulu', '2018', 'qibin', [
  'dangjian',
  'jingji',
  'chengshi-guanli',
  'anquan',
  'minsheng',
]);
const newestFirst = [changxinglu, huayuankou, fengyang, gouzhao, erqi, jiulong, jiuzhoulu];
const ids = (list: readonly (Relatable | undefined)[]) => list.map((f) => f?.id);

describe('adjacentFeatures', () => {
  it('gives the older feature as previous and the newer as next', () => {
    expect(ids(Object.values(adjacentFeatures(fengyang, newestFirst)))).toEqual(['gouzhao', 'huayuankou']);
  });

  it('has no next for the newest and no previous for the oldest', () => {
    expect(adjacentFeatures(changxinglu, newestFirst)).toEqual({ previous: huayuankou, next: undefined });
    expect(adjacentFeatures(jiuzhoulu, newestFirst)).toEqual({ previous: undefined, next: jiulong });
  });

  it('has neither for a feature not in the list (a draft)', () => {
    expect(adjacentFeatures(feature('zz-draft', '2020', 'erqi', []), newestFirst)).toEqual({
      previous: undefined,
      next: undefined,
    });
  });
});

describe('relatedFeatures', () => {
  it('ranks by shared topics, then same district, then nearest date, then slug', () => {
    // changxinglu shares 4 topics with jiuzhoulu, 3 with huayuankou (same district) and gouzhao.
    expect(ids(relatedFeatures(changxinglu, newestFirst))).toEqual(['jiuzhoulu', 'huayuankou', 'gouzhao']);
    // fengyang shares all 4 of its topics with erqi; gouzhao (3, same district) beats jiulong (3).
    expect(ids(relatedFeatures(fengyang, newestFirst))).toEqual(['erqi', 'gouzhao', 'jiulong']);
  });

  it('never lists the feature itself, and respects the limit', () => {
    const related = relatedFeatures(erqi, newestFirst, 10);
    expect(related).toHaveLength(6);
    expect(ids(related)).not.toContain('erqi');
    expect(relatedFeatures(erqi, newestFirst, 2)).toHaveLength(2);
  });

  it('leaves out features with neither a shared topic nor the same district', () => {
    const loner = feature('zz-loner', '2020', 'gaoxin', ['fupin']);
    expect(ids(relatedFeatures(loner, newestFirst))).toEqual(['fengyang', 'gouzhao']);
    expect(relatedFeatures(feature('zz-alone', '2020', 'nowhere', ['fupin']), newestFirst)).toEqual([]);
  });

  it('does not depend on the order of the candidates', () => {
    const shuffled = [jiulong, erqi, jiuzhoulu, gouzhao, changxinglu, fengyang, huayuankou];
    expect(relatedFeatures(gouzhao, shuffled, 6)).toEqual(relatedFeatures(gouzhao, newestFirst, 6));
  });
});

describe('relatedFinder', () => {
  it('finds for the seven seeds what relatedFeatures finds', () => {
    const find = relatedFinder(newestFirst);
    for (const current of newestFirst) expect(ids(find(current))).toEqual(ids(relatedFeatures(current, newestFirst)));
  });

  it('finds for every feature of random archives what relatedFeatures finds', () => {
    const random = prng(31);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const topics = ['dangjian', 'shequ', 'jingji', 'minsheng', 'wenhua', 'anquan'];
    // Few districts, topics and dates, so ties on every criterion are common.
    for (let archive = 0; archive < 40; archive++) {
      const size = 1 + Math.floor(random() * 120);
      const features = Array.from({ length: size }, (_, i) =>
        feature(
          `f${String(i).padStart(3, '0')}${pick(['', 'a', 'b'])}`,
          pick(['2018', '2019-07', '2019-07-01', '2020', '2023-06', '2023-06-15']),
          pick(['erqi', 'gaoxin', 'huiji']),
          Array.from({ length: Math.floor(random() * 4) }, () => pick(topics)),
        ),
      );
      const limit = 1 + Math.floor(random() * 5);
      const find = relatedFinder(features, limit);
      for (const current of features) {
        expect(ids(find(current))).toEqual(ids(relatedFeatures(current, features, limit)));
      }
      const outsider = feature('zz-draft', '2019', pick(['erqi', 'nowhere']), [pick(topics)]);
      expect(ids(find(outsider))).toEqual(ids(relatedFeatures(outsider, features, limit)));
    }
  });
});
