/**
 * The site's MDX components as the desk offers them for insertion: the content contract's one
 * registry (src/lib/content/components.ts) — each one's props (text, photo or flag, required or
 * not) and what may stand between its tags. The ONE place the desk reads the registry; it is
 * plain data, so the page script imports it as it is.
 */
import { COMPONENTS, type ComponentName, type ComponentSpec } from '../content/components.ts';

export type DeskComponent = ComponentSpec<ComponentName>;

/** Every component, in the order the editors' guide presents them. */
export const DESK_COMPONENTS: readonly DeskComponent[] = COMPONENTS;
