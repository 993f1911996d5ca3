/**
 * Decisions behind the <Figure> MDX component, kept out of the .astro file so they can be
 * tested without Astro: what a figure is called, its lightbox id, and the editor-facing
 * errors for a photo that cannot be shown.
 */

export interface FigureText {
  alt?: string | undefined;
  caption?: string | undefined;
}

/** Where an editor finds the Figure: content/features/<slug>/index.mdx, from the page's path. */
export function sourceFileForPage(pathname: string): string {
  const slug = /^\/features\/([^/]+)\/?$/.exec(pathname)?.[1];
  return slug ? `content/features/${decodeURIComponent(slug)}/index.mdx` : `the page ${pathname}`;
}

/** The text an editor can search their file for to find the Figure: its caption, else its src. */
function locator(caption: string | undefined, src: string): string {
  return caption ? `caption="${caption}"` : `src="${src}"`;
}

/** Returns the error to throw when alt is missing or blank, or undefined when it is fine. */
export function missingAltError(text: FigureText, src: string, pathname: string): Error | undefined {
  if (text.alt?.trim()) return undefined;
  return new Error(
    [
      `${sourceFileForPage(pathname)}: <Figure ${locator(text.caption, src)}> 缺少 alt（替代文本）。`,
      `请用一句话写出照片里能看到什么，供看不见图片的读者使用，例如 alt="社区志愿者在小区门口为居民测量体温"。`,
      `The Figure has no alt text: add alt="…" describing what the photo shows.`,
    ].join('\n'),
  );
}

/** The error for a src that is not a photo file beside the MDX (a URL, or a path without ./). */
export function unsupportedSrcError(src: string, caption: string | undefined, pathname: string): Error {
  return new Error(
    [
      `${sourceFileForPage(pathname)}: <Figure ${locator(caption, src)}> 的图片“${src}”无法使用。`,
      `照片请放在 index.mdx 旁边，并以 ./ 开头书写，例如 src="./photo-1.jpg"；不支持网址或其他目录中的图片。`,
      `Figure src must be a photo file beside index.mdx, written like src="./photo-1.jpg" (no URLs).`,
    ].join('\n'),
  );
}

/**
 * A stable, unique-enough id for a figure's lightbox dialog: the same photo with the same
 * label and caption always gets the same id, so links and tests can rely on it, and two
 * different figures on one page practically never share one (FNV-1a, 32 bits).
 */
export function figureId(src: string, label = '', caption = ''): string {
  let hash = 0x811c9dc5;
  for (const char of `${src}\u0000${label}\u0000${caption}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `fig-${hash.toString(36)}`;
}
