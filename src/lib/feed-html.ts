/**
 * A feature's rendered HTML made fit for a feed reader, which shows it outside the site:
 * - every relative address (images, section anchors, links) becomes absolute, since feed
 *   readers resolve them against the feed's URL or not at all;
 * - scripts, styles and interactive parts that only work with the site's CSS and JS
 *   (the photo viewer's <dialog>, buttons, the “#” heading anchors) are removed.
 */

const URL_ATTRIBUTE = /(\s(?:href|src|poster)\s*=\s*)(["'])(.*?)\2/gi;
const SRCSET_ATTRIBUTE = /(\ssrcset\s*=\s*)(["'])(.*?)\2/gi;
const REMOVED_ELEMENTS = /<(script|style|dialog|button|template)\b[^>]*>[\s\S]*?<\/\1>/gi;
const HEADING_ANCHOR = /<a\b[^>]*class="heading-anchor"[^>]*>[\s\S]*?<\/a>/gi;

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
    .replace(URL_ATTRIBUTE, (_, before: string, quote: string, address: string) => `${before}${quote}${absolute(address, base)}${quote}`)
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
  return absolutizeUrls(html.replace(REMOVED_ELEMENTS, '').replace(HEADING_ANCHOR, ''), base);
}
