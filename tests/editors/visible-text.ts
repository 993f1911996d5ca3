/**
 * What a reader would see of an imported feature, as plain text: the headline lines,
 * bylines, the cover's caption and the body with its captions — the parts the feature
 * page renders. Used to measure seed fidelity on the importer's output without a build;
 * the fragment logic mirrors ../shared/tools/seed-fidelity.mjs.
 */
import { createProcessor } from '@mdx-js/mdx';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { parse } from 'yaml';
import remarkGalleryLabels from '../../src/lib/markdown/remark-gallery-labels.ts';

interface FeatureData {
  kicker?: string;
  title?: string;
  subtitle?: string;
  bylines?: { name: string; role: string }[];
  photoCredit?: string;
  cover?: { caption?: string; credit?: string };
}

export function visibleText(mdx: string): string {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(mdx);
  const data = (match ? parse(match[1]!) : {}) as FeatureData;
  const body = match ? mdx.slice(match[0].length) : mdx;
  const parts = [data.kicker, data.title, data.subtitle].filter((p): p is string => Boolean(p));
  // Bylines print grouped by role: 郑报全媒体记者 范光华 张改华 通讯员 徐克镜 郭佳星
  const groups: string[] = [];
  for (const b of data.bylines ?? []) {
    const last = groups.length - 1;
    if (last >= 0 && groups[last]!.startsWith(`${b.role} `)) groups[last] = `${groups[last]!} ${b.name}`;
    else groups.push(`${b.role} ${b.name}`);
  }
  parts.push(groups.join(' '));
  if (data.photoCredit) parts.push(data.photoCredit);
  if (data.cover?.caption) parts.push(data.cover.caption);
  if (data.cover?.credit) parts.push(data.cover.credit);
  const tree = createProcessor().parse(body);
  // The same step the build runs: it prints 图一, 图二… on the Figures of a Gallery.
  remarkGalleryLabels()(tree);
  visit(tree, (node) => {
    if (node.type === 'text') parts.push(node.value);
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      // In the order Figure prints them: label, caption, credit.
      for (const name of ['label', 'caption', 'credit']) {
        const a = (node.attributes as MdxJsxAttribute[]).find((x) => x.name === name);
        if (typeof a?.value === 'string') parts.push(a.value);
      }
    }
  });
  return parts.join('\n');
}

export const keep = (s: string): string => s.normalize('NFKC').replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');

/** Share of the seed's fragments (≥ 8 letters, cut at line and sentence ends) found in some page. */
export function fidelity(seed: string, pages: readonly string[]): { share: number; missing: string[]; total: number } {
  const kept = pages.map(keep);
  const frags = seed
    .split(/[\n。！？；]/)
    .map(keep)
    .filter((f) => f.length >= 8);
  const missing = frags.filter((f) => !kept.some((p) => p.includes(f)));
  return {
    share: frags.length ? (frags.length - missing.length) / frags.length : 1,
    missing,
    total: frags.length,
  };
}
