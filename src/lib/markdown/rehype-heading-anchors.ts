/**
 * Gives each section heading (h2) a "link to this section" anchor: a visible “#” after the
 * heading that points at its ASCII id (#section-1, from rehype-section-ids), so a copied
 * link stays readable when pasted into WeChat.
 *
 * The link sits beside the heading, not inside it, so the heading's accessible name stays
 * its own words; the pair is wrapped for layout. Same pattern as Starlight's anchor links:
 * https://github.com/withastro/starlight/pull/3033
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export interface HeadingAnchorOptions {
  /** Screen-reader text of the anchor, given the heading's text. */
  label: (heading: string) => string;
}

const text = (value: string): ElementContent => ({ type: 'text', value });

const textOf = (node: RootContent): string =>
  node.type === 'text' ? node.value : 'children' in node ? node.children.map(textOf).join('') : '';

export default function rehypeHeadingAnchors({ label }: HeadingAnchorOptions) {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      const id = node.properties.id;
      if (node.tagName !== 'h2' || typeof id !== 'string' || !parent || index === undefined) return;
      const anchor: Element = {
        type: 'element',
        tagName: 'a',
        // Kept out of the search index: its screen-reader text repeats the heading in every excerpt.
        properties: { className: ['heading-anchor'], href: `#${id}`, dataPagefindIgnore: '' },
        children: [
          { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [text('#')] },
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['sr-only'] },
            children: [text(label(textOf(node)))],
          },
        ],
      };
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['heading-wrapper'] },
        children: [node, anchor],
      };
      parent.children[index] = wrapper;
      return [SKIP, index + 1];
    });
  };
}
