import { describe, expect, it } from 'vitest';
import { copiesToPublish, outputFileOf } from './requests.ts';

describe('outputFileOf', () => {
  it('maps a page path to its built file, under the site’s base path too', () => {
    expect(outputFileOf('/features/jiulong/')).toBe('features/jiulong/index.html');
    expect(outputFileOf('/')).toBe('index.html');
    expect(outputFileOf('/rss.xml')).toBe('rss.xml');
    expect(outputFileOf('/zhuanban/features/jiulong/', '/zhuanban')).toBe('features/jiulong/index.html');
    expect(outputFileOf('/zhuanban/', '/zhuanban/')).toBe('index.html');
  });
});

describe('copiesToPublish', () => {
  const rendered = new Map([
    ['features/a/index.html', new Set(['a-720', 'a-360'])],
    ['index.html', new Set(['a-360'])],
  ]);
  const previous = {
    'features/a/index.html': ['old-a'],
    'features/b/index.html': ['b-720'],
    'archive/index.html': ['gone'],
  };

  it('takes what rendered pages noted, and for restored pages what they noted when rendered', () => {
    expect(copiesToPublish(rendered, previous, ['features/a/index.html', 'features/b/index.html'])).toEqual(
      new Map([
        ['features/a/index.html', ['a-360', 'a-720']],
        ['index.html', ['a-360']],
        ['features/b/index.html', ['b-720']],
      ]),
    );
  });

  it('carries nothing over for a page that is always rendered (no cacheKey)', () => {
    expect(copiesToPublish(rendered, previous, []).has('archive/index.html')).toBe(false);
  });
});
