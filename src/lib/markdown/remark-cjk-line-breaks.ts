/**
 * Removes line breaks that sit between two CJK characters.
 *
 * Markdown keeps a soft line break as a newline in the HTML, and browsers render that
 * newline as a space — harmless between English words, but a visible gap in the middle
 * of a Chinese sentence (Chromium does not implement the CSS Text rule that would
 * suppress it). Editors and the importer may hard-wrap Chinese text, so the break is
 * dropped here, at the Markdown step, wherever both neighbours are CJK.
 */
import type { Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/** Han ideographs, kana, Hangul, CJK punctuation and full-width forms. */
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019`;
const INNER_BREAK = new RegExp(`(?<=[${CJK}])[ \\t]*\\n[ \\t]*(?=[${CJK}])`, 'gu');
const IS_CJK = new RegExp(`^[${CJK}]$`, 'u');

const isCjk = (char: string | undefined): boolean => char !== undefined && IS_CJK.test(char);

/** Joins CJK-to-CJK line breaks inside one string of text. */
export function joinCjkLines(text: string): string {
  return text.replace(INNER_BREAK, '');
}

export default function remarkCjkLineBreaks() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text, index, parent) => {
      let value = joinCjkLines(node.value);
      // A break at the very edge of a text node sits next to an inline sibling
      // (**bold**, a link…): look at the sibling's neighbouring character.
      if (parent && index !== undefined) {
        const before = index > 0 ? toString(parent.children[index - 1]).slice(-1) : undefined;
        const after = toString(parent.children[index + 1] ?? '').slice(0, 1) || undefined;
        value = value.replace(/^[ \t]*\n[ \t]*/u, (brk) => (isCjk(before) && isCjk(value.trim()[0]) ? '' : brk));
        value = value.replace(/[ \t]*\n[ \t]*$/u, (brk) => (isCjk(after) && isCjk(value.trim().slice(-1)) ? '' : brk));
      }
      node.value = value;
    });
  };
}
