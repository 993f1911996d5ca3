/**
 * Photo captions, as the layout system exports them: numbered ("图一 须水河…"), credited
 * ("…现场。资料照片 九州路办事处提供", "…本报记者 李雪婷 摄"), or bare text standing
 * alone where an image slot left a gap of blank lines.
 */
import { CHINESE_NUMERALS_PATTERN } from './numerals.ts';

export interface Caption {
  /** 图一, 图二… when the paper numbered the photo. */
  label?: string;
  caption: string;
  credit?: string;
}

const NUMBERED = new RegExp(`^(图\\s*(?:${CHINESE_NUMERALS_PATTERN}|\\d+))[\\s\u3000:：]+(.+)$`, 'u');

/** Credits at the end of a caption. Order matters: the longest forms first. */
const CREDIT = [
  /\s*((?:本报)?资料(?:照片|图片)\s*\S*提供)$/u,
  /\s*((?:本报)?资料(?:照片|图片))$/u,
  /\s*((?:本报|郑报全媒体)?(?:记者|通讯员)\s*[\p{Script=Han}\s]{2,20}\s*摄)$/u,
  /\s+([\p{Script=Han}]{2,12}\s*摄)$/u,
  /\s+([\p{Script=Han}]{2,16}提供)$/u,
];

/** Splits a trailing credit off a caption. */
export function splitCredit(text: string): {
  caption: string;
  credit?: string;
} {
  for (const pattern of CREDIT) {
    const match = pattern.exec(text);
    if (match?.[1] && match.index > 0)
      return {
        caption: text.slice(0, match.index).trim(),
        credit: match[1].trim(),
      };
  }
  return { caption: text.trim() };
}

/** Does this line say it is a caption by its own form (numbered, or credited)? */
export function parseMarkedCaption(line: string): Caption | undefined {
  const text = line.trim();
  const numbered = NUMBERED.exec(text);
  if (numbered?.[1] && numbered[2])
    return {
      label: numbered[1].replace(/\s/g, ''),
      ...splitCredit(numbered[2]),
    };
  if (text.length > 150) return undefined;
  const split = splitCredit(text);
  return split.credit ? split : undefined;
}

/**
 * A bare line after an image slot (two or more blank lines) is a caption when it is short
 * and single: captions run one or two sentences, body paragraphs run longer.
 */
export function parseSlotCaption(line: string, blankLinesBefore: number): Caption | undefined {
  const text = line.trim();
  if (blankLinesBefore < 2 || text.length < 4 || text.length > 90) return undefined;
  return splitCredit(text);
}
