/**
 * What read-aloud says, from the feature page as the browser has it: the article's text in
 * page order, cut into blocks as search cuts it (src/lib/search/blocks.ts) — kicker,
 * headline, subtitle, bylines, the date line, then every heading, paragraph, list item, info
 * box and caption. It leaves out what the search index leaves out (the page markup contract,
 * README "Search": `data-pagefind-ignore` furniture, the date note) and what the page does
 * not show (hidden, a closed dialog or details: nothing of it is drawn), except an element
 * marked `data-read-aloud`: a pull quote, which search skips only so as not to count its
 * sentence twice.
 *
 * Components set pieces of a line side by side in <span>s (caption and credit, bylines, the
 * date line): they are said with a pause between. A photo's caption is said as 「图：…」, or
 * 「图一：…」 when it carries a gallery label (Figure's .figure-label).
 */
import { BLOCK_ELEMENTS, EXCLUDED_CLASSES } from '../search/blocks.ts';

export interface SpokenBlock {
  /** The element marked while its text is said. */
  element: Element;
  text: string;
  /** A heading below the headline: where 下一节 goes. */
  section: boolean;
}

const leftOut = (element: Element): boolean =>
  (element.hasAttribute('data-pagefind-ignore') && !element.hasAttribute('data-read-aloud')) ||
  EXCLUDED_CLASSES.some((name) => element.classList.contains(name)) ||
  // Not drawn: display none (hidden, a closed dialog, scripts and styles), a closed details.
  element.getClientRects().length === 0;

/** The blocks of `article` in reading order; `captionWord` is said before a caption (图：). */
export function spokenBlocks(article: Element, captionWord: string): SpokenBlock[] {
  const blocks: SpokenBlock[] = [];
  let text = '';
  let owner = article;
  const flush = () => {
    let said = text.replace(/\s+/gu, ' ').trim();
    text = '';
    if (!said) return;
    if (owner.localName === 'figcaption' && owner.parentElement?.querySelector('img')) {
      const label = owner.querySelector('.figure-label')?.textContent.trim();
      said = label && said.startsWith(label) ? `${label}：${said.slice(label.length).trim()}` : captionWord + said;
    }
    blocks.push({ element: owner, text: said, section: /^h[2-6]$/u.test(owner.localName) });
  };
  const walk = (node: Node) => {
    if (node instanceof Text) text += node.data;
    if (!(node instanceof Element) || leftOut(node)) return;
    if (!BLOCK_ELEMENTS.has(node.localName)) {
      const apart = node.localName === 'span' || node.localName === 'br' ? ' ' : '';
      text += apart;
      node.childNodes.forEach(walk);
      text += apart;
      return;
    }
    flush();
    const outer = owner;
    owner = node;
    node.childNodes.forEach(walk);
    flush();
    owner = outer;
  };
  walk(article);
  return blocks;
}
