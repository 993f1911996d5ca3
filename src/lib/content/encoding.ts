/**
 * A feature file must be UTF-8. One saved as GBK/GB18030 (Windows Notepad, older typesetting
 * exports) or with a paragraph pasted from one reads as garbage (�) on the page, so the check
 * names each line with bytes that are not UTF-8 and shows what they say read as GB18030.
 */
import type { Diagnostic } from './diagnostic.ts';

/** How many bytes the valid UTF-8 sequence at `i` takes, or 0 when the bytes there are not UTF-8. */
function utf8Length(bytes: Uint8Array, i: number): number {
  const byte = bytes[i]!;
  const length =
    byte < 0x80
      ? 1
      : byte >= 0xc2 && byte <= 0xdf
        ? 2
        : byte >= 0xe0 && byte <= 0xef
          ? 3
          : byte >= 0xf0 && byte <= 0xf4
            ? 4
            : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  // Overlong, surrogate and out-of-range sequences.
  const second = bytes[i + 1] ?? 0;
  if (
    (byte === 0xe0 && second < 0xa0) ||
    (byte === 0xed && second > 0x9f) ||
    (byte === 0xf0 && second < 0x90) ||
    (byte === 0xf4 && second > 0x8f)
  )
    return 0;
  return length;
}

/** The offset of the first byte from `from` on that does not begin valid UTF-8, or -1. */
function invalidUtf8At(bytes: Uint8Array, from = 0): number {
  for (let i = from; i < bytes.length;) {
    const length = utf8Length(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

export interface DecodedFile {
  /** The text, with U+FFFD for bytes that are not UTF-8 (a BOM kept, as Astro keeps it). */
  text: string;
  /** The lines holding bytes that are not UTF-8. */
  badLines: number[];
}

export function decodeUtf8(bytes: Uint8Array): DecodedFile {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const badLines = new Set<number>();
  let line = 1;
  let counted = 0;
  for (let at = invalidUtf8At(bytes); at >= 0; at = invalidUtf8At(bytes, skipLine(bytes, at))) {
    for (; counted < at; counted++) if (bytes[counted] === 0x0a) line++;
    badLines.add(line);
  }
  return { text, badLines: [...badLines] };
}

/** The offset just past the end of the line holding `at`. */
function skipLine(bytes: Uint8Array, at: number): number {
  const end = bytes.indexOf(0x0a, at);
  return end < 0 ? bytes.length : end + 1;
}

/**
 * Line `line` of `bytes` (1-based) as the editor meant it: UTF-8 where it is, GB18030 (the
 * superset of GBK) where it is not — a line pasted from an old file is often only partly either.
 */
function readAsMeant(bytes: Uint8Array, line: number): string {
  let start = 0;
  for (let n = 1; n < line; n++) start = skipLine(bytes, start);
  const end = bytes.indexOf(0x0a, start);
  const text = bytes.subarray(start, end < 0 ? bytes.length : end);
  const utf8 = new TextDecoder('utf-8');
  const gb18030 = new TextDecoder('gb18030');
  let out = '';
  for (let i = 0; i < text.length;) {
    let length = utf8Length(text, i);
    const decoder = length ? utf8 : gb18030;
    // A GB18030 character is two bytes, or four when its second byte is a digit.
    if (!length) length = (text[i + 1] ?? 0) >= 0x30 && (text[i + 1] ?? 0) <= 0x39 ? 4 : 2;
    out += decoder.decode(text.subarray(i, i + length));
    i += length;
  }
  return out.trim();
}

export function checkEncoding(
  file: string,
  bytes: Uint8Array,
  { badLines }: Pick<DecodedFile, 'badLines'>,
): Diagnostic[] {
  return badLines.map((line) => {
    const sample = [...readAsMeant(bytes, line)].slice(0, 24).join('');
    return {
      file,
      line,
      severity: 'error' as const,
      code: 'encoding',
      zh: `这一行不是 UTF-8 编码，网页上会显示成乱码（按 GBK/GB18030 读是“${sample}”）。请用编辑器把文件另存为 UTF-8，或重新输入这一行`,
      en: 'this line is not UTF-8 and would show as garbage; save the file as UTF-8 (it looks like GBK/GB18030)',
    };
  });
}
