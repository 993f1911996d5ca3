/**
 * The tree renderer and the photo markup, through Astro's container API:
 * - Picture.astro writes what astro:assets' <Picture> writes for the same photo and props —
 *   the same elements, attributes, sizes and srcset widths — only the file names differ;
 * - FeatureBody renders a seed feature's compiled body with the site's components.
 * Fixtures are the seed 沟赵办事处 (seed 004) feature and its placeholder photos.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { Picture as AstroPicture } from 'astro:assets';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import FeatureBody from '../../src/components/FeatureBody.astro';
import Picture from '../../src/components/Picture.astro';
import { compileFeatureBody } from '../../src/lib/features/compile.ts';
import { FALLBACK_WIDTH, IMAGE_WIDTHS, pictureFormats } from '../../src/lib/image-settings.ts';
import { PhotoCache } from '../../src/lib/photos/photo-cache.ts';
import type { Photo } from '../../src/lib/photos/photo.ts';
import { repo } from '../support/site.ts';
import imported from '../../content/features/gouzhao/photo-4.jpg';

const container = await AstroContainer.create();
const request = new Request('https://zhuanban.example.cn/features/gouzhao/');
const render = async (component: Parameters<typeof container.renderToString>[0], props: Record<string, unknown>) =>
  parse(await container.renderToString(component, { props, request }));

const cache = new PhotoCache(undefined, repo);
const photo = await cache.resolve('content/features/gouzhao/photo-4.jpg', './photo-4.jpg');

/** An image URL as "<width>x<height>.<format>": Astro's dev URL or our copy's name. */
function size(url: string): string {
  const query = /[?&]w=(\d+)&h=(\d+)&f=(\w+)/.exec(url.replace(/&amp;/g, '&'));
  if (query) return `${query[1]}x${query[2]}.${query[3]}`;
  const name = /-(\d+)x(\d+)-q\d+-[0-9a-f]+\.(\w+)$/.exec(url);
  return name ? `${name[1]}x${name[2]}.${name[3]}` : url;
}

/** A <picture> as lines: elements with their attributes, URLs reduced to their size. */
function shape(picture: HTMLElement): string[] {
  return [picture, ...picture.querySelectorAll('*')].map((element) => {
    const attributes = Object.entries(element.attributes)
      .filter(([name]) => !name.startsWith('data-astro') && name !== 'data-image-component')
      .map(([name, value]) => {
        if (name === 'src') return `src=${size(value)}`;
        if (name === 'srcset')
          return `srcset=${value
            .split(', ')
            .map((c) => `${size(c.split(' ')[0]!)} ${c.split(' ')[1]!}`)
            .join(', ')}`;
        return `${name}=${value}`;
      })
      .sort();
    return `<${element.rawTagName} ${attributes.join(' ')}>`;
  });
}

describe('Picture', () => {
  // The props each place of the site passes (Figure, its lightbox, the cards, the home lead).
  const uses: [string, Record<string, unknown>][] = [
    [
      'Figure',
      {
        widths: IMAGE_WIDTHS,
        width: FALLBACK_WIDTH,
        sizes: '(min-width: 46rem) 42.75rem, 100vw',
        loading: 'lazy',
        decoding: 'async',
        fetchpriority: 'auto',
        class: 'figure-image',
      },
    ],
    [
      'lead Figure',
      {
        widths: IMAGE_WIDTHS,
        width: FALLBACK_WIDTH,
        sizes: '100vw',
        loading: 'eager',
        decoding: 'auto',
        fetchpriority: 'high',
      },
    ],
    [
      'lightbox',
      {
        widths: [1080, 1600],
        width: 1080,
        sizes: '100vw',
        loading: 'lazy',
        decoding: 'async',
        class: 'lightbox-image',
      },
    ],
    [
      'card',
      {
        class: 'cover',
        widths: IMAGE_WIDTHS.slice(0, 2),
        width: FALLBACK_WIDTH,
        sizes: '(min-width: 60rem) 18.5rem, 100vw',
        loading: 'lazy',
        decoding: 'async',
      },
    ],
  ];

  it.each(uses)('writes the %s photo as astro:assets does', async (_, props) => {
    const ours = await render(Picture, { src: photo, alt: '紫荆网络信息安全科技园', ...pictureFormats(), ...props });
    const astro = await render(AstroPicture, {
      src: imported,
      alt: '紫荆网络信息安全科技园',
      ...pictureFormats(),
      ...props,
    });
    expect(shape(ours.querySelector('picture')!)).toEqual(shape(astro.querySelector('picture')!));
  });
});

const gouzhao = join(repo, 'content/features/gouzhao');
const { content } = parseFrontmatter(readFileSync(join(gouzhao, 'index.mdx'), 'utf8'));
const compiled = compileFeatureBody(content, 'content/features/gouzhao/index.mdx');
const photos: Record<string, Photo> = {};
for (const src of compiled.photos) photos[src] = await cache.resolve(join(gouzhao, src), src);
const page = await render(FeatureBody, { nodes: compiled.body, photos });

describe('FeatureBody', () => {
  it('renders every Figure with its own photo, in order, the Gallery’s numbered 图一…', () => {
    const figures = page.querySelectorAll('figure.figure');
    expect(
      figures.map((figure) => figure.querySelector('img')!.getAttribute('src')!.split('/').pop()!.slice(0, 16)),
    ).toEqual(compiled.photos.map((src) => photos[src]!.hash));
    const labels = page.querySelectorAll('[role="group"] figcaption .figure-label').map((label) => label.textContent);
    expect(labels).toEqual(['图一', '图二', '图三']);
  });

  it('renders the sections with their ASCII ids and anchors, and keeps every paragraph', () => {
    const sections = content.match(/^## /gm)?.length ?? 0;
    expect(sections).toBeGreaterThan(1);
    expect(page.querySelectorAll('h2[id^="section-"]').map((h2) => h2.id)).toEqual(
      Array.from({ length: sections }, (_, i) => `section-${i + 1}`),
    );
    expect(page.querySelectorAll('.heading-anchor').map((a) => a.getAttribute('href'))).toEqual(
      Array.from({ length: sections }, (_, i) => `#section-${i + 1}`),
    );
    const paragraphs = content.split(/\n\s*\n/).filter((block) => /^\p{Script=Han}/u.test(block.trim()));
    for (const paragraph of paragraphs) expect(page.textContent).toContain(paragraph.trim().replace(/\*\*/g, ''));
  });
});
