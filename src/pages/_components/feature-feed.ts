/**
 * An RSS feed of features with their full text (feed-html.ts makes the HTML fit for a reader):
 * /rss.xml for the site, /districts/<id>/rss.xml for one district. Each carries the newest
 * FEED_SIZE (src/lib/feed.ts).
 *
 * A feature's body is rendered to HTML from its stored tree by the same component as its page
 * (FeatureBody), through the container API, the way the Astro docs render content for feeds:
 * https://docs.astro.build/en/recipes/rss/#including-full-post-content
 * A feature in the site's feed and its district's is rendered once per build.
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import FeatureBody from '../../components/FeatureBody.astro';
import { resolveTopics, type Feature } from '../../lib/collections.ts';
import { featureContent } from '../../lib/features/content.ts';
import { featureDateToDate } from '../../lib/feature-date.ts';
import { feedHtml } from '../../lib/feed-html.ts';
import { feedItems } from '../../lib/feed.ts';
import { canonicalUrl } from '../../lib/share.ts';
import { withBase } from '../../lib/site-url.ts';

let container: Promise<AstroContainer> | undefined;
const rendered = new Map<string, Promise<string>>();

/**
 * A feature's body as feed HTML, its addresses absolute against its page. `feedUrl` names the
 * feed in the request, so the photo copies it links to are published with it (src/lib/photos/url.ts).
 */
function contentOf(feature: Feature, pageUrl: string, feedUrl: URL): Promise<string> {
  let html = rendered.get(feature.id);
  if (!html) {
    container ??= AstroContainer.create();
    html = (async () => {
      const { body: nodes, photos } = featureContent(feature);
      const request = new Request(feedUrl);
      const body = await (await container).renderToString(FeatureBody, { props: { nodes, photos }, request });
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
        content: await contentOf(feature, canonicalUrl(link, site), context.url),
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
