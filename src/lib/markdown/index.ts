/**
 * The Markdown steps every feature goes through, in order. astro.config.mjs hands these
 * to the unified processor; tests run the same list, so what is tested is what is built.
 */
import remarkCjkFriendly from 'remark-cjk-friendly';
import { ui } from '../../i18n/zh-CN.ts';
import rehypeHeadingAnchors from './rehype-heading-anchors.ts';
import rehypeSectionIds from './rehype-section-ids.ts';
import remarkCjkLineBreaks from './remark-cjk-line-breaks.ts';
import remarkFigureImages from './remark-figure-images.ts';

export const remarkPlugins = [remarkCjkFriendly, remarkCjkLineBreaks, remarkFigureImages];
export const rehypePlugins = [
  rehypeSectionIds,
  // After rehypeSectionIds: anchors point at the ids it gives.
  [rehypeHeadingAnchors, { label: ui.share.sectionLink }],
];
