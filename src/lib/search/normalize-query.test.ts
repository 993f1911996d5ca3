import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, normalizeQuery } from './normalize-query.ts';
import { loadSimplifier } from './traditional-chinese.ts';

describe('normalizeQuery', () => {
  it('folds full-width letters, digits and punctuation to half-width', () => {
    expect(normalizeQuery('ＰＭ２．５')).toEqual(normalizeQuery('PM2.5'));
    expect(normalizeQuery('３５．９７平方公里').terms).toEqual(['35.97平方公里']);
    expect(normalizeQuery('５Ｇ').terms).toEqual(['5g']);
  });

  it('converts traditional characters to simplified with the converter it is given', async () => {
    const simplify = await loadSimplifier();
    expect(normalizeQuery('黨建引領', simplify).terms).toEqual(['党建引领']);
    expect(normalizeQuery('海綿城市', simplify).terms).toEqual(['海绵城市']);
    expect(normalizeQuery('劉全福', simplify).terms).toEqual(['刘全福']);
    expect(normalizeQuery('黨建引領').terms).toEqual(['黨建引領']);
  });

  it('splits on any kind of space and on punctuation into AND terms, without duplicates', () => {
    expect(normalizeQuery(' 海绵城市　路长制 ').terms).toEqual(['海绵城市', '路长制']);
    expect(normalizeQuery('海绵城市，路长制、海绵城市').terms).toEqual(['海绵城市', '路长制']);
    expect(normalizeQuery('海绵城市 路长制').text).toBe('海绵城市 路长制');
  });

  it('keeps the point and per cent sign that belong to a number', () => {
    expect(normalizeQuery('PM2.5').terms).toEqual(['pm2.5']);
    expect(normalizeQuery('增长5%').terms).toEqual(['增长5%']);
    expect(normalizeQuery('结束了. 然后').terms).toEqual(['结束了', '然后']);
  });

  it('drops markup and keeps the words inside it', () => {
    expect(normalizeQuery('<script>alert(1)</script>').terms).toEqual([]);
    expect(normalizeQuery('<b>海绵</b>城市').terms).toEqual(['海绵', '城市']);
    expect(normalizeQuery('<img src=x onerror=alert(1)>').terms).toEqual([]);
  });

  it('has nothing to search for punctuation, emoji or blank input', () => {
    expect(normalizeQuery('').terms).toEqual([]);
    expect(normalizeQuery('   ').terms).toEqual([]);
    expect(normalizeQuery('！？。，……').terms).toEqual([]);
    expect(normalizeQuery('😀🎉').terms).toEqual([]);
    expect(normalizeQuery('😀海绵城市').terms).toEqual(['海绵城市']);
  });

  it('caps a very long query', () => {
    const { terms, text } = normalizeQuery('海'.repeat(1000));
    expect(text.length).toBe(MAX_QUERY_LENGTH);
    expect(terms).toHaveLength(1);
    expect(normalizeQuery('路长制 '.repeat(300)).terms).toEqual(['路长制']);
  });
});
