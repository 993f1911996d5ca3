/**
 * Text size (字号): four steps a reader chooses in the header (TextSize.astro), kept in
 * localStorage and written as one attribute on <html>, `data-text-size="large"`, from which
 * tokens.css sets `--text-scale` and every type size follows. The step ids and the storage
 * key are here; the scale of each step is in tokens.css, the labels in i18n/zh-CN.ts.
 */

/** Smallest first; `standard` is what a page shows without script or a stored choice. */
export const TEXT_SIZES = ['standard', 'large', 'larger', 'largest'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export const TEXT_SIZE_ATTRIBUTE = 'data-text-size';
export const TEXT_SIZE_STORAGE_KEY = 'zhuanban:text-size';

export const isTextSize = (value: unknown): value is TextSize => TEXT_SIZES.some((size) => size === value);

/**
 * The inline script in every page's <head> (BaseLayout, its hash in the page's
 * Content-Security-Policy): it sets the stored step before the first paint, so the page never
 * jumps from one size to another, and again when a page comes back from the back-forward
 * cache after the reader chose another size elsewhere. Storage can throw (private modes,
 * blocked cookies): the page then reads at the standard size. The attribute being there at
 * all tells the stylesheet that scripts run, so the controls that need them may show.
 */
export const TEXT_SIZE_SCRIPT =
  `(function(d){function a(){var s;try{s=localStorage.getItem(${JSON.stringify(TEXT_SIZE_STORAGE_KEY)})}catch(e){}` +
  `d.setAttribute(${JSON.stringify(TEXT_SIZE_ATTRIBUTE)},${JSON.stringify(TEXT_SIZES)}.indexOf(s)>0?s:"standard")}` +
  `a();addEventListener("pageshow",a)})(document.documentElement)`;
