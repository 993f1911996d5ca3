/** /rss.xml: the newest features of the whole site, with their full text (_components/feature-feed.ts). */
import type { APIContext } from 'astro';
import { ui } from '../i18n/zh-CN.ts';
import { getPublishedFeatures } from '../lib/collections.ts';
import { featureFeed } from './_components/feature-feed.ts';

export async function GET(context: APIContext) {
  return featureFeed(context, {
    title: ui.site.name,
    description: ui.site.description,
    features: await getPublishedFeatures(),
  });
}
