import { describe, expect, it } from 'vitest';
import { absolutizeUrls, feedHtml } from './feed-html.ts';

const BASE = 'https://zhuanban.example.cn/features/jiuzhoulu/';

describe('absolutizeUrls', () => {
  it('resolves src, href and every srcset candidate against the page', () => {
    const html =
      '<img src="/_astro/photo-3.Ab1.webp" srcset="/_astro/photo-3.Ab1_360.webp 360w, /_astro/photo-3.Ab1_720.webp 720w" alt="新建的大寨店社区住宅楼">' +
      '<a href="#section-2">经济</a><a href="../erqi/">二七区</a><a href="https://example.org/x?a=1&amp;b=2">外链</a>';
    expect(absolutizeUrls(html, BASE)).toBe(
      '<img src="https://zhuanban.example.cn/_astro/photo-3.Ab1.webp" srcset="https://zhuanban.example.cn/_astro/photo-3.Ab1_360.webp 360w, https://zhuanban.example.cn/_astro/photo-3.Ab1_720.webp 720w" alt="新建的大寨店社区住宅楼">' +
        '<a href="https://zhuanban.example.cn/features/jiuzhoulu/#section-2">经济</a><a href="https://zhuanban.example.cn/features/erqi/">二七区</a><a href="https://example.org/x?a=1&amp;b=2">外链</a>',
    );
  });

  it('leaves text that merely looks like an attribute alone', () => {
    expect(absolutizeUrls('<p>src="/x" 不是属性</p>', BASE)).toBe('<p>src="/x" 不是属性</p>');
  });
});

describe('feedHtml', () => {
  it('drops scripts, dialogs, buttons and heading anchors but keeps the text and figures', () => {
    const html =
      '<div class="heading-wrapper"><h2 id="section-1">党建不断加强</h2><a class="heading-anchor" href="#section-1"><span aria-hidden="true">#</span><span class="sr-only">本节链接：党建不断加强</span></a></div>' +
      '<figure><button type="button">查看大图</button><img src="/_astro/a.webp" alt="晚会"><figcaption>演出现场。</figcaption></figure>' +
      '<dialog><img src="/_astro/a-large.webp" alt="晚会"></dialog><script type="module">x()</script>';
    expect(feedHtml(html, BASE)).toBe(
      '<div class="heading-wrapper"><h2 id="section-1">党建不断加强</h2></div>' +
        '<figure><img src="https://zhuanban.example.cn/_astro/a.webp" alt="晚会"><figcaption>演出现场。</figcaption></figure>',
    );
  });
});
