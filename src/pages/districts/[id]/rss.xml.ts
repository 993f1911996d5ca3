/** /districts/<id>/rss.xml: one district's newest features, with their full text. */
import type { APIContext, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { ui } from '../../../i18n/zh-CN.ts';
import { getPublishedFeatures } from '../../../lib/collections.ts';
import { featuresInDistrict } from '../../../lib/taxonomy.ts';
import { featureFeed } from '../../_components/feature-feed.ts';

// A feed for each district that has a page: one with a published feature.
export const getStaticPaths = (async () => {
  const features = await getPublishedFeatures();
  return (await getCollection('districts'))
    .filter((district) => featuresInDistrict(features, district.id).length > 0)
    .map((district) => ({ params: { id: district.id }, props: { district } }));
}) satisfies GetStaticPaths;

export async function GET(context: APIContext) {
  const { district } = context.props as { district: CollectionEntry<'districts'> };
  return featureFeed(context, {
    title: `${ui.feed.districtTitle(district.data.name)}${ui.site.titleSeparator}${ui.site.name}`,
    description: ui.feed.districtDescription(district.data.fullName),
    features: featuresInDistrict(await getPublishedFeatures(), district.id),
  });
}
