/**
 * The Astro component of each of the site's MDX components, by its name in the registry
 * (src/lib/content/components.ts): FeatureBody.astro renders a feature's stored tree with
 * these. The type asks for exactly the registry's names, so a component added to or dropped
 * from the registry fails `astro check` here until it is added or dropped here too.
 */
import type { ComponentName } from '../../lib/content/components.ts';
import EditorNote from './EditorNote.astro';
import Figure from './Figure.astro';
import Gallery from './Gallery.astro';
import InfoBox from './InfoBox.astro';
import PullQuote from './PullQuote.astro';

export const mdxComponents = { Figure, Gallery, EditorNote, InfoBox, PullQuote } satisfies Record<
  ComponentName,
  unknown
>;
