/**
 * One printed page often carries several stories (two offices sharing a 专版). The export
 * does not mark where one ends, so the importer finds the offices the text is about and
 * splits where one office's run of mentions ends and another's begins.
 */
import type { Token } from './tokens.ts';

export type OfficeType = '办事处' | '街道' | '镇' | '区';
export interface Office {
  name: string;
  type: OfficeType;
}

const SUFFIX = /办事处|街道|镇/gu;
/** Words that end in 镇/街道 but name no office: 乡镇, 城镇, 足球小镇, 全街道… */
const NOT_A_BASE = /^(?:乡|城|村|集|小|全|该|各|本|个|等|和|的|与|及|县|市|区)/u;

export const tokenText = (token: Token): string => {
  switch (token.kind) {
    case 'text':
    case 'heading':
    case 'editor-note':
      return token.text;
    case 'caption':
      return token.caption.caption;
    default:
      return '';
  }
};

/** Candidate names at each suffix: the 2–4 Han characters before 办事处/街道/镇. */
function candidatesAt(text: string): { at: number; names: { name: string; type: OfficeType }[] }[] {
  const found: {
    at: number;
    names: { name: string; type: OfficeType }[];
  }[] = [];
  for (const match of text.matchAll(SUFFIX)) {
    const names: { name: string; type: OfficeType }[] = [];
    for (let length = 2; length <= 4; length++) {
      const base = text.slice(match.index - length, match.index);
      if (base.length < length || !/^\p{Script=Han}+$/u.test(base) || /办事处|街道|镇/u.test(base)) break;
      if (length === 2 && NOT_A_BASE.test(base.slice(-1))) break;
      names.push({ name: base + match[0], type: match[0] as OfficeType });
    }
    if (names.length) found.push({ at: match.index, names });
  }
  return found;
}

/** Office names mentioned in a text, with how often; names shorter than the real one are folded in. */
export function countOffices(texts: readonly string[]): Map<string, { office: Office; count: number }> {
  const raw = new Map<string, number>();
  const all = texts.flatMap((t) => candidatesAt(t));
  for (const { names } of all) for (const { name } of names) raw.set(name, (raw.get(name) ?? 0) + 1);
  const result = new Map<string, { office: Office; count: number }>();
  for (const { names } of all) {
    // The longest candidate that is about as frequent as the shortest: 九龙办事处, not 区九龙办事处.
    const shortest = raw.get(names[0]!.name) ?? 0;
    const chosen = [...names].reverse().find((n) => (raw.get(n.name) ?? 0) >= Math.max(2, shortest * 0.6)) ?? names[0]!;
    const entry = result.get(chosen.name) ?? {
      office: { name: chosen.name, type: chosen.type },
      count: 0,
    };
    entry.count += 1;
    result.set(chosen.name, entry);
  }
  return result;
}

function mentionsPerToken(tokens: readonly Token[], names: readonly string[]): number[][] {
  return tokens.map((token) => {
    const text = tokenText(token);
    return names.map((name) => text.split(name).length - 1);
  });
}

const MIN_MENTIONS = 3;
const MIN_STORY_CHARS = 1200;

/**
 * Splits the page's tokens into stories. A split at token i needs an office A mentioned at
 * least 3 times before i and at most once after, an office B the other way round, and
 * enough text on both sides to be a story. Applied repeatedly, it separates any number of stories.
 */
export function segmentStories(tokens: readonly Token[]): Token[][] {
  const offices = [...countOffices(tokens.map(tokenText)).values()]
    .filter((o) => o.count >= MIN_MENTIONS)
    .map((o) => o.office.name);
  if (offices.length < 2) return [tokens.slice()];
  const mentions = mentionsPerToken(tokens, offices);
  const chars = tokens.map((t) => tokenText(t).length);
  let best: { at: number; score: number } | undefined;
  for (let at = 1; at < tokens.length; at++) {
    if (tokens[at]!.kind !== 'text' && tokens[at]!.kind !== 'heading') continue;
    const before = offices.map((_, o) => mentions.slice(0, at).reduce((s, m) => s + m[o]!, 0));
    const after = offices.map((_, o) => mentions.slice(at).reduce((s, m) => s + m[o]!, 0));
    const charsBefore = chars.slice(0, at).reduce((a, b) => a + b, 0);
    const charsAfter = chars.slice(at).reduce((a, b) => a + b, 0);
    if (charsBefore < MIN_STORY_CHARS || charsAfter < MIN_STORY_CHARS) continue;
    for (let a = 0; a < offices.length; a++) {
      for (let b = 0; b < offices.length; b++) {
        if (a === b || before[a]! < MIN_MENTIONS || after[a]! > 1 || after[b]! < MIN_MENTIONS || before[b]! > 1)
          continue;
        // Split right where B's story starts: the first token after A's last mention that mentions B.
        if (mentions[at]![b] === 0) continue;
        const score = before[a]! + after[b]!;
        if (!best || score > best.score) best = { at, score };
      }
    }
  }
  if (!best) return [tokens.slice()];
  return [...segmentStories(tokens.slice(0, best.at)), ...segmentStories(tokens.slice(best.at))];
}
