/**
 * A feature's body as the features loader stores it and FeatureBody.astro renders it: runs of
 * ready HTML between the site's MDX components, which keep their literal props and children.
 * No positions and no syntax tree: what is stored is what the page needs, so rendering a
 * feature is concatenating strings and calling five components.
 *
 *   ['<p>正文…</p>\n', { component: 'Figure', props: { src: './photo-2.jpg', alt: '…' }, children: [] }, …]
 *
 * An HTML element that holds a component (a paragraph around an inline PullQuote, say) is
 * kept as its opening tag, its children and its closing tag, each in place.
 */
import type { ComponentName } from '../content/components.ts';
import type { Photo } from '../photos/photo.ts';
import type { ReadingTime } from '../reading-time.ts';

export interface ComponentNode {
  component: ComponentName;
  /** Attributes as written: a quoted string, or true for a bare name (`<Figure placeholder />`). */
  props: Record<string, string | true>;
  children: BodyNode[];
}

export type BodyNode = string | ComponentNode;

/** What the loader derives from a feature's files, beside the frontmatter the schema checks. */
export interface FeatureContent {
  body: BodyNode[];
  /** Every photo the feature shows (the cover and each Figure), by the path the editor wrote. */
  photos: Record<string, Photo>;
  readingTime: ReadingTime;
}
