/**
 * A feature's rendered HTML made fit for a feed reader, which shows it outside the site,
 * without its CSS or JavaScript:
 * - every relative address (images, section anchors, links) becomes absolute, since feed
 *   readers resolve them against the feed's URL or not at all;
 * - parts that only work with the site's CSS and JS go: scripts and styles, the photo
 *   viewer's <dialog> (a second, larger copy of the photo), screen-reader-only text (which a
 *   feed reader would show), and the “#” heading anchors; the button that opens the viewer
 *   is unwrapped so the photo inside it stays;
 * - Astro's scoping attributes (data-astro-cid-…), which mean nothing outside the site.
 */

const URL_ATTRIBUTE = /(\s(?:href|src|poster)\s*=\s*)(["'])(.*?)\2/gi;
const SRCSET_ATTRIBUTE = /(\ssrcset\s*=\s*)(["'])(.*?)\2/gi;
const REMOVED_ELEMENTS = /<(script|style|dialog|template)\b[^>]*>[\s\S]*?<\/\1>/gi;
const HEADING_ANCHOR = /<a\b[^>]*class="heading-anchor"[^>]*>[\s\S]*?<\/a>/gi;
const SCREEN_READER_ONLY = /<span\b[^>]*class="sr-only"[^>]*>[^<]*<\/span>/gi;
const BUTTON_TAG = /<\/?button\b[^>]*>/gi;
const SCOPE_ATTRIBUTE = /\sdata-astro-cid-[\w-]+(?:="[^"]*")?/gi;

const absolute = (address: string, base: string) => {
  const decoded = address.replace(/&amp;/g, '&');
  try {
    return new URL(decoded, base).href.replace(/&/g, '&amp;');
  } catch {
    return address;
  }
};

/** Makes every href/src/srcset/poster absolute against `base` (the page's canonical URL). */
export function absolutizeUrls(html: string, base: string): string {
  return html
    .replace(
      URL_ATTRIBUTE,
      (_, before: string, quote: string, address: string) => `${before}${quote}${absolute(address, base)}${quote}`,
    )
    .replace(SRCSET_ATTRIBUTE, (_, before: string, quote: string, srcset: string) => {
      const candidates = srcset.split(',').map((candidate) => {
        const [address = '', ...descriptor] = candidate.trim().split(/\s+/);
        return [absolute(address, base), ...descriptor].join(' ');
      });
      return `${before}${quote}${candidates.join(', ')}${quote}`;
    });
}

/** Rendered feature HTML → HTML for an RSS item's content. */
export function feedHtml(html: string, base: string): string {
  const cleaned = html
    .replace(REMOVED_ELEMENTS, '')
    .replace(HEADING_ANCHOR, '')
    .replace(SCREEN_READER_ONLY, '')
    .replace(BUTTON_TAG, '')
    .replace(SCOPE_ATTRIBUTE, '');
  return absolutizeUrls(cleaned, base);
}
