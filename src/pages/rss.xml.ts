/**
 * /rss.xml: every published feature, newest first, with its full text.
 *
 * MDX has no compiledContent(), so each feature's Content component is rendered to HTML
 * with the container API, the way the Astro docs recommend for MDX in feeds:
 * https://docs.astro.build/en/recipes/rss/#including-full-post-content
 */
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { render } from 'astro:content';
import { mdxComponents } from '../components/mdx/index.ts';
import { ui } from '../i18n/zh-CN.ts';
import { getPublishedFeatures, resolveTopics } from '../lib/collections.ts';
import { featureDateToDate } from '../lib/feature-date.ts';
import { feedHtml } from '../lib/feed-html.ts';
import { canonicalUrl } from '../lib/share.ts';
import { withBase } from '../lib/site-url.ts';

export async function GET(context: APIContext) {
  const site = context.site ?? new URL(context.url.origin);
  const renderers = await loadRenderers([getContainerRenderer()]);
  const container = await AstroContainer.create({ renderers });
  const features = await getPublishedFeatures();
  const items = await Promise.all(
    features.map(async (feature) => {
      const link = withBase(`/features/${feature.id}/`);
      const { Content } = await render(feature);
      const html = await container.renderToString(Content, { props: { components: mdxComponents } });
      const topics = await resolveTopics(feature);
      return {
        title: feature.data.title,
        link,
        pubDate: featureDateToDate(feature.data.date),
        description: feature.data.summary,
        content: feedHtml(html, canonicalUrl(link, site)),
        categories: topics.map((topic) => topic.data.name),
      };
    }),
  );
  return rss({
    title: ui.site.name,
    description: ui.site.description,
    site,
    items,
    customData: '<language>zh-cn</language>',
    trailingSlash: true,
  });
}
