/**
 * The Markdown steps every feature goes through, in order. The features loader runs them
 * (src/lib/features/compile.ts) and astro.config.mjs hands the same lists to the unified
 * processor for .md/.mdx pages; tests run the same lists, so what is tested is what is built.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { ui } from '../../i18n/zh-CN.ts';
import rehypeHeadingAnchors from './rehype-heading-anchors.ts';
import rehypeSectionIds from './rehype-section-ids.ts';
import remarkCjkLineBreaks from './remark-cjk-line-breaks.ts';
import remarkGalleryLabels from './remark-gallery-labels.ts';

// Typed as Astro's plugin lists: inferred, a [plugin, options] pair widens to an array of
// unions that astro.config.mjs's processor option does not accept.
export const remarkPlugins: RemarkPlugins = [remarkCjkFriendly, remarkCjkLineBreaks, remarkGalleryLabels];
export const rehypePlugins: RehypePlugins = [
  rehypeSectionIds,
  // After rehypeSectionIds: anchors point at the ids it gives.
  [rehypeHeadingAnchors, { label: ui.share.sectionLink }],
];
