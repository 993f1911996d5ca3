// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind.ts';
import { rehypePlugins, remarkPlugins } from './src/lib/markdown/index.ts';

// The address the site is published at: canonical URLs, feeds, the sitemap and the
// WeChat QR codes are built from it. Set SITE_URL when deploying elsewhere.
const site = process.env['SITE_URL'] ?? 'https://zhuanban.example.cn';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Astro 7's default engine (Sätteri) runs no remark plugins; remark-cjk-friendly and our
  // own steps need the unified processor. MDX inherits it.
  markdown: {
    processor: unified({ remarkPlugins, rehypePlugins, smartypants: false }),
  },
  integrations: [mdx(), sitemap(), pagefind()],
});
