/**
 * The Markdown steps every feature goes through, in order. astro.config.mjs hands these
 * to the unified processor; tests run the same list, so what is tested is what is built.
 */
import remarkCjkFriendly from 'remark-cjk-friendly';
import rehypeSectionIds from './rehype-section-ids.ts';
import remarkCjkLineBreaks from './remark-cjk-line-breaks.ts';
import remarkFigureImages from './remark-figure-images.ts';

export const remarkPlugins = [remarkCjkFriendly, remarkCjkLineBreaks, remarkFigureImages];
export const rehypePlugins = [rehypeSectionIds];
