/**
 * Traditional → simplified conversion, loaded only for queries that need it.
 *
 * opencc-js's dictionaries are ~34 KB gzipped, half the search page's script when they were
 * bundled in. Nearly every query is typed in simplified Chinese, so we first ask a cheap
 * question — could this text contain a traditional character? — and fetch the converter
 * only when the answer is yes.
 *
 * The check: GB2312, the mainland simplified character set, holds 6,768 hanzi. Of the 3,162
 * characters opencc changes, all but the few listed in TRADITIONAL_IN_GB2312 lie outside it,
 * so "a hanzi outside GB2312, or one of those few" finds every query opencc would change
 * (checked exhaustively in traditional-chinese.test.ts). The browser already knows GB2312:
 * TextDecoder decodes it, so the set costs no bytes to ship.
 */

/**
 * Hanzi inside GB2312 that opencc (Taiwan + traditional → mainland) still changes: on their
 * own (後→后, 於→于, 著→着 …) or inside phrases (反覆→反复, 沈思→沉思, 藉口→借口). 坏 and 哩
 * are left out on purpose: they are everyday simplified characters that opencc's phrase
 * table would turn into something else (打坏→打坯).
 */
export const TRADITIONAL_IN_GB2312 = '么乾吒夥後徵拚捱摺於榘菸著薹袷醣麴麽藉覆沈';

const HAN = /\p{Script=Han}/u;

let gb2312: Set<string> | undefined;

/** The 6,768 hanzi of GB2312 (rows 16–87), decoded once by the platform's GB2312 decoder. */
function gb2312Hanzi(): Set<string> {
  if (gb2312) return gb2312;
  const bytes: number[] = [];
  for (let row = 0xb0; row <= 0xf7; row += 1) {
    for (let cell = 0xa1; cell <= 0xfe; cell += 1) bytes.push(row, cell);
  }
  gb2312 = new Set(new TextDecoder('gb2312').decode(new Uint8Array(bytes)));
  return gb2312;
}

/** True when `text` has a character that traditional → simplified conversion might change. */
export function mayContainTraditional(text: string): boolean {
  for (const char of text) {
    if (!HAN.test(char)) continue;
    if (TRADITIONAL_IN_GB2312.includes(char) || !gb2312Hanzi().has(char)) return true;
  }
  return false;
}

export type Simplifier = (text: string) => string;

let loading: Promise<Simplifier> | undefined;

/** The opencc converter (Taiwan variants and traditional → mainland simplified), fetched on first use. */
export function loadSimplifier(): Promise<Simplifier> {
  loading ??= Promise.all([import('opencc-js/core'), import('opencc-js/from/tw'), import('opencc-js/to/cn')]).then(
    ([core, fromTaiwan, toMainland]) => core.ConverterFactory(fromTaiwan.default, toMainland.default),
  );
  return loading;
}
