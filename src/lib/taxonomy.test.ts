import { describe, expect, it } from 'vitest';
import {
  byCountDescending,
  featuresInDistrict,
  featuresWithTopic,
  groupByOfficeType,
  officeNames,
  withCounts,
} from './taxonomy.ts';

const OFFICE_TYPES = ['办事处', '街道', '镇', '区'] as const;
type OfficeType = (typeof OFFICE_TYPES)[number];

// Seed features cut down to the fields these functions read.
const feature = (id: string, district: string, officeType: OfficeType, tags: string[]) => ({
  id,
  data: { district: { id: district }, officeType, tags: tags.map((t) => ({ id: t })) },
});
const changxinglu = feature('changxinglu', 'huiji', '街道', ['dangjian', 'shengtai']);
const huayuankou = feature('huayuankou', 'huiji', '镇', ['dangjian', 'xiangcun-zhenxing']);
const erqi = feature('erqi', 'erqi', '区', ['dangjian', 'shequ']);
const jiulong = feature('jiulong', 'jingkai', '办事处', ['dangjian', 'wenhua']);
const features = [changxinglu, huayuankou, erqi, jiulong];
const ids = (list: readonly { id: string }[]) => list.map((f) => f.id);

describe('featuresInDistrict / featuresWithTopic', () => {
  it('keeps only matching features, in the order given', () => {
    expect(ids(featuresInDistrict(features, 'huiji'))).toEqual(['changxinglu', 'huayuankou']);
    expect(ids(featuresWithTopic(features, 'dangjian'))).toEqual(['changxinglu', 'huayuankou', 'erqi', 'jiulong']);
    expect(ids(featuresWithTopic(features, 'wenhua'))).toEqual(['jiulong']);
    expect(featuresWithTopic(features, 'fupin')).toEqual([]);
  });
});

describe('officeNames', () => {
  it('names each office once, in the order first met, however many features it has', () => {
    const about = (office: string) => ({ data: { office } });
    const archive = [about('花园口镇'), about('长兴路街道'), about('花园口镇'), about('花园口镇')];
    expect(officeNames(archive)).toEqual(['花园口镇', '长兴路街道']);
    expect(officeNames([])).toEqual([]);
  });
});

describe('withCounts', () => {
  it('counts each entry and drops the empty ones, keeping the entries’ order', () => {
    const topics = [{ id: 'fupin' }, { id: 'wenhua' }, { id: 'dangjian' }];
    const counted = withCounts(topics, (id) => featuresWithTopic(features, id).length);
    expect(counted.map(({ entry, count }) => [entry.id, count])).toEqual([
      ['wenhua', 1],
      ['dangjian', 4],
    ]);
  });
});

describe('byCountDescending', () => {
  it('puts the most-used first and breaks ties by id', () => {
    const counted = withCounts(
      [{ id: 'wenhua' }, { id: 'shengtai' }, { id: 'dangjian' }],
      (id) => featuresWithTopic(features, id).length,
    );
    expect(counted.sort(byCountDescending).map(({ entry }) => entry.id)).toEqual(['dangjian', 'shengtai', 'wenhua']);
  });
});

describe('groupByOfficeType', () => {
  it('groups in the order of the office types given and drops empty groups', () => {
    const groups = groupByOfficeType([huayuankou, changxinglu], OFFICE_TYPES);
    expect(groups.map((g) => [g.officeType, ids(g.features)])).toEqual([
      ['街道', ['changxinglu']],
      ['镇', ['huayuankou']],
    ]);
  });
});
