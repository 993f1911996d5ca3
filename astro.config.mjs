// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import contentCheck from './src/integrations/content-check.ts';
import drafts from './src/integrations/drafts.ts';
import httpHeaders from './src/integrations/http-headers.ts';
import pagefind from './src/integrations/pagefind.ts';
import photos from './src/integrations/photos.ts';
import verifyBuild from './src/integrations/verify-build.ts';
import { SECURITY_HEADERS } from './src/lib/http-headers.ts';
import { IMAGE_ENCODER } from './src/lib/image-settings.ts';
import { rehypePlugins, remarkPlugins } from './src/lib/markdown/index.ts';
import rehypeBaseLinks from './src/lib/markdown/rehype-base-links.ts';
import { siteAddress } from './src/lib/site-url.ts';

// The address the site is published at, path included (https://www.paper.cn/zhuanban/):
// canonical URLs, feeds, the sitemap and the WeChat QR codes are built from it, and its path
// is the base every link and asset is served under (src/lib/site-url.ts). Set SITE_URL when
// deploying; the CI workflows take it from the Pages address.
const { site, base } = siteAddress(process.env['SITE_URL']);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Every page carries a Content-Security-Policy <meta> with the hashes of its own inline
  // scripts and styles (Astro adds them; BaseLayout adds its inline layer order): no
  // 'unsafe-inline', nothing from another origin. Pagefind compiles its WebAssembly, which
  // needs 'wasm-unsafe-eval' (not 'unsafe-eval'). frame-ancestors and the other headers a
  // <meta> cannot carry come from src/lib/http-headers.ts.
  security: {
    csp: {
      directives: [
        "default-src 'none'",
        "img-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // What `astro preview` (npm start) sends with every file: the same values a host gets.
  server: { headers: { ...SECURITY_HEADERS } },
  // Encoder quality and effort chosen by bench/images.ts (see bench/README.md). Feature photos
  // are encoded with this service by src/integrations/photos.ts and cached, by content hash,
  // in node_modules/.astro/zhuanban-photos: keep that folder between CI runs.
  image: { service: { entrypoint: 'astro/assets/services/sharp', config: IMAGE_ENCODER } },
  // Astro 7's default engine (Sätteri) runs no remark plugins; remark-cjk-friendly and our
  // own steps need the unified processor. MDX inherits it: features are compiled by our own
  // loader with the same steps (src/lib/features), .md and .mdx pages by this processor.
  // An editor's "/archive/" link is put under the base path last.
  markdown: {
    processor: unified({
      remarkPlugins,
      rehypePlugins: [...rehypePlugins, [rehypeBaseLinks, { base }]],
      smartypants: false,
    }),
    // Shiki colours code with inline style="" attributes, which the Content-Security-Policy
    // refuses; newspaper features have no code to colour, so a code block stays plain.
    syntaxHighlight: false,
  },
  // drafts decides from the command (dev or build) whether drafts are shown; contentCheck
  // stops a bad build before any page is written; photos publishes the photo copies the pages
  // link to, first in astro:build:done; httpHeaders names the index parts pagefind wrote;
  // verifyBuild runs last, after pagefind, so the search index it checks exists.
  // Feature pages carry a cacheKey of what they show (src/pages/features/[slug].astro): a build
  // restores unchanged ones from node_modules/.astro/ instead of rendering them again.
  experimental: { incrementalBuild: true },
  // `astro dev` watches the project folder; the benchmarks' generated archives (bench/.work,
  // git-ignored, up to 10,000 features) would use up the system's file watchers.
  vite: { server: { watch: { ignored: ['**/bench/.work/**'] } } },
  integrations: [
    drafts(),
    contentCheck(),
    photos(),
    mdx(),
    sitemap({ filter: (page) => !page.endsWith('/admin/') }),
    pagefind(),
    httpHeaders(),
    verifyBuild(),
  ],
});
