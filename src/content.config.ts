/**
 * The site's collections: features, districts and topics.
 *
 * What an editor writes in each field, and the message they get when it is wrong, is the
 * content contract in src/lib/content/schema.ts, shared with `npm run check` (which runs it
 * over every feature before the build starts). Here the contract is given Astro's own
 * resolution of the fields that point elsewhere: district and tags become references to the
 * other two collections. The cover photo stays a path beside index.mdx, checked as the check
 * checks it: the features loader resolves it to the photo's content hash and size, so no photo
 * is imported into the bundle. The loader runs the check's own rules on each feature before
 * this schema sees it (src/lib/features/loader.ts).
 */
import { defineCollection, reference } from 'astro:content';
import { file } from 'astro/loaders';
import { photoPath } from './lib/content/fields.ts';
import { districtSchema, FIELDS, featureSchema, topicSchema } from './lib/content/schema.ts';
import { featuresLoader } from './lib/features/loader.ts';

export { OFFICE_TYPES } from './lib/content/schema.ts';

const features = defineCollection({
  // The folder name is the slug: content/features/jiulong/index.mdx → /features/jiulong/.
  // The loader compiles the body and resolves every photo (src/lib/features/loader.ts).
  loader: featuresLoader({ base: 'content/features' }),
  schema: () =>
    featureSchema({ photo: photoPath(FIELDS.coverSrc), district: reference('districts'), topic: reference('topics') }),
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
