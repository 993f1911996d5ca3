/**
 * Turns the bytes a layout system exported into text.
 *
 * Chinese newsroom systems export GB18030/GBK as often as UTF-8, and rarely say which.
 * UTF-8 is tried first, strictly: GB18030 byte pairs are almost never valid UTF-8, so a
 * strict UTF-8 decode that succeeds is trustworthy. Anything else is tried as GB18030
 * (a superset of GBK and GB2312). Node 24 ships full ICU, so both decoders are built in.
 */
import { ImportError } from './errors.ts';

export type RawEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: RawEncoding;
}

/** A raw page is ~20 KB; anything past this is not a page export. */
export const MAX_RAW_BYTES = 5 * 1024 * 1024;

const BOM = [0xef, 0xbb, 0xbf];

/** Binary files: any NUL byte, or more than 5% control characters other than tab/CR/LF/FF. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control += 1;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}

export function decodeRaw(bytes: Uint8Array, file = '输入文件'): DecodedText {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    throw new ImportError(file, '文件是空的，没有可导入的文字', 'the file is empty: export the page text again');
  }
  if (looksBinary(bytes)) {
    throw new ImportError(
      file,
      '这不是文本文件（含有二进制内容），请从排版系统导出“纯文本（.txt）”',
      'this is not a text file (it contains binary data): export the page as plain text (.txt)',
    );
  }
  const hasBom = BOM.every((b, i) => bytes[i] === b);
  try {
    const text = new TextDecoder('utf-8', {
      fatal: true,
      ignoreBOM: true,
    }).decode(hasBom ? bytes.subarray(3) : bytes);
    return { text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    // Not UTF-8: fall through to GB18030.
  }
  try {
    return {
      text: new TextDecoder('gb18030', { fatal: true }).decode(bytes),
      encoding: 'gb18030',
    };
  } catch {
    throw new ImportError(
      file,
      '无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK。请在排版系统中另存为 UTF-8 或 GBK 纯文本',
      'unrecognised encoding: neither UTF-8 nor GB18030/GBK. Save the page as UTF-8 or GBK plain text',
    );
  }
}
