import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_URL, joinBase, siteAddress, sitePath, withBase } from './site-url.ts';

describe('siteAddress', () => {
  it('takes the path of SITE_URL as the base, with or without its trailing slash', () => {
    expect(siteAddress('https://example.cn/zhuanban/')).toEqual({
      site: 'https://example.cn/zhuanban/',
      base: '/zhuanban/',
    });
    expect(siteAddress('https://example.cn/zhuanban')).toEqual({
      site: 'https://example.cn/zhuanban/',
      base: '/zhuanban/',
    });
    expect(siteAddress('https://org.github.io/a/b')).toEqual({ site: 'https://org.github.io/a/b/', base: '/a/b/' });
  });

  it('is the root for a bare domain, and the default address when SITE_URL is unset or empty', () => {
    expect(siteAddress('https://example.cn')).toEqual({ site: 'https://example.cn/', base: '/' });
    expect(siteAddress(undefined)).toEqual({ site: DEFAULT_SITE_URL, base: '/' });
    expect(siteAddress('  ')).toEqual({ site: DEFAULT_SITE_URL, base: '/' });
  });

  it('refuses what no site can be served under, saying so in Chinese and English', () => {
    expect(() => siteAddress('example.cn/zhuanban')).toThrow(/不是完整网址.*not an absolute URL/u);
    expect(() => siteAddress('ftp://example.cn/')).toThrow(/http\(s\)/u);
    expect(() => siteAddress('https://example.cn/z/?a=1')).toThrow(/query or fragment/u);
  });
});

describe('joinBase', () => {
  it('puts a site path under the base, however the slashes are written', () => {
    for (const base of ['/zhuanban/', '/zhuanban']) {
      expect(joinBase(base, '/features/a/')).toBe('/zhuanban/features/a/');
      expect(joinBase(base, 'features/a/')).toBe('/zhuanban/features/a/');
      expect(joinBase(base, '/')).toBe('/zhuanban/');
      expect(joinBase(base, '')).toBe('/zhuanban/');
    }
    expect(joinBase('/', '/search/')).toBe('/search/');
    expect(joinBase('/', 'favicon.svg')).toBe('/favicon.svg');
  });

  it('leaves addresses that are not site paths alone', () => {
    for (const address of ['https://weibo.com/x', '//cdn.example/x', '#main', '?q=1', 'mailto:a@b.cn'])
      expect(joinBase('/zhuanban/', address)).toBe(address);
  });

  it('round-trips with sitePath for any path drawn from the site', () => {
    const paths = ['/', '/features/jiulong/', '/districts/erqi/2/', '/pagefind/pagefind.js', '/_astro/a.b1C2.avif'];
    for (const base of ['/', '/zhuanban/', '/a/b/'])
      for (const path of paths) expect(sitePath(base, joinBase(base, path))).toBe(path);
  });
});

describe('sitePath', () => {
  it('is undefined for an address outside the base', () => {
    expect(sitePath('/zhuanban/', '/features/a/')).toBeUndefined();
    expect(sitePath('/zhuanban/', '/zhuanbanx/')).toBeUndefined();
    expect(sitePath('/zhuanban/', '/zhuanban')).toBe('/');
  });
});

describe('withBase', () => {
  it("uses the build's base (/ in unit tests)", () => {
    expect(withBase('/search/')).toBe(`${import.meta.env.BASE_URL.replace(/\/$/u, '')}/search/`);
  });
});
