/**
 * The components editors write in MDX, rendered by Astro's container API with the real
 * photo pipeline (the photo is a real seed placeholder from content/, resolved as the
 * features loader resolves it). Captions cut from seed 004 (沟赵办事处).
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import EditorNote from '../../src/components/mdx/EditorNote.astro';
import Figure from '../../src/components/mdx/Figure.astro';
import Gallery from '../../src/components/mdx/Gallery.astro';
import { ui } from '../../src/i18n/zh-CN.ts';
import { PhotoCache } from '../../src/lib/photos/photo-cache.ts';
import { offeredFormats, repo } from '../support/site.ts';

// As the features loader resolves it (content hash, size as shown), without a cache file.
const photo = await new PhotoCache(undefined, repo).resolve('content/features/gouzhao/photo-4.jpg', './photo-4.jpg');

const container = await AstroContainer.create();
const request = new Request('https://zhuanban.example.cn/features/gouzhao/');

const ALT = '紫荆网络信息安全科技园项目概念图，园区建筑群掩映在绿地之间';
const CAPTION = '9月份，第四届“强网杯”全国网络安全挑战赛将在紫荆网络信息安全科技园举行，图为项目概念图。';

async function render(component: Parameters<typeof container.renderToString>[0], props = {}, slot?: string) {
  const html = await container.renderToString(component, {
    props,
    request,
    ...(slot === undefined ? {} : { slots: { default: slot } }),
  });
  return parse(html);
}

/** The photo a reader sees in the page (the lightbox has its own copy inside <dialog>). */
const pagePhoto = (figure: HTMLElement) => figure.querySelector('figure > button img');

describe('Figure', () => {
  it('prints label and caption under the photo, and names the lightbox button by the alt', async () => {
    const figure = await render(Figure, { src: photo, alt: ALT, caption: CAPTION, label: '图一' });
    expect(figure.querySelector('figcaption')?.textContent).toBe(`图一${CAPTION}`);
    expect(pagePhoto(figure)?.getAttribute('alt')).toBe(ALT);
    expect(figure.querySelector('figure > button')?.getAttribute('aria-label')).toBe(ui.figure.open(ALT));
    expect(figure.querySelector('dialog')?.getAttribute('aria-label')).toBe(ui.figure.dialogLabel(CAPTION));
  });

  it('offers AVIF and WebP, with the size of the fallback image', async () => {
    const figure = await render(Figure, { src: photo, alt: ALT, caption: CAPTION });
    const img = pagePhoto(figure);
    const picture = figure.querySelector('figure > button picture');
    expect(picture && offeredFormats(picture)).toEqual(expect.arrayContaining(['avif', 'webp']));
    // The placeholder is 2000×1333; the fallback is 720 wide at the same ratio.
    expect([img?.getAttribute('width'), img?.getAttribute('height')]).toEqual(['720', '480']);
  });

  it('loads a lead photo at once and with high priority, others lazily', async () => {
    const lead = pagePhoto(await render(Figure, { src: photo, alt: ALT, lead: true }));
    const other = pagePhoto(await render(Figure, { src: photo, alt: ALT }));
    expect([lead?.getAttribute('loading'), lead?.getAttribute('fetchpriority')]).toEqual(['eager', 'high']);
    expect([other?.getAttribute('loading'), other?.getAttribute('fetchpriority')]).toEqual(['lazy', 'auto']);
  });

  it('says a placeholder is one, without changing the alt', async () => {
    const figure = await render(Figure, { src: photo, alt: ALT, caption: CAPTION, placeholder: true });
    const button = figure.querySelector('figure > button');
    const badge = figure.getElementById(button?.getAttribute('aria-describedby') ?? '');
    expect(badge?.textContent).toContain(ui.figure.placeholderDescription);
    expect(pagePhoto(figure)?.getAttribute('alt')).toBe(ALT);
  });

  it('stops the build with a message naming the file and the Figure when alt is missing', async () => {
    await expect(render(Figure, { src: photo, alt: ' ', caption: CAPTION })).rejects
      .toThrowErrorMatchingInlineSnapshot(`
      [Error: content/features/gouzhao/index.mdx: <Figure caption="9月份，第四届“强网杯”全国网络安全挑战赛将在紫荆网络信息安全科技园举行，图为项目概念图。"> 缺少 alt（替代文本）。
      请用一句话写出照片里能看到什么，供看不见图片的读者使用，例如 alt="社区志愿者在小区门口为居民测量体温"。
      The Figure has no alt text: add alt="…" describing what the photo shows.]
    `);
  });

  it('refuses a photo that is not a file beside index.mdx', async () => {
    await expect(render(Figure, { src: 'https://example.cn/photo.jpg', alt: ALT, caption: CAPTION })).rejects
      .toThrowErrorMatchingInlineSnapshot(`
      [Error: content/features/gouzhao/index.mdx: <Figure caption="9月份，第四届“强网杯”全国网络安全挑战赛将在紫荆网络信息安全科技园举行，图为项目概念图。"> 的图片“https://example.cn/photo.jpg”无法使用。
      照片请放在 index.mdx 旁边，并以 ./ 开头书写，例如 src="./photo-1.jpg"；不支持网址或其他目录中的图片。
      Figure src must be a photo file beside index.mdx, written like src="./photo-1.jpg" (no URLs).]
    `);
  });
});

describe('Gallery', () => {
  it('is a group named 组图 around its figures', async () => {
    const gallery = await render(Gallery, {}, '<figure>一</figure><figure>二</figure>');
    const group = gallery.querySelector('[role="group"]');
    expect(group?.getAttribute('aria-label')).toBe(ui.gallery.label);
    expect(group?.querySelectorAll('figure')).toHaveLength(2);
  });
});

describe('EditorNote', () => {
  it('is headed 编者按 and keeps the note’s text', async () => {
    const note = await render(EditorNote, {}, '<p>提升道路品质，出行顺心。</p>');
    expect(note.querySelector('h2')?.textContent.trim()).toBe(ui.editorNote.heading);
    expect(note.textContent).toContain('提升道路品质，出行顺心。');
  });
});
