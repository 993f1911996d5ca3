/**
 * Text size (字号): four steps a reader chooses in the header (TextSize.astro), kept in
 * localStorage and written as one attribute on <html>, `data-text-size="large"`, from which
 * tokens.css sets `--text-scale` and every type size follows; before-paint.ts sets it before
 * the page is drawn. The step ids and the storage key are here; the scale of each step is in
 * tokens.css, the labels in i18n/zh-CN.ts.
 */

/** Smallest first; `standard` is what a page shows without script or a stored choice. */
export const TEXT_SIZES = ['standard', 'large', 'larger', 'largest'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export const TEXT_SIZE_ATTRIBUTE = 'data-text-size';
export const TEXT_SIZE_STORAGE_KEY = 'zhuanban:text-size';

export const isTextSize = (value: unknown): value is TextSize => TEXT_SIZES.some((size) => size === value);
