/**
 * Half-width punctuation in Chinese text becomes full-width, as print style requires.
 *
 * "Chinese context" means a CJK character on at least one side of the mark (looking past
 * spaces). Marks between digits (1,000 · 2.5 · 10:30), inside URLs or e-mail addresses,
 * and between Latin words (Hello, world) are left alone. Part of the content
 * contract: the check warns about such marks, `npm run check -- --fix` and the importer turn
 * them full-width, so all three agree on what a fix is.
 */

/** Han ideographs and the CJK / full-width punctuation that sits between them. */
const CJK_CLASS = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019\u00b7`;
const CJK = new RegExp(`^[${CJK_CLASS}]$`, 'u');

export const isCjk = (char: string | undefined): boolean => char !== undefined && CJK.test(char);

const MARKS: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '!': '！',
  '?': '？',
  '.': '。',
};

/** Spans that are never touched: URLs, e-mail addresses, domain names. */
const PROTECTED = /(?:https?:\/\/|www\.)[^\s\u3000-\u303f\uff00-\uffef]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;

export interface PunctuationChange {
  /** Offset in the input. */
  index: number;
  from: string;
  to: string;
}

function protectedRanges(text: string): [number, number][] {
  return [...text.matchAll(PROTECTED)].map((m) => [m.index, m.index + m[0].length]);
}

const neighbour = (text: string, index: number, step: 1 | -1): string | undefined => {
  for (let i = index + step; i >= 0 && i < text.length; i += step) {
    const c = text[i]!;
    if (c !== ' ' && c !== '\t') return c;
  }
  return undefined;
};

const MARK = /[,;:!?.(]/g;

/** The offset of the first mark or opening parenthesis at or after `from`, or -1. */
function nextMark(text: string, from: number): number {
  MARK.lastIndex = from;
  return MARK.exec(text)?.index ?? -1;
}

/** Lists the changes; `toFullWidth` applies them. */
export function findHalfWidthPunctuation(text: string): PunctuationChange[] {
  const ranges = protectedRanges(text);
  const inProtected = (i: number) => ranges.some(([s, e]) => i >= s && i < e);
  const changes: PunctuationChange[] = [];
  // From one mark (or parenthesis) to the next: the check runs this over every feature's text,
  // and looking at each character in turn cost more than the rest of the rules together.
  for (let i = nextMark(text, 0); i >= 0; i = nextMark(text, i + 1)) {
    const c = text[i]!;
    if (inProtected(i)) continue;
    const before = neighbour(text, i, -1);
    const after = neighbour(text, i, 1);
    const rawBefore = text[i - 1];
    const rawAfter = text[i + 1];
    if (c in MARKS) {
      if (/\d/.test(rawBefore ?? '') && /\d/.test(rawAfter ?? '')) continue; // 1,000 · 2.5 · 10:30
      if (c === '.') {
        // A full stop only after a Han character and at a sentence end: never 'No.1', '...' or '2.5'.
        if (!/\p{Script=Han}/u.test(rawBefore ?? '') || rawAfter === '.' || (after !== undefined && !isCjk(after)))
          continue;
      } else if (!isCjk(before) && !isCjk(after)) continue;
      changes.push({ index: i, from: c, to: MARKS[c]! });
    } else if (c === '(') {
      const close = text.indexOf(')', i);
      if (close < 0) continue;
      const inner = text.slice(i + 1, close);
      if (inner.includes('(')) continue;
      if (![...inner].some((ch) => isCjk(ch)) && !(isCjk(before) && isCjk(neighbour(text, close, 1)))) continue;
      changes.push({ index: i, from: '(', to: '（' }, { index: close, from: ')', to: '）' });
      i = close;
    }
  }
  return changes;
}

export function applyChanges(text: string, changes: readonly PunctuationChange[]): string {
  // Indices are UTF-16 offsets (text[i]), and every mark is one code unit, so slicing is exact.
  let out = '';
  let from = 0;
  for (const change of [...changes].sort((a, b) => a.index - b.index)) {
    out += text.slice(from, change.index) + change.to;
    from = change.index + 1;
  }
  return out + text.slice(from);
}

export function toFullWidth(text: string): {
  text: string;
  changes: PunctuationChange[];
} {
  const changes = findHalfWidthPunctuation(text);
  return { text: applyChanges(text, changes), changes };
}
