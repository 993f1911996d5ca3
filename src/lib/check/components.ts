/**
 * The props of the site's MDX components, as editors write them. A misspelled prop
 * (`captoin=`) would be dropped without a word and a prop the component needs (InfoBox's
 * title) would render an empty heading, so both are errors with the line and the nearest
 * valid name. Figure's src and alt have their own codes (content-checks.ts).
 */
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { nearest } from '../content/nearest.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { FeatureSource } from './feature-source.ts';

interface Props {
  /** Text props that must be given (and not empty). */
  required: readonly string[];
  /** Text props that may be given. */
  text: readonly string[];
  /** Props written bare, with no value: `<Figure placeholder … />`. */
  flags: readonly string[];
}

/** Every component in SITE_COMPONENTS (mdx-guard.ts) and the props its .astro file takes. */
export const COMPONENT_PROPS: Readonly<Record<string, Props>> = {
  // src and alt are required too, reported as figure-src and figure-alt; label is 图一… in a Gallery.
  Figure: { required: [], text: ['src', 'alt', 'caption', 'credit', 'label'], flags: ['placeholder'] },
  Gallery: { required: [], text: ['title'], flags: [] },
  EditorNote: { required: [], text: ['title'], flags: [] },
  InfoBox: { required: ['title'], text: ['title'], flags: [] },
  PullQuote: { required: [], text: ['cite'], flags: [] },
};

type Element = MdxJsxFlowElement | MdxJsxTextElement;

export function checkComponentProps(feature: FeatureSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!feature.tree) return out;
  visit(feature.tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const element: Element = node;
    const props = element.name ? COMPONENT_PROPS[element.name] : undefined;
    if (!props || !element.name) return;
    const name = element.name;
    const line = element.position?.start.line ?? 1;
    const report = (zh: string, en: string) =>
      out.push({ file: feature.file, line, severity: 'error', code: 'component-prop', zh, en });
    const known = [...props.text, ...props.flags];
    const attributes = element.attributes.filter((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute');
    for (const attribute of attributes) {
      const prop = attribute.name;
      if (!known.includes(prop) && !/^on/i.test(prop)) {
        const near = nearest(prop, known);
        report(
          `<${name}> 没有 ${prop} 这个属性${near.length ? `，是不是 ${near.join('、')}？` : ''}可用的属性：${known.join('、')}。拼错的属性不会显示在网页上`,
          `<${name}> has no prop "${prop}"${near.length ? `; did you mean ${near.join(', ')}?` : ''} (props: ${known.join(', ')})`,
        );
      } else if (props.flags.includes(prop) && attribute.value !== null && attribute.value !== undefined) {
        report(
          `<${name}> 的 ${prop} 只写属性名本身，不带值：写成 <${name} … ${prop} />，不需要时删去`,
          `${prop} on <${name}> takes no value: write it bare, or leave it out`,
        );
      } else if (props.text.includes(prop) && (attribute.value === null || attribute.value === undefined)) {
        report(`<${name}> 的 ${prop} 要写成 ${prop}="文字"`, `${prop} on <${name}> needs a value: ${prop}="text"`);
      }
    }
    for (const prop of props.required) {
      const attribute = attributes.find((a) => a.name === prop);
      // Written bare: reported above.
      if (attribute && (attribute.value === null || attribute.value === undefined)) continue;
      if (typeof attribute?.value !== 'string' || attribute.value.trim() === '')
        report(`<${name}> 缺少 ${prop}：写成 <${name} ${prop}="…">`, `<${name}> needs ${prop}="…"`);
    }
  });
  return out;
}
