/**
 * Links for sharing a page. Nothing here loads anything from a third party: the Weibo
 * link is an ordinary link the reader chooses to follow, and the WeChat QR code is drawn
 * at build time (see qr.ts).
 */

/** The page's absolute address on the published site, from Astro.site and the page's path. */
export function canonicalUrl(pathname: string, site: URL | string): string {
  return new URL(pathname, site).href;
}

/** Weibo's share page, pre-filled with the page's address and title. */
export function weiboShareUrl(url: string, title: string): string {
  return `https://service.weibo.com/share/share.php?url=${encodeURIComponent(url)}&title=${encodeURIComponent(title)}`;
}
