/**
 * Fills the frontmatter as far as the text allows, and says what it guessed.
 * Nothing here invents a fact: a year is only taken from the text, a day never.
 */
import type { AssembledStory, Note } from './assemble.ts';
import type { Byline } from './bylines.ts';
import type { Caption } from './captions.ts';
import { countOffices, type Office, type OfficeType } from './segment.ts';

export interface District {
  id: string;
  name: string;
  fullName: string;
  city: string;
}

export interface FeatureDraft {
  slug: string;
  title: string;
  kicker?: string;
  subtitle?: string;
  summary: string;
  office: string;
  officeType: OfficeType;
  district: string;
  city: string;
  date: string;
  dateNote: string;
  bylines: Byline[];
  photoCredit?: string;
  cover: { src: string; alt: string; caption?: string; credit?: string };
  story: AssembledStory;
  notes: Note[];
}

const SENTENCE_END = /[。！？]/gu;

/** 40–200 characters for the summary, cut at a sentence end. */
export function makeSummary(paragraphs: readonly string[]): string {
  const text = paragraphs.join('');
  if (text.length <= 200) return text;
  let cut = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    if (match.index + 1 > 200) break;
    cut = match.index + 1;
  }
  return cut >= 40 ? text.slice(0, cut) : `${text.slice(0, 199)}…`;
}

function storyText(story: AssembledStory): string[] {
  return [
    ...story.headlines,
    ...story.body.flatMap((n) =>
      n.kind === 'gallery'
        ? n.figures.map((f) => f.caption.caption)
        : n.kind === 'figure'
          ? [n.caption.caption]
          : [n.text],
    ),
  ];
}

export function guessOffice(
  story: AssembledStory,
  districts: readonly District[],
): { office: Office; district?: District } {
  const texts = storyText(story);
  const all = texts.join('\n');
  const offices = [...countOffices(texts).values()].sort((a, b) => b.count - a.count);
  const districtCounts = districts
    .map((d) => ({
      district: d,
      count: all.split(d.name).length - 1 + all.split(d.fullName).length - 1,
    }))
    .sort((a, b) => b.count - a.count);
  const top = offices[0];
  const topDistrict = districtCounts[0]?.count ? districtCounts[0] : undefined;
  // A feature about a whole district mentions its streets in passing and the district throughout.
  if (topDistrict && (!top || topDistrict.count > top.count * 2)) {
    return {
      office: { name: topDistrict.district.name, type: '区' },
      district: topDistrict.district,
    };
  }
  return {
    office: top?.office ?? { name: '', type: '办事处' },
    ...(topDistrict ? { district: topDistrict.district } : {}),
  };
}

export function guessYear(story: AssembledStory, now: Date): { year: string; note: string; found: boolean } {
  const thisYear = now.getFullYear();
  const years = [
    ...storyText(story)
      .join('\n')
      .matchAll(/((?:19|20)\d{2})\s*年/gu),
  ]
    .map((m) => Number(m[1]))
    .filter((y) => y <= thisYear);
  if (years.length) {
    const latest = Math.max(...years);
    return {
      year: String(latest),
      note: `版面未印日期；导入工具取正文中最晚的年份“${latest}年”，请按见报日期核对。`,
      found: true,
    };
  }
  return {
    year: String(thisYear),
    note: `版面未印日期，正文也没有年份；导入工具暂填导入当年，请按见报日期改正。`,
    found: false,
  };
}

export function splitHeadlines(
  headlines: readonly string[],
  office: string,
): { title: string; kicker?: string; subtitle?: string } {
  const lines = headlines.map((h) => h.trim()).filter(Boolean);
  if (lines.length === 0) return { title: '' };
  if (lines.length === 1) {
    // "坚持党建引领 做优基层治理 二七区:高品质…": the part from the office name on is the title.
    const only = lines[0]!;
    const at = office ? only.indexOf(office) : -1;
    if (at > 0 && /[\s\u3000]$/u.test(only.slice(0, at)))
      return { kicker: only.slice(0, at).trim(), title: only.slice(at) };
    return { title: only };
  }
  // A line that is only a place name is printed above the headline: the kicker.
  const placeOnly = lines.findIndex((l) => l.length <= 12 && /(?:区|镇|办事处|街道|县|市)$/u.test(l));
  if (placeOnly >= 0) {
    const rest = lines.filter((_, i) => i !== placeOnly);
    return {
      kicker: lines[placeOnly]!,
      title: rest[0]!,
      ...(rest[1] ? { subtitle: rest.slice(1).join('　') } : {}),
    };
  }
  return { title: lines[0]!, subtitle: lines.slice(1).join('　') };
}

export function firstCaption(story: AssembledStory): Caption | undefined {
  for (const node of story.body) {
    if (node.kind === 'figure') return node.caption;
  }
  return undefined;
}
