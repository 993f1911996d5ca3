/** 一 … 十九, as figure labels use them. */
export const CHINESE_NUMERALS_PATTERN = '十?[一二三四五六七八九十]';
