/**
 * The site's MDX components as the desk offers them: each one's props (text or flag, required
 * or not) and what goes between its tags — read from the one registry
 * (src/lib/content/components.ts), so a component or prop added there appears in the desk.
 */
import { COMPONENTS, type ContentModel } from '../content/components.ts';

export interface DeskProp {
  name: string;
  kind: 'text' | 'flag';
  required: boolean;
}

export interface DeskComponent {
  name: string;
  props: DeskProp[];
  /** What goes between its tags: paragraphs of text, Figures (Gallery), or nothing (Figure). */
  children: 'text' | 'figures' | 'none';
}

const CHILDREN: Record<ContentModel, DeskComponent['children']> = {
  none: 'none',
  components: 'figures',
  text: 'text',
  blocks: 'text',
};

export function deskComponents(): DeskComponent[] {
  return COMPONENTS.map((component) => ({
    name: component.name,
    props: component.props.map((prop) => ({
      name: prop.name,
      // A photo prop is written as text: the file's name beside index.mdx.
      kind: prop.kind === 'flag' ? ('flag' as const) : ('text' as const),
      required: prop.required,
    })),
    children: CHILDREN[component.content],
  }));
}
