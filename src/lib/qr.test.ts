import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrCodeSvg } from './qr.ts';

const URL_ = 'https://zhuanban.example.cn/features/jiuzhoulu/';

/** Reads the dark modules back out of qrcode's SVG path ("M4 4.5h7m4 0h2…"), as "x,y" cells. */
function darkCells(svg: string): Set<string> {
  const path = /<path stroke="[^"]+" d="([^"]+)"/.exec(svg)?.[1];
  if (!path) throw new Error('no dark path in the SVG');
  const cells = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of path.matchAll(/([Mmh])(-?[\d.]+)(?:\s(-?[\d.]+))?/g)) {
    if (command === 'M') [x, y] = [Number(a), Number(b) - 0.5];
    else if (command === 'm') [x, y] = [x + Number(a), y + Number(b)];
    else {
      for (let i = 0; i < Number(a); i += 1) cells.add(`${x + i},${y}`);
      x += Number(a);
    }
  }
  return cells;
}

describe('qrCodeSvg', () => {
  it('draws exactly the QR code of the URL, with a four-module quiet zone', async () => {
    const svg = await qrCodeSvg(URL_, '用微信扫码阅读本文');
    const { modules } = QRCode.create(URL_, { errorCorrectionLevel: 'M' });
    const expected = new Set<string>();
    for (let row = 0; row < modules.size; row += 1)
      for (let col = 0; col < modules.size; col += 1) if (modules.get(row, col)) expected.add(`${col + 4},${row + 4}`);
    expect(darkCells(svg)).toEqual(expected);
    expect(svg).toContain(`viewBox="0 0 ${modules.size + 8} ${modules.size + 8}"`);
  });

  it('is an image named by its label, for screen readers', async () => {
    const svg = await qrCodeSvg(URL_, '用微信扫码阅读本文');
    expect(svg).toMatch(/^<svg role="img" aria-label="用微信扫码阅读本文" [^>]*><title>用微信扫码阅读本文<\/title>/);
  });

  it('escapes the label', async () => {
    const svg = await qrCodeSvg(URL_, '扫码 <读> "本文" & 分享');
    expect(svg).toContain('aria-label="扫码 &lt;读&gt; &quot;本文&quot; &amp; 分享"');
    expect(svg).not.toContain('<读>');
  });

  it('differs for different pages', async () => {
    expect(await qrCodeSvg(URL_, 'x')).not.toBe(await qrCodeSvg('https://zhuanban.example.cn/features/erqi/', 'x'));
  });
});
