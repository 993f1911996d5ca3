/**
 * The site's collections: features, districts and topics.
 *
 * What an editor writes in each field, and the message they get when it is wrong, is the
 * content contract in src/lib/content/schema.ts, shared with `npm run check` (which runs it
 * over every feature before the build starts). Here the contract is given Astro's own
 * resolution of the fields that point elsewhere: district and tags become references to the
 * other two collections, and the cover photo an image Astro imports and optimises.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { districtSchema, featureSchema, topicSchema } from './lib/content/schema.ts';

export { OFFICE_TYPES } from './lib/content/schema.ts';

const features = defineCollection({
  loader: glob({
    pattern: '*/index.mdx',
    base: './content/features',
    // The folder name is the slug: content/features/jiulong/index.mdx → /features/jiulong/
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: ({ image }) =>
    featureSchema({ photo: image(), district: reference('districts'), topic: reference('topics') }),
});

const districts = defineCollection({
  loader: file('content/districts.yaml'),
  schema: districtSchema,
});

const topics = defineCollection({
  loader: file('content/topics.yaml'),
  schema: topicSchema,
});

export const collections = { features, districts, topics };
