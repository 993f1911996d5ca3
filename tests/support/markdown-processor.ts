/**
 * The site's own Markdown processor, taken from astro.config.mjs rather than rebuilt here,
 * so the tests run exactly the pipeline `astro build` runs (plugin order, smartypants off…).
 */
import { markdownConfigDefaults, type MarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import config from '../../astro.config.mjs';

type MdxRenderer = Awaited<ReturnType<NonNullable<MarkdownProcessor['createMdxRenderer']>>>;

function siteProcessor(): MarkdownProcessor {
  const processor = config.markdown?.processor;
  if (typeof processor !== 'object') {
    throw new Error('astro.config.mjs no longer sets markdown.processor: update tests/support/markdown-processor.ts');
  }
  return processor;
}

let markdown: Promise<MarkdownRenderer> | undefined;
let mdx: Promise<MdxRenderer> | undefined;

/** Markdown → HTML, as for a .md page. */
export async function renderMarkdown(source: string): Promise<string> {
  markdown ??= siteProcessor().createRenderer(markdownConfigDefaults);
  return (await (await markdown).render(source)).code;
}

/** MDX → the JavaScript module Astro compiles a feature into. */
export async function compileMdx(source: string, filePath = '/content/features/fixture/index.mdx'): Promise<string> {
  const processor = siteProcessor();
  if (!processor.createMdxRenderer) throw new Error('The Markdown processor in astro.config.mjs cannot compile MDX');
  mdx ??= processor.createMdxRenderer(markdownConfigDefaults, { optimize: false });
  return (await (await mdx).process(source, filePath, {})).code;
}
