/**
 * Numbers the Figures inside a Gallery — 图一, 图二… — the way the paper does, as real text
 * rather than a CSS counter, so captions read and search the same as in print. The number
 * restarts in each Gallery; a label the editor wrote is kept.
 */
import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { toChineseNumeral } from '../chinese-numerals.ts';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const isJsx = (node: { type: string }): node is JsxElement =>
  node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

const hasLabel = (element: JsxElement): boolean =>
  element.attributes.some((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'label');

export default function remarkGalleryLabels() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!isJsx(node) || node.name !== 'Gallery') return;
      let number = 0;
      for (const child of node.children) {
        if (!isJsx(child) || child.name !== 'Figure') continue;
        number += 1;
        if (!hasLabel(child)) {
          child.attributes.push({ type: 'mdxJsxAttribute', name: 'label', value: `图${toChineseNumeral(number)}` });
        }
      }
    });
  };
}
