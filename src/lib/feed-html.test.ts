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
  it('drops scripts and heading anchors but keeps the heading', () => {
    const html =
      '<div class="heading-wrapper"><h2 id="section-1">党建不断加强</h2><a class="heading-anchor" href="#section-1"><span aria-hidden="true">#</span><span class="sr-only">本节链接：党建不断加强</span></a></div>' +
      '<script type="module">x()</script><style>p{}</style>';
    expect(feedHtml(html, BASE)).toBe('<div class="heading-wrapper"><h2 id="section-1">党建不断加强</h2></div>');
  });

  it('keeps a Figure’s photo and caption, without the viewer, its button or screen-reader-only text', () => {
    // A gallery Figure as the site renders it (fengyang, 图一), cut short.
    const html =
      '<figure class="figure" data-astro-cid-2n6bsby7><button type="button" class="figure-open" commandfor="fig-1" command="show-modal" aria-label="查看大图：义诊" data-astro-cid-2n6bsby7>' +
      '<picture data-astro-cid-2n6bsby7="true"><source srcset="/_astro/p_360.avif 360w" type="image/avif"><img src="/_astro/p.jpg" alt="义诊" width="720" height="480" data-astro-cid-2n6bsby7="true"></picture>' +
      '<span class="figure-badge" data-astro-cid-2n6bsby7><span class="sr-only" data-astro-cid-2n6bsby7>（占位图）</span><span aria-hidden="true" data-astro-cid-2n6bsby7>占位图</span></span></button>' +
      '<figcaption class="figure-caption" data-astro-cid-2n6bsby7><span class="figure-label" data-astro-cid-2n6bsby7>图一</span>端午节当天，锦华苑小区邀请医疗专家为居民提供免费义诊。</figcaption>' +
      '<dialog id="fig-1" class="lightbox" data-astro-cid-2n6bsby7><button type="button" class="lightbox-close" data-astro-cid-2n6bsby7>关闭</button><picture><img src="/_astro/p_1600.jpg" alt="义诊"></picture></dialog></figure>';
    expect(feedHtml(html, BASE)).toBe(
      '<figure class="figure">' +
        '<picture><source srcset="https://zhuanban.example.cn/_astro/p_360.avif 360w" type="image/avif"><img src="https://zhuanban.example.cn/_astro/p.jpg" alt="义诊" width="720" height="480"></picture>' +
        '<span class="figure-badge"><span aria-hidden="true">占位图</span></span>' +
        '<figcaption class="figure-caption"><span class="figure-label">图一</span>端午节当天，锦华苑小区邀请医疗专家为居民提供免费义诊。</figcaption></figure>',
    );
  });
});
