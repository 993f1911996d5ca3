/**
 * A QR code of a page's address, drawn at build time as inline SVG.
 *
 * WeChat readers share by scanning; an inline SVG needs no image request, no script and
 * no third-party QR service. It stays black on white (with the standard four-module quiet
 * zone) in dark mode too, because scanners need the contrast.
 */
import QRCode from 'qrcode';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An accessible inline SVG QR code for `url`; `label` is its text alternative. */
export async function qrCodeSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  const name = escapeXml(label);
  return svg
    .replace('<svg ', `<svg role="img" aria-label="${name}" `)
    .replace(/(<svg[^>]*>)/, `$1<title>${name}</title>`);
}
