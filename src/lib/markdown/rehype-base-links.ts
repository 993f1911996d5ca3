/**
 * Puts an editor's site-relative links under the base path the site is published at:
 * `[全部专版](/archive/)` in a feature becomes `/zhuanban/archive/` when SITE_URL is
 * https://www.paper.cn/zhuanban/ (src/lib/site-url.ts). Editors write links as if the site
 * were at the root, so a feature does not change when the paper moves its site.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { joinBase } from '../site-url.ts';

const URL_PROPERTIES = ['href', 'src'] as const;

export default function rehypeBaseLinks(options: { base: string }) {
  const { base } = options;
  return (tree: Root) => {
    if (base === '/') return;
    visit(tree, 'element', (node) => {
      for (const name of URL_PROPERTIES) {
        const value = node.properties[name];
        // "/x" only: not "//host/x", relative "./photo.jpg", "#anchor" or full addresses.
        if (typeof value === 'string' && /^\/(?!\/)/u.test(value) && !value.startsWith(base))
          node.properties[name] = joinBase(base, value);
      }
    });
  };
}
