/**
 * An RSS feed of features with their full text (feed-html.ts makes the HTML fit for a reader):
 * /rss.xml for the site, /districts/<id>/rss.xml for one district. Each carries the newest
 * FEED_SIZE (src/lib/feed.ts).
 *
 * MDX has no compiledContent(), so a feature's Content component is rendered to HTML with the
 * container API, as the Astro docs recommend for MDX in feeds:
 * https://docs.astro.build/en/recipes/rss/#including-full-post-content
 * A feature in the site's feed and its district's is rendered once per build.
 */
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { render } from 'astro:content';
import { mdxComponents } from '../../components/mdx/index.ts';
import { resolveTopics, type Feature } from '../../lib/collections.ts';
import { featureDateToDate } from '../../lib/feature-date.ts';
import { feedHtml } from '../../lib/feed-html.ts';
import { feedItems } from '../../lib/feed.ts';
import { canonicalUrl } from '../../lib/share.ts';
import { withBase } from '../../lib/site-url.ts';

let container: Promise<AstroContainer> | undefined;
const rendered = new Map<string, Promise<string>>();

/** A feature's body as feed HTML, its addresses absolute against its page. */
function contentOf(feature: Feature, pageUrl: string): Promise<string> {
  let html = rendered.get(feature.id);
  if (!html) {
    container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
    html = (async () => {
      const { Content } = await render(feature);
      const body = await (await container).renderToString(Content, { props: { components: mdxComponents } });
      return feedHtml(body, pageUrl);
    })();
    // Not under `astro dev` (__ZHUANBAN_SHOW_DRAFTS__), where an edited feature must show anew.
    if (!__ZHUANBAN_SHOW_DRAFTS__) rendered.set(feature.id, html);
  }
  return html;
}

export interface FeatureFeed {
  title: string;
  description: string;
  /** Newest first; the feed takes the newest FEED_SIZE. */
  features: readonly Feature[];
}

export async function featureFeed(context: APIContext, { title, description, features }: FeatureFeed) {
  const site = context.site ?? new URL(context.url.origin);
  const items = await Promise.all(
    feedItems(features).map(async (feature) => {
      const link = withBase(`/features/${feature.id}/`);
      const topics = await resolveTopics(feature);
      return {
        title: feature.data.title,
        link,
        pubDate: featureDateToDate(feature.data.date),
        description: feature.data.summary,
        content: await contentOf(feature, canonicalUrl(link, site)),
        categories: topics.map((topic) => topic.data.name),
      };
    }),
  );
  return rss({
    title,
    description,
    site,
    items,
    customData: '<language>zh-cn</language>',
    trailingSlash: true,
  });
}
