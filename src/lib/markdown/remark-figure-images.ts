/**
 * Lets editors write `<Figure src="./photo-1.jpg" …/>` in MDX, with no import line.
 *
 * astro:assets only optimises an image that reaches the component as an imported module,
 * so this step turns each relative `src` string on a Figure into an ESM import of that file
 * (resolved by Vite next to the MDX file, and failing the build if the file is missing).
 * It also numbers the Figures inside a Gallery — 图一, 图二… — the way the paper does,
 * as real text rather than a CSS counter, so captions read and search the same as in print.
 */
import type { Program } from 'estree';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { toChineseNumeral } from '../chinese-numerals.ts';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const isJsx = (node: { type: string }): node is JsxElement =>
  node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

const stringAttribute = (element: JsxElement, name: string): MdxJsxAttribute | undefined =>
  element.attributes.find(
    (a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name && typeof a.value === 'string',
  );

const importNode = (identifier: string, path: string): RootContent => {
  const estree: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [
      {
        type: 'ImportDeclaration',
        specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name: identifier } }],
        source: { type: 'Literal', value: path, raw: JSON.stringify(path) },
        attributes: [],
      },
    ],
  };
  return { type: 'mdxjsEsm', value: `import ${identifier} from ${JSON.stringify(path)};`, data: { estree } };
};

const identifierExpression = (identifier: string): MdxJsxAttribute['value'] => ({
  type: 'mdxJsxAttributeValueExpression',
  value: identifier,
  data: {
    estree: {
      type: 'Program',
      sourceType: 'module',
      body: [{ type: 'ExpressionStatement', expression: { type: 'Identifier', name: identifier } }],
    },
  },
});

/** Is this a path to a file beside the MDX (as opposed to a URL or an expression)? */
export const isRelativeImagePath = (src: string): boolean => /^\.\.?\//.test(src);

export default function remarkFigureImages() {
  return (tree: Root) => {
    const imports = new Map<string, string>();

    visit(tree, (node) => {
      if (!isJsx(node)) return;
      if (node.name === 'Gallery') {
        let number = 0;
        for (const child of node.children) {
          if (!isJsx(child) || child.name !== 'Figure') continue;
          number += 1;
          if (!stringAttribute(child, 'label')) {
            child.attributes.push({ type: 'mdxJsxAttribute', name: 'label', value: `图${toChineseNumeral(number)}` });
          }
        }
      }
      if (node.name !== 'Figure') return;
      const src = stringAttribute(node, 'src');
      if (!src || typeof src.value !== 'string' || !isRelativeImagePath(src.value)) return;
      let identifier = imports.get(src.value);
      if (!identifier) {
        identifier = `__zhuanbanImage${imports.size}`;
        imports.set(src.value, identifier);
      }
      src.value = identifierExpression(identifier);
    });

    tree.children.unshift(...[...imports].map(([path, identifier]) => importNode(identifier, path)));
  };
}
