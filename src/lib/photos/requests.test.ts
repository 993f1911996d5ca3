import { describe, expect, it } from 'vitest';
import { copiesLinkedFrom, copiesToPublish, outputFileOf } from './requests.ts';

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

  const unread = () => {
    throw new Error('a page with a record was read');
  };

  it('takes what rendered pages noted, and for restored pages what they noted when rendered', () => {
    expect(copiesToPublish(rendered, previous, ['features/a/index.html', 'features/b/index.html'], unread)).toEqual(
      new Map([
        ['features/a/index.html', ['a-360', 'a-720']],
        ['index.html', ['a-360']],
        ['features/b/index.html', ['b-720']],
      ]),
    );
  });

  it('carries nothing over for a page that is always rendered (no cacheKey)', () => {
    expect(copiesToPublish(rendered, previous, [], unread).has('archive/index.html')).toBe(false);
  });

  it('reads a restored page whose record is missing', () => {
    const read = (file: string) => (file === 'features/c/index.html' ? ['c-720'] : undefined);
    expect(copiesToPublish(rendered, previous, ['features/c/index.html'], read).get('features/c/index.html')).toEqual([
      'c-720',
    ]);
  });
});

describe('copiesLinkedFrom', () => {
  it('finds the copies a page links to, wherever the link sits, and nothing else under /_astro/', () => {
    const html = `<img src="/zhuanban/_astro/aaaa-720x480.webp" srcset="/_astro/aaaa-360x240.webp 360w, /_astro/aaaa-720x480.webp 720w">
<link rel="stylesheet" href="/_astro/BaseLayout.Bu6jF9cS.css"><meta content="https://x.cn/_astro/aaaa-1200x800.jpeg">`;
    expect(copiesLinkedFrom(html, (name) => name.startsWith('aaaa-'))).toEqual([
      'aaaa-1200x800.jpeg',
      'aaaa-360x240.webp',
      'aaaa-720x480.webp',
    ]);
  });
});
