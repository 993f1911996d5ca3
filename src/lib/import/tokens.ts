/**
 * First pass over a raw page: split it into blocks at blank lines and say what each line
 * is — paragraph text, a heading candidate, a caption, a byline, 编者按, or furniture.
 * Lines a block hard-wrapped are joined here; paragraphs a column break cut apart are
 * joined later, once the story's order is known (assemble.ts).
 */
import { parseByline, type ParsedByline } from './bylines.ts';
import { parseMarkedCaption, parseSlotCaption, type Caption } from './captions.ts';
import { endsWithStop } from './chars.ts';
import { furnitureReason, pagePhotoCredit, stripTrailingRule } from './furniture.ts';
import { looksLikeHeading, looksLikeHeadline, markdownHeading } from './headings.ts';
import { joinLines } from './join-lines.ts';

interface At {
  /** 1-based line in the raw file. */
  line: number;
}

export type Token =
  | (At & { kind: 'text'; text: string; wrapped: number })
  | (At & { kind: 'heading'; text: string; depth?: number; lines?: string[] })
  | (At & { kind: 'caption'; caption: Caption })
  | (At & { kind: 'byline'; text: string; byline: ParsedByline })
  | (At & { kind: 'editor-note'; text: string })
  | (At & { kind: 'furniture'; text: string; reason: string })
  | (At & { kind: 'page-credit'; text: string });

interface RawLine {
  text: string;
  line: number;
}

interface Block {
  lines: RawLine[];
  blankBefore: number;
}

export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: RawLine[] = [];
  let blank = 0;
  let blankBefore = 0;
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.replace(/[\s\u3000]+$/u, '').replace(/^[ \t\u3000]+/u, '');
      if (line === '') {
        if (current.length) blocks.push({ lines: current, blankBefore });
        if (current.length) blank = 0;
        current = [];
        blank += 1;
        return;
      }
      if (!current.length) blankBefore = blank;
      current.push({ text: line, line: index + 1 });
    });
  if (current.length) blocks.push({ lines: current, blankBefore });
  return blocks;
}

const EDITOR_NOTE = /^[【\[(（]?编者按[】\])）]?[:：\s\u3000]*(.*)$/u;

/** Every line of the page, classified. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const blocks = splitBlocks(text);
  // Before the first paragraph, a line may be a long headline ("坚持党建引领 做优基层治理 二七区:…").
  const isPageTop = () => !tokens.some((t) => t.kind === 'text');
  blocks.forEach((block, blockIndex) => {
    // A short block of headline-shaped lines that does not end a sentence is a stack of
    // headings (引题 / 主题 / 副题), not one hard-wrapped paragraph.
    const slotCaption = blockIndex > 0 && block.lines.length === 1 && block.blankBefore >= 2;
    const headingStack =
      !slotCaption &&
      block.lines.length <= 3 &&
      block.lines.every((l) => looksLikeHeading(stripTrailingRule(l.text)) || markdownHeading(l.text)) &&
      !endsWithStop(block.lines.at(-1)!.text);
    let plain: RawLine[] = [];
    const stack: string[] = [];
    const flush = () => {
      if (!plain.length) return;
      const joined = joinLines(plain.map((l) => l.text));
      const first = plain[0]!.line;
      const slot =
        blockIndex > 0 && plain.length === 1 && block.lines.length === 1
          ? parseSlotCaption(joined, block.blankBefore)
          : undefined;
      if (slot) tokens.push({ kind: 'caption', caption: slot, line: first });
      else if (plain.length === 1 && (looksLikeHeading(joined) || (isPageTop() && looksLikeHeadline(joined))))
        tokens.push({ kind: 'heading', text: joined, line: first });
      else
        tokens.push({
          kind: 'text',
          text: joined,
          line: first,
          wrapped: plain.length,
        });
      plain = [];
    };
    for (const raw of block.lines) {
      const { line } = raw;
      const furniture = furnitureReason(raw.text);
      const credit = pagePhotoCredit(raw.text);
      const heading = markdownHeading(raw.text);
      const note = EDITOR_NOTE.exec(raw.text);
      const caption = parseMarkedCaption(raw.text);
      const byline = parseByline(raw.text);
      if (furniture || credit || heading || note || caption || byline || headingStack) flush();
      if (furniture)
        tokens.push({
          kind: 'furniture',
          text: raw.text,
          reason: furniture,
          line,
        });
      else if (credit) tokens.push({ kind: 'page-credit', text: credit, line });
      else if (heading)
        tokens.push({
          kind: 'heading',
          text: heading.text,
          depth: heading.depth,
          line,
        });
      else if (note) tokens.push({ kind: 'editor-note', text: note[1] ?? '', line });
      else if (caption) tokens.push({ kind: 'caption', caption, line });
      else if (byline) tokens.push({ kind: 'byline', text: raw.text, byline, line });
      else if (headingStack) {
        const stripped = stripTrailingRule(raw.text);
        if (stripped !== raw.text)
          tokens.push({
            kind: 'furniture',
            text: raw.text.slice(stripped.length),
            reason: '分隔线',
            line,
          });
        stack.push(stripped);
      } else plain.push(raw);
    }
    if (stack.length)
      tokens.push({
        kind: 'heading',
        text: stack.join('　'),
        lines: stack,
        line: block.lines[0]!.line,
      });
    flush();
  });
  return tokens;
}
