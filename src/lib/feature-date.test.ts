import { describe, expect, it } from 'vitest';
import { featureDateToDate, formatFeatureDate, parseFeatureDate } from './feature-date.ts';

describe('parseFeatureDate', () => {
  it('keeps exactly the precision the editor wrote', () => {
    expect(parseFeatureDate('2020')).toEqual({ year: 2020, precision: 'year', iso: '2020' });
    expect(parseFeatureDate('2019-07')).toEqual({ year: 2019, month: 7, precision: 'month', iso: '2019-07' });
    expect(parseFeatureDate(' 2019-07-01 ')).toEqual({
      year: 2019,
      month: 7,
      day: 1,
      precision: 'day',
      iso: '2019-07-01',
    });
  });

  it('rejects impossible and malformed dates', () => {
    for (const bad of ['2019-13', '2019-00', '2019-02-30', '2021-02-29', '2019-7-1', '19-07', '2019年7月', '']) {
      expect(parseFeatureDate(bad), bad).toBeUndefined();
    }
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseFeatureDate('2020-02-29')?.day).toBe(29);
  });
});

describe('formatFeatureDate', () => {
  it('writes the Chinese form at the known precision, never inventing a month or day', () => {
    const format = (text: string) => {
      const date = parseFeatureDate(text);
      if (!date) throw new Error(`fixture date ${text} did not parse`);
      return formatFeatureDate(date);
    };
    expect(format('2020')).toBe('2020年');
    expect(format('2019-07')).toBe('2019年7月');
    expect(format('2022-10-09')).toBe('2022年10月9日');
  });
});

describe('featureDateToDate', () => {
  it('places a partial date at the first moment it can mean (UTC)', () => {
    const at = (text: string) => {
      const date = parseFeatureDate(text);
      if (!date) throw new Error(`fixture date ${text} did not parse`);
      return featureDateToDate(date).toISOString();
    };
    expect(at('2020')).toBe('2020-01-01T00:00:00.000Z');
    expect(at('2019-07')).toBe('2019-07-01T00:00:00.000Z');
    expect(at('2019-07-15')).toBe('2019-07-15T00:00:00.000Z');
  });
});
