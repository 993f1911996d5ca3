import { describe, expect, it } from 'vitest';
import { canonicalUrl, weiboShareUrl } from './share.ts';

describe('canonicalUrl', () => {
  it('joins the site and the path', () => {
    expect(canonicalUrl('/features/jiulong/', 'https://zhuanban.example.cn')).toBe(
      'https://zhuanban.example.cn/features/jiulong/',
    );
    expect(canonicalUrl('/features/jiulong/', new URL('https://zhuanban.example.cn/'))).toBe(
      'https://zhuanban.example.cn/features/jiulong/',
    );
  });
});

describe('weiboShareUrl', () => {
  it('encodes the address and a Chinese title with quotes and spaces as query values', () => {
    const link = weiboShareUrl(
      'https://zhuanban.example.cn/features/erqi/?a=1&b=2',
      '二七区：高品质擘画“三项工程、一项管理”美丽新画卷',
    );
    const parsed = new URL(link);
    expect(parsed.origin + parsed.pathname).toBe('https://service.weibo.com/share/share.php');
    expect(parsed.searchParams.get('url')).toBe('https://zhuanban.example.cn/features/erqi/?a=1&b=2');
    expect(parsed.searchParams.get('title')).toBe('二七区：高品质擘画“三项工程、一项管理”美丽新画卷');
    expect([...parsed.searchParams.keys()]).toEqual(['url', 'title']);
  });
});
