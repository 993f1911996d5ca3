import { describe, expect, it } from 'vitest';
import { figureId, missingAltError, sourceFileForPage, unsupportedSrcError } from './figure.ts';

describe('missingAltError', () => {
  it('names the file and the caption, and says how to fix it', () => {
    const error = missingAltError(
      { alt: '  ', caption: '须水河南支公园蜕变成风景如画的城市公园。' },
      './photo-5.jpg',
      '/features/gouzhao/',
    );
    expect(error?.message).toMatchInlineSnapshot(`
      "content/features/gouzhao/index.mdx: <Figure caption="须水河南支公园蜕变成风景如画的城市公园。"> 缺少 alt（替代文本）。
      请用一句话写出照片里能看到什么，供看不见图片的读者使用，例如 alt="社区志愿者在小区门口为居民测量体温"。
      The Figure has no alt text: add alt="…" describing what the photo shows."
    `);
  });

  it('falls back to the src when the figure has no caption', () => {
    expect(missingAltError({}, './photo-2.jpg', '/features/erqi/')?.message).toContain('<Figure src="./photo-2.jpg">');
  });

  it('accepts any non-blank alt', () => {
    expect(missingAltError({ alt: '天健湖公园' }, 'x', '/features/gouzhao/')).toBeUndefined();
  });
});

describe('unsupportedSrcError', () => {
  it('tells the editor to put the photo beside index.mdx', () => {
    expect(unsupportedSrcError('photo-1.jpg', undefined, '/features/jiulong/').message).toMatchInlineSnapshot(`
      "content/features/jiulong/index.mdx: <Figure src="photo-1.jpg"> 的图片“photo-1.jpg”无法使用。
      照片请放在 index.mdx 旁边，并以 ./ 开头书写，例如 src="./photo-1.jpg"；不支持网址或其他目录中的图片。
      Figure src must be a photo file beside index.mdx, written like src="./photo-1.jpg" (no URLs)."
    `);
  });
});

describe('sourceFileForPage', () => {
  it('maps a feature page to its MDX file and leaves other pages as paths', () => {
    expect(sourceFileForPage('/features/jiuzhoulu/')).toBe('content/features/jiuzhoulu/index.mdx');
    expect(sourceFileForPage('/about/')).toBe('the page /about/');
  });
});

describe('figureId', () => {
  it('is stable and a valid, ASCII HTML id', () => {
    expect(figureId('/_astro/photo-4.abc.jpg', '图一', '项目概念图')).toBe(
      figureId('/_astro/photo-4.abc.jpg', '图一', '项目概念图'),
    );
    expect(figureId('/_astro/photo-4.abc.jpg')).toMatch(/^fig-[0-9a-z]+$/);
  });

  it('differs for the same photo under another label or caption', () => {
    const ids = new Set([
      figureId('/_astro/photo-1.jpg'),
      figureId('/_astro/photo-1.jpg', '图一'),
      figureId('/_astro/photo-1.jpg', '', '另一个图注'),
      figureId('/_astro/photo-2.jpg'),
    ]);
    expect(ids.size).toBe(4);
  });
});
