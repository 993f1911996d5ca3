/**
 * The importer: a raw page export in, one draft feature per story out, with a report of
 * what was decided and what needs a human. Pure: no file system (scripts/import.ts does I/O).
 */
import { assembleStory, dropDuplicates, type AssembledStory, type Node, type Note } from './assemble.ts';
import type { Caption } from './captions.ts';
import { emitBody, emitFeature } from './emit.ts';
import { ImportError } from './errors.ts';
import {
  firstCaption,
  guessOffice,
  guessYear,
  makeSummary,
  splitHeadlines,
  type District,
  type FeatureDraft,
} from './metadata.ts';
import { toFullWidth } from '../content/punctuation.ts';
import { segmentStories } from './segment.ts';
import { tokenize } from './tokens.ts';

export { decodeRaw, MAX_RAW_BYTES } from './decode.ts';
export { ImportError } from './errors.ts';
export type { District } from './metadata.ts';
export type { Note } from './assemble.ts';

export interface ImportOptions {
  /** The raw file's name, for messages. */
  file: string;
  /** content/districts.yaml entries. */
  districts: readonly District[];
  /** Folder names to use, in story order; missing ones are made from `fallbackSlug`. */
  slugs?: readonly string[];
  fallbackSlug: string;
  now?: Date;
}

export interface ImportedFeature {
  slug: string;
  mdx: string;
  /** Image files the MDX names (./photo-1.jpg …), for placeholders. */
  images: string[];
  notes: Note[];
  title: string;
}

export interface ImportResult {
  features: ImportedFeature[];
  /** Notes about the page as a whole (furniture, duplicates). */
  notes: Note[];
}

function fullWidthEverywhere(story: AssembledStory): number {
  let changes = 0;
  const fix = (text: string) => {
    const result = toFullWidth(text);
    changes += result.changes.length;
    return result.text;
  };
  const fixCaption = (c: Caption): Caption => ({
    ...c,
    caption: fix(c.caption),
    ...(c.credit ? { credit: fix(c.credit) } : {}),
  });
  story.headlines = story.headlines.map(fix);
  story.body = story.body.map((node): Node => {
    switch (node.kind) {
      case 'figure':
        return { ...node, caption: fixCaption(node.caption) };
      case 'gallery':
        return {
          ...node,
          figures: node.figures.map((f) => ({
            ...f,
            caption: fixCaption(f.caption),
          })),
        };
      default:
        return { ...node, text: fix(node.text) };
    }
  });
  return changes;
}

export function importPage(text: string, options: ImportOptions): ImportResult {
  const pageNotes: Note[] = [];
  const tokens = dropDuplicates(tokenize(text), pageNotes);
  if (!tokens.some((t) => t.kind === 'text')) {
    throw new ImportError(
      options.file,
      '文件里没有找到正文段落，请确认导出的是版面文字',
      'no body text found: check that this is a page text export',
    );
  }
  const segments = segmentStories(tokens);
  const pageCredit = tokens.find((t) => t.kind === 'page-credit');
  if (segments.length > 1) {
    pageNotes.push({
      line: 1,
      level: 'decided',
      message: `本版有 ${segments.length} 篇稿件，分成 ${segments.length} 个专版草稿（分界在第 ${segments
        .slice(1)
        .map((s) => s[0]!.line)
        .join('、')} 行）`,
    });
  }
  const features = segments.map((segment, index): ImportedFeature => {
    const notes: Note[] = [];
    const story = assembleStory(segment, notes);
    const punctuation = fullWidthEverywhere(story);
    if (punctuation)
      notes.push({
        line: story.firstLine,
        level: 'decided',
        message: `${punctuation} 处半角标点改为全角（数字、网址、英文中的不动）`,
      });
    const slug =
      options.slugs?.[index] ?? (segments.length > 1 ? `${options.fallbackSlug}-${index + 1}` : options.fallbackSlug);
    const draft = buildDraft(
      story,
      slug,
      options,
      notes,
      pageCredit?.kind === 'page-credit' ? pageCredit.text : undefined,
    );
    const todo = new Map<string, string>();
    for (const [key, why] of draft.todo) todo.set(key, why);
    const cover = firstCaption(story);
    let photoNumber = 1;
    const images = ['./photo-1.jpg'];
    const body = emitBody(
      story.body.filter((n) => !(cover && n.kind === 'figure' && n.caption === cover)),
      () => {
        photoNumber += 1;
        images.push(`./photo-${photoNumber}.jpg`);
        return `./photo-${photoNumber}.jpg`;
      },
    );
    if (images.length > 1 || cover)
      notes.push({
        line: story.firstLine,
        level: 'todo',
        message: `${images.length} 张占位图（photo-1.jpg…）：换成真实照片，并删去 placeholder；alt 暂用图注，请按照片内容改写`,
      });
    return {
      slug,
      mdx: emitFeature(draft, body, todo),
      images,
      notes,
      title: draft.title,
    };
  });
  return { features, notes: pageNotes };
}

function buildDraft(
  story: AssembledStory,
  slug: string,
  options: ImportOptions,
  notes: Note[],
  pageCredit: string | undefined,
): FeatureDraft & { todo: [string, string][] } {
  const todo: [string, string][] = [];
  const { office, district } = guessOffice(story, options.districts);
  const headlines = splitHeadlines(story.headlines, office.name);
  let title = headlines.title;
  if (!title) {
    title = `（待定标题）${office.name || slug}`;
    todo.push(['title', '版面上没有找到这篇稿件的标题，请填写']);
  } else if (story.headlines.length > 1) {
    todo.push([
      'title',
      `版面标题有 ${story.headlines.length} 行：${story.headlines.map((h) => `“${h}”`).join('、')}，请核对哪行是引题、主题、副题`,
    ]);
  }
  if (!office.name) todo.push(['office', '正文中没有找到“××办事处/街道/镇”，请填写']);
  else todo.push(['office', `按正文中出现最多的单位推断为“${office.name}”，请核对`]);
  const chosenDistrict = district ?? options.districts[0];
  if (!district)
    todo.push([
      'district',
      `正文没有提到 content/districts.yaml 中的任何区，暂填“${chosenDistrict?.id ?? ''}”，请改正`,
    ]);
  const year = guessYear(story, options.now ?? new Date());
  todo.push(['date', year.found ? `取自正文中的年份，请按见报日期核对` : '正文没有年份，暂填导入当年，请改正']);
  const paragraphs = story.body.filter((n) => n.kind === 'paragraph').map((n) => n.text);
  const summary = makeSummary(paragraphs.slice(0, 2));
  todo.push(['summary', '取自首段，请改写成 40–200 字的导语']);
  if (story.bylines.length === 0) todo.push(['bylines', '版面上没有找到署名，请补上作者']);
  const cover = firstCaption(story);
  if (!cover) todo.push(['cover', '版面上没有图注：题图是占位图，请换成真实照片并写 alt']);
  for (const [key, why] of todo)
    notes.push({
      line: story.firstLine,
      level: 'todo',
      message: `${key}：${why}`,
    });
  const photoCredit =
    pageCredit ??
    (story.photosByBylines
      ? story.bylineText.join(' ').replace(/[\s\u3000]*(?:文\s*[/／]\s*图|图\s*[/／]\s*文|文图|图文)$/u, '')
      : undefined);
  return {
    slug,
    title,
    ...(headlines.kicker ? { kicker: headlines.kicker } : {}),
    ...(headlines.subtitle ? { subtitle: headlines.subtitle } : {}),
    summary,
    office: office.name || '（待填写）',
    officeType: office.type,
    district: chosenDistrict?.id ?? '',
    city: chosenDistrict?.city ?? '',
    date: year.year,
    dateNote: year.note,
    bylines: story.bylines,
    ...(photoCredit ? { photoCredit } : {}),
    cover: cover
      ? {
          src: './photo-1.jpg',
          alt: cover.caption,
          caption: cover.caption,
          ...(cover.credit ? { credit: cover.credit } : {}),
        }
      : {
          src: './photo-1.jpg',
          alt: `占位图：${office.name || '本文'}题图，待换成真实照片`,
        },
    story,
    notes,
    todo,
  };
}
