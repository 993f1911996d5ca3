/**
 * The site's components as the registry (components.ts) says they are written: their props
 * — a misspelled one (`captoin=`) would be dropped without a word, a missing one (InfoBox's
 * title) would render an empty heading — and their place: what each may hold, where each may
 * stand, and that none is left empty. A Figure inside a paragraph breaks the paragraph, a
 * Figure in a PullQuote quotes a photo, an empty Gallery is an empty box on the page.
 */
import type { Nodes, Parent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { COMPONENTS, componentSpec, type ComponentName, type ComponentSpec } from '../components.ts';
import type { Diagnostic } from '../diagnostic.ts';
import { nearest } from '../nearest.ts';
import { reporter, type FeatureText, type Report } from './feature.ts';

type Element = MdxJsxFlowElement | MdxJsxTextElement;

const isElement = (node: Nodes): node is Element =>
  node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
const isBlank = (node: Nodes): boolean =>
  (node.type === 'text' && node.value.trim() === '') ||
  // {/* comments */} render nothing; any other expression is the guard's to refuse.
  ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') &&
    node.value.replace(/\/\*[\s\S]*?\*\//g, '').trim() === '');
/**
 * A paragraph of nothing but JSX is the JSX itself (the compiler unravels it, as MDX does):
 * `<PullQuote>…</PullQuote>` on one line stands where the paragraph stands.
 */
const isUnravelled = (node: Nodes): boolean =>
  node.type === 'paragraph' && node.children.some(isElement) && node.children.every((c) => isElement(c) || isBlank(c));

/** The children of `parent` as they stand after unravelling: JSX-only paragraphs opened up. */
const childrenOf = (parent: Parent): Nodes[] =>
  (parent.children as Nodes[]).flatMap((child) => (isUnravelled(child) ? (child as Parent).children as Nodes[] : [child]));

const hasText = (node: Nodes): boolean =>
  node.type === 'text' ? node.value.trim() !== '' : 'children' in node && (node.children as Nodes[]).some(hasText);

function checkProps(element: Element, spec: ComponentSpec, report: Report): void {
  const name = spec.name;
  const at = (code: string, zh: string, en: string, severity: Diagnostic['severity'] = 'error') => {
    report(element, code, zh, en, { severity, column: false });
  };
  const known = spec.props.map((p) => p.name);
  const attributes = element.attributes.filter((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute');
  for (const attribute of attributes) {
    const prop = spec.props.find((p) => p.name === attribute.name);
    const bare = attribute.value === null || attribute.value === undefined;
    // on…= is the guard's (mdx-event-handler).
    if (!prop && !/^on/i.test(attribute.name)) {
      const near = nearest(attribute.name, known);
      at(
        'component-prop',
        `<${name}> 没有 ${attribute.name} 这个属性${near.length ? `，是不是 ${near.join('、')}？` : ''}可用的属性：${known.join('、')}。拼错的属性不会显示在网页上`,
        `<${name}> has no prop "${attribute.name}"${near.length ? `; did you mean ${near.join(', ')}?` : ''} (props: ${known.join(', ')})`,
      );
    } else if (prop?.kind === 'flag' && !bare) {
      at(
        'component-prop',
        `<${name}> 的 ${prop.name} 只写属性名本身，不带值：写成 <${name} … ${prop.name} />，不需要时删去`,
        `${prop.name} on <${name}> takes no value: write it bare, or leave it out`,
      );
    } else if (prop && prop.kind !== 'flag' && bare) {
      at(
        'component-prop',
        `<${name}> 的 ${prop.name} 要写成 ${prop.name}="文字"`,
        `${prop.name} on <${name}> needs a value: ${prop.name}="text"`,
      );
    }
  }
  for (const prop of spec.props) {
    if (!prop.required && !prop.missing) continue;
    const attribute = attributes.find((a) => a.name === prop.name);
    // Written bare: reported above; written {…}: the guard's (mdx-attribute). A photo written "" is
    // the photo rules' (photo-path).
    const value = attribute?.value;
    if (attribute && typeof value !== 'string') continue;
    if (typeof value === 'string' && (value.trim() !== '' || (prop.kind === 'photo' && attribute))) continue;
    if (prop.missing) at(prop.missing.code, prop.missing.zh, prop.missing.en, prop.missing.severity);
    else at('component-prop', `<${name}> 缺少 ${prop.name}：写成 <${name} ${prop.name}="…">`, `<${name}> needs ${prop.name}="…"`);
  }
}

/** The components that may stand inside `name`, as <A>、<B>: those whose parents name it. */
const inside = (name: string, separator: string) =>
  COMPONENTS.filter((c) => c.parents.includes(name as ComponentName))
    .map((c) => `<${c.name}>`)
    .join(separator);

/** What a component holds, in words, for the messages. */
function holds(spec: ComponentSpec): { zh: string; en: string } {
  switch (spec.content) {
    case 'none':
      return { zh: `不包任何内容，写成 <${spec.name} … />`, en: `holds nothing and is written <${spec.name} … />` };
    case 'components':
      return { zh: `里只放 ${inside(spec.name, '、')}，每个一行`, en: `holds ${inside(spec.name, ', ')} only, one per line` };
    case 'text':
      return { zh: '只包文字', en: 'holds text only' };
    case 'blocks':
      return { zh: '只包段落和列表', en: 'holds paragraphs and lists only' };
  }
}

/** What a component holds that it may not, other than components (their place is their own rule). */
function checkContent(element: Element, spec: ComponentSpec, report: Report): void {
  const name = spec.name;
  const children = childrenOf(element).filter((child) => !isBlank(child));
  const content = children.filter((child) => !(isElement(child) && componentSpec(child.name ?? '')));
  const what = holds(spec);
  if (spec.content === 'none' || spec.content === 'components') {
    const stray = content[0];
    if (stray)
      report(
        stray,
        'component-content',
        `<${name}> ${what.zh}：${spec.content === 'none' ? `把中间的内容删去，或移到 <${name} … /> 外面` : `文字请写在 <${name}> 外面`}`,
        `<${name}> ${what.en}: move what stands inside out of it`,
      );
  } else {
    const walk = (node: Nodes): void => {
      if (node.type === 'heading') {
        report(
          node,
          'component-content',
          `<${name}> 里不能写小标题（${'#'.repeat(node.depth)} …）：它不是正文的一节。把小标题移到 <${name}> 外面${spec.props.some((p) => p.name === 'title') ? `，或写进 title="…"` : ''}`,
          `no headings inside <${name}>: it is not a section of the story; move the heading out${spec.props.some((p) => p.name === 'title') ? ' or into title="…"' : ''}`,
        );
        return;
      }
      if (spec.content === 'text' && ['list', 'table', 'blockquote', 'code', 'thematicBreak'].includes(node.type)) {
        report(
          node,
          'component-content',
          `<${name}> ${what.zh}：不能放列表、表格、引用或分隔线`,
          `<${name}> ${what.en}: no lists, tables, quotations or rules`,
        );
        return;
      }
      if ('children' in node && !isElement(node)) for (const child of node.children as Nodes[]) walk(child);
    };
    for (const child of content) walk(child);
  }
  if (!spec.nonEmpty) return;
  const empty =
    spec.content === 'components'
      ? !children.some((child) => isElement(child) && componentSpec(child.name ?? ''))
      : !children.some(hasText);
  if (empty)
    report(
      element,
      'component-empty',
      spec.content === 'components'
        ? `<${name}> 是空的：放进至少一个 ${inside(name, '或')}，或删去 <${name}>`
        : `<${name}> 是空的：在 <${name}> 和 </${name}> 之间写上内容，或删去它`,
      spec.content === 'components'
        ? `<${name}> is empty: put at least one ${inside(name, ' or ')} in it, or remove it`
        : `<${name}> is empty: write its text between <${name}> and </${name}>, or remove it`,
      { column: false },
    );
}

/** Where `element` stands: the body, a component, or inside Markdown or HTML (a paragraph, a list…). */
function checkPlace(element: Element, spec: ComponentSpec, parent: Nodes | undefined, report: Report): void {
  const name = spec.name;
  const container = parent && isElement(parent) ? componentSpec(parent.name ?? '') : undefined;
  const where = parent === undefined || parent.type === 'root' ? 'body' : container?.name;
  if (where && spec.parents.includes(where)) return;
  if (container) {
    const what = holds(container);
    report(
      element,
      'component-place',
      `<${name}> 不能放在 <${container.name}> 里：<${container.name}> ${what.zh}。把 <${name}> 移到 </${container.name}> 后面，前后各空一行`,
      `<${name}> cannot stand inside <${container.name}>, which ${what.en}; move it out, with a blank line before and after`,
      { column: false },
    );
  } else {
    report(
      element,
      'component-place',
      `<${name}> 要单独成段：前后各空一行，不能夹在文字、列表、标题或其他标记里${spec.parents.length > 1 ? `（也可以放进 <${spec.parents.filter((p) => p !== 'body').join('>、<')}>）` : ''}`,
      `<${name}> must stand on its own, with a blank line before and after, not inside text, a list, a heading or other markup`,
      { column: false },
    );
  }
}

export function checkComponents(feature: FeatureText): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!feature.tree) return out;
  const report = reporter(feature, out);
  // Each node with the node it stands in, unravelled paragraphs looked through.
  const walk = (node: Nodes, parent: Nodes | undefined): void => {
    if (isElement(node)) {
      const spec = componentSpec(node.name ?? '');
      if (spec) {
        checkProps(node, spec, report);
        checkPlace(node, spec, parent, report);
        checkContent(node, spec, report);
      }
    }
    if (!('children' in node)) return;
    for (const child of childrenOf(node)) walk(child, node);
  };
  walk(feature.tree, undefined);
  return out;
}
