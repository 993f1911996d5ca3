/**
 * Figures inside a Gallery are numbered 图一, 图二… as the paper prints them — in features
 * (compiled by the features loader) and in .mdx pages (compiled by @astrojs/mdx) alike,
 * since both run the same remark steps. The fixture is cut from seed 004 (沟赵办事处).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileFeatureBody } from '../features/compile.ts';
import type { BodyNode, ComponentNode } from '../features/tree.ts';
import { compileMdx } from '../../../tests/support/markdown-processor.ts';

const gallery = readFileSync(new URL('../../../tests/fixtures/markdown/gallery.mdx', import.meta.url), 'utf8');

/** Every Figure of a compiled body, in document order. */
function figures(nodes: readonly BodyNode[]): ComponentNode[] {
  return nodes.flatMap((node) =>
    typeof node === 'string' ? [] : [...(node.component === 'Figure' ? [node] : []), ...figures(node.children)],
  );
}

const labelsOf = (nodes: readonly BodyNode[]) => figures(nodes).map((figure) => figure.props['label'] ?? null);

describe('Gallery numbering in a feature', () => {
  it('labels the Figures of a Gallery 图一, 图二, 图三 and leaves lone Figures unlabelled', () => {
    const { body } = compileFeatureBody(gallery, 'content/features/gouzhao/index.mdx');
    expect(labelsOf(body).slice(0, 4)).toEqual([null, '图一', '图二', '图三']);
  });

  it('restarts in each Gallery and keeps a label the editor wrote', () => {
    const { body } = compileFeatureBody(gallery, 'content/features/gouzhao/index.mdx');
    expect(labelsOf(body).slice(4)).toEqual(['图五', '图二']);
  });

  it('names each photo once, in order of first use, for the loader to resolve', () => {
    const { photos } = compileFeatureBody(gallery, 'content/features/gouzhao/index.mdx');
    expect(photos).toEqual([
      './photo-3.jpg',
      './photo-4.jpg',
      './photo-5.jpg',
      './photo-6.jpg',
      'https://example.cn/remote.jpg',
    ]);
  });
});

describe('Gallery numbering in an .mdx page', () => {
  it('labels the same Figures the same way', async () => {
    const code = await compileMdx(gallery);
    const labels = [...code.matchAll(/_jsx\(Figure, \{([\s\S]*?)\}\)/g)].map(
      ([, props = '']) => /label: "([^"]+)"/.exec(props)?.[1] ?? null,
    );
    expect(labels).toEqual([null, '图一', '图二', '图三', '图五', '图二']);
  });
});
