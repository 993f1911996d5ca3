/**
 * Second pass, per story: put the layout system's pieces back into reading order.
 *
 * - a paragraph that does not end a sentence continues in the next paragraph (a column
 *   break cut it), even across a caption or a heading-shaped fragment in between;
 * - a heading is a short unpunctuated line after a finished paragraph; two in a row are a
 *   section (##) and its sub-heading (###);
 * - the headline lines before the first paragraph are the title (and kicker);
 * - 编者按 and the paragraph after it become an EditorNote at the top;
 * - bylines leave the text for the frontmatter; furniture is dropped and listed.
 */
import type { Byline } from './bylines.ts';
import type { Caption } from './captions.ts';
import { endsSentence, hanKey } from './chars.ts';
import { joinPair } from './join-lines.ts';
import type { Token } from './tokens.ts';

export type Node =
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'heading'; depth: 2 | 3; text: string; line: number }
  | { kind: 'figure'; caption: Caption; line: number }
  | {
      kind: 'gallery';
      figures: { caption: Caption; line: number }[];
      line: number;
    }
  | { kind: 'editor-note'; text: string; line: number };

export interface Note {
  line: number;
  /** decided: what the importer did; todo: what an editor must look at. */
  level: 'decided' | 'todo';
  message: string;
}

export interface AssembledStory {
  headlines: string[];
  body: Node[];
  bylines: Byline[];
  bylineText: string[];
  photosByBylines: boolean;
  pageCredit?: string;
  notes: Note[];
  firstLine: number;
}

/** Drops paragraphs and headings printed twice on the page (layout systems repeat jumps). */
export function dropDuplicates(tokens: readonly Token[], notes: Note[]): Token[] {
  const seen = new Set<string>();
  return tokens.filter((token) => {
    if (token.kind !== 'text' && token.kind !== 'heading') return true;
    const key = `${token.kind}:${hanKey(token.text)}`;
    if (hanKey(token.text).length < 6) return true;
    if (seen.has(key)) {
      notes.push({
        line: token.line,
        level: 'decided',
        message: `删除重复排印的${token.kind === 'text' ? '段落' : '标题'}：“${token.text.slice(0, 20)}…”`,
      });
      return false;
    }
    seen.add(key);
    return true;
  });
}

export function assembleStory(tokens: readonly Token[], notes: Note[]): AssembledStory {
  const story: AssembledStory = {
    headlines: [],
    body: [],
    bylines: [],
    bylineText: [],
    photosByBylines: false,
    notes,
    firstLine: tokens[0]?.line ?? 1,
  };
  const editorNotes: Node[] = [];
  let seenText = false;
  let open: { kind: 'paragraph'; text: string; line: number } | undefined;
  let deferred: Node[] = [];
  let headingRun = 0;
  let awaitingEditorNote: number | undefined;
  const joins: number[] = [];
  // Headings before the first paragraph are the headline (引题/主题/副题, at most two lines
  // as printed here); when there are three or more, the last two open the first section.
  const firstText = tokens.findIndex((t) => t.kind === 'text');
  const leading = tokens
    .slice(0, firstText < 0 ? tokens.length : firstText)
    .filter((t) => t.kind === 'heading' && t.depth === undefined);
  const leadingSections = new Set(leading.length >= 3 ? leading.slice(-2) : []);
  if (leadingSections.size) {
    notes.push({
      line: leading.at(-2)!.line,
      level: 'todo',
      message: `标题之后、首段之前有 ${leading.length} 行短句：前 ${leading.length - 2} 行当作标题，后 2 行当作第一节的小标题，请核对`,
    });
  }

  const closeParagraph = () => {
    if (open) story.body.push(open);
    open = undefined;
    story.body.push(...deferred);
    deferred = [];
  };
  const place = (node: Node) => (open ? deferred.push(node) : story.body.push(node));

  for (const token of tokens) {
    switch (token.kind) {
      case 'furniture':
        notes.push({
          line: token.line,
          level: 'decided',
          message: `删除版面元素（${token.reason}）：“${token.text}”`,
        });
        break;
      case 'page-credit':
        story.pageCredit = token.text;
        notes.push({
          line: token.line,
          level: 'decided',
          message: `“${token.text}”记为图片默认署名（photoCredit）`,
        });
        break;
      case 'byline':
        story.bylines.push(...token.byline.bylines);
        story.bylineText.push(token.text);
        story.photosByBylines ||= token.byline.alsoPhotos;
        notes.push({
          line: token.line,
          level: 'decided',
          message: `署名“${token.text}”移入 bylines`,
        });
        if (token.byline.doubt)
          notes.push({
            line: token.line,
            level: 'todo',
            message: token.byline.doubt,
          });
        break;
      case 'editor-note':
        if (token.text) {
          editorNotes.push({
            kind: 'editor-note',
            text: token.text,
            line: token.line,
          });
          notes.push({
            line: token.line,
            level: 'decided',
            message: '编者按放进文首的 EditorNote',
          });
        } else awaitingEditorNote = token.line;
        break;
      case 'caption': {
        const figure: Node = {
          kind: 'figure',
          caption: token.caption,
          line: token.line,
        };
        const last = (open ? deferred : story.body).at(-1);
        // Numbered captions in a row (图一, 图二…) are one gallery, numbered as printed.
        if (token.caption.label && last?.kind === 'figure' && last.caption.label) {
          const gallery: Node = {
            kind: 'gallery',
            figures: [
              { caption: last.caption, line: last.line },
              { caption: token.caption, line: token.line },
            ],
            line: last.line,
          };
          (open ? deferred : story.body).splice(-1, 1, gallery);
        } else if (token.caption.label && last?.kind === 'gallery') {
          last.figures.push({ caption: token.caption, line: token.line });
        } else place(figure);
        break;
      }
      case 'heading': {
        if (open && !endsSentence(open.text)) {
          // A heading-shaped fragment in the middle of a sentence: the rest of a cut paragraph.
          open.text = joinPair(open.text, token.text);
          break;
        }
        if (!seenText && token.depth !== 2 && token.depth !== 3 && !leadingSections.has(token)) {
          story.headlines.push(...(token.lines ?? [token.text]));
          break;
        }
        closeParagraph();
        const depth = token.depth === 3 || (token.depth === undefined && headingRun > 0) ? 3 : 2;
        story.body.push({
          kind: 'heading',
          depth,
          text: token.text,
          line: token.line,
        });
        headingRun += 1;
        break;
      }
      case 'text': {
        if (awaitingEditorNote !== undefined) {
          editorNotes.push({
            kind: 'editor-note',
            text: token.text,
            line: token.line,
          });
          notes.push({
            line: awaitingEditorNote,
            level: 'decided',
            message: '“编者按”及其后一段放进文首的 EditorNote',
          });
          awaitingEditorNote = undefined;
          break;
        }
        seenText = true;
        headingRun = 0;
        if (open && !endsSentence(open.text)) {
          open.text = joinPair(open.text, token.text);
          joins.push(token.line);
          break;
        }
        closeParagraph();
        open = { kind: 'paragraph', text: token.text, line: token.line };
        break;
      }
    }
  }
  closeParagraph();
  // Headings left at the very end have no section under them: the layout printed them
  // apart from their sections (or it is a headline printed at the foot). Keep their words.
  let trailing = 0;
  while (story.body.at(-1 - trailing)?.kind === 'heading') trailing += 1;
  if (trailing === 1 && story.headlines.length === 0) {
    const tail = story.body.pop() as Extract<Node, { kind: 'heading' }>;
    story.headlines.push(tail.text);
    notes.push({
      line: tail.line,
      level: 'todo',
      message: `文末的“${tail.text}”没有正文跟随，当作标题使用，请核对`,
    });
  } else if (trailing > 0) {
    const tails = story.body.slice(-trailing).map((n) => `“${n.kind === 'heading' ? n.text : ''}”`);
    notes.push({
      line: story.body.at(-trailing)!.line,
      level: 'todo',
      message: `文末有 ${trailing} 个小标题没有正文跟随：${tails.join('、')}。版面把它们排在了别处，请把每个移到所属段落之前`,
    });
  }
  if (joins.length) {
    notes.push({
      line: joins[0]!,
      level: 'decided',
      message: `${joins.length} 处段落被分栏或图片隔断，已接回（行 ${joins.join('、')}）`,
    });
  }
  story.body.unshift(...editorNotes);
  return story;
}
