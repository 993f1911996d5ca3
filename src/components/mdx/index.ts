/**
 * Everything editors may write in a feature's MDX, in one place. The feature route passes
 * this map to <Content components={…} />, so editors never write an import line.
 */
import EditorNote from './EditorNote.astro';
import Figure from './Figure.astro';
import Gallery from './Gallery.astro';
import InfoBox from './InfoBox.astro';
import PullQuote from './PullQuote.astro';

export const mdxComponents = { Figure, Gallery, EditorNote, InfoBox, PullQuote };
