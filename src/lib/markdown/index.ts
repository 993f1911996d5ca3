/**
 * The Markdown steps every feature goes through, in order. astro.config.mjs hands these
 * to the unified processor; tests run the same list, so what is tested is what is built.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { ui } from '../../i18n/zh-CN.ts';
import rehypeHeadingAnchors from './rehype-heading-anchors.ts';
import rehypeSectionIds from './rehype-section-ids.ts';
import remarkCjkLineBreaks from './remark-cjk-line-breaks.ts';
import remarkFigureImages from './remark-figure-images.ts';

// Typed as Astro's plugin lists: inferred, a [plugin, options] pair widens to an array of
// unions that astro.config.mjs's processor option does not accept.
export const remarkPlugins: RemarkPlugins = [remarkCjkFriendly, remarkCjkLineBreaks, remarkFigureImages];
export const rehypePlugins: RehypePlugins = [
  rehypeSectionIds,
  // After rehypeSectionIds: anchors point at the ids it gives.
  [rehypeHeadingAnchors, { label: ui.share.sectionLink }],
];
