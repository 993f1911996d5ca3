/**
 * The site's MDX components as the desk offers them: each one's props (text or flag, required
 * or not) and whether it wraps text. The ONE place the desk reads the component registry, so
 * when the registry moves into src/lib/content/ (issue 18) only this file is re-pointed.
 *
 * Runs at build time (the admin page hands the result to the browser as data): the check's
 * modules it reads may use node:.
 */
import { COMPONENT_PROPS } from '../check/components.ts';
import { SITE_COMPONENTS } from '../check/mdx-guard.ts';

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

// Not in COMPONENT_PROPS today: which components wrap what, and that Figure needs src and alt
// (checked under their own codes, figure-src and figure-alt). Issue 18's registry carries both.
const CHILDREN: Record<string, DeskComponent['children']> = {
  Figure: 'none',
  Gallery: 'figures',
};
const ALSO_REQUIRED: Record<string, readonly string[]> = { Figure: ['src', 'alt'] };

export function deskComponents(): DeskComponent[] {
  return SITE_COMPONENTS.map((name) => {
    const props = COMPONENT_PROPS[name];
    if (!props) throw new Error(`${name} is in SITE_COMPONENTS but has no COMPONENT_PROPS entry`);
    const required = new Set([...props.required, ...(ALSO_REQUIRED[name] ?? [])]);
    return {
      name,
      props: [
        ...props.text.map((prop) => ({ name: prop, kind: 'text' as const, required: required.has(prop) })),
        ...props.flags.map((prop) => ({ name: prop, kind: 'flag' as const, required: false })),
      ],
      children: CHILDREN[name] ?? 'text',
    };
  });
}
