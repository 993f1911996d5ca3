/**
 * Gives section headings short ASCII ids: #section-1, #section-2…
 *
 * The usual slug of a Chinese heading is the heading itself, which a link turns into
 * percent-escapes (#%E5%85%9A…). WeChat's link detection stops at the first non-ASCII
 * character of a pasted URL and the escapes are unreadable, so a shared link to a section
 * would break. Numbered ASCII ids survive pasting, and stay stable while the wording of
 * a heading is edited.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

const SECTION_HEADING = new Set(['h2', 'h3']);

export default function rehypeSectionIds() {
  return (tree: Root) => {
    let h2 = 0;
    let h3 = 0;
    visit(tree, 'element', (node) => {
      if (!SECTION_HEADING.has(node.tagName) || node.properties['id']) return;
      if (node.tagName === 'h2') {
        h2 += 1;
        h3 = 0;
        node.properties['id'] = `section-${h2}`;
      } else {
        h3 += 1;
        node.properties['id'] = `section-${h2}-${h3}`;
      }
    });
  };
}
