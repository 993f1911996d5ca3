/**
 * `<Figure src="./photo.jpg">` in MDX becomes an image import (so astro:assets optimises it),
 * and Figures inside a Gallery are numbered 图一, 图二… as the paper prints them.
 * The fixture is cut from seed 004 (沟赵办事处) and compiled by the site's own MDX pipeline.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMdx } from './processor.ts';

const gallery = readFileSync(new URL('../../fixtures/markdown/gallery.mdx', import.meta.url), 'utf8');
const code = await compileMdx(gallery);

/** The props each Figure is called with, in document order, as written in the compiled JSX. */
function figureCalls(js: string): string[] {
  return [...js.matchAll(/_jsx\(Figure, \{([\s\S]*?)\}\)/g)].map(([, props = '']) => props.replace(/\s+/g, ' ').trim());
}

describe('Figure src → import', () => {
  it('imports each relative photo once, at the top of the module', () => {
    const imports = [...code.matchAll(/^import (\w+) from "(\.\/[^"]+)";$/gm)].map(([, id, path]) => `${id} ← ${path}`);
    expect(imports).toEqual([
      '__zhuanbanImage0 ← ./photo-3.jpg',
      '__zhuanbanImage1 ← ./photo-4.jpg',
      '__zhuanbanImage2 ← ./photo-5.jpg',
      '__zhuanbanImage3 ← ./photo-6.jpg',
    ]);
  });

  it('passes the imported image, not the string, to Figure; leaves URLs alone', () => {
    const srcs = figureCalls(code).map((props) => /src: ([^,]+),/.exec(props)?.[1]);
    expect(srcs).toEqual([
      '__zhuanbanImage0',
      '__zhuanbanImage1',
      '__zhuanbanImage2',
      '__zhuanbanImage3',
      '__zhuanbanImage0',
      '"https://example.cn/remote.jpg"',
    ]);
  });
});

describe('Gallery numbering', () => {
  it('labels the Figures of a Gallery 图一, 图二, 图三 and leaves lone Figures unlabelled', () => {
    const labels = figureCalls(code).map((props) => /label: "([^"]+)"/.exec(props)?.[1] ?? null);
    expect(labels.slice(0, 4)).toEqual([null, '图一', '图二', '图三']);
  });

  it('restarts in each Gallery and keeps a label the editor wrote', () => {
    const labels = figureCalls(code).map((props) => /label: "([^"]+)"/.exec(props)?.[1] ?? null);
    expect(labels.slice(4)).toEqual(['图五', '图二']);
  });
});
