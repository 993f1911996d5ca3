/**
 * A feature's MDX body: parsed (`parseBody`, the one parse every reader of a feature uses),
 * then turned into the compact tree of tree.ts without evaluating anything.
 *
 * The contract's rules (src/lib/content/rules) limit a feature to Markdown plus the site's
 * components with literal props, so the body can be parsed (remark-parse + remark-mdx, with the
 * syntax of GFM and remark-cjk-friendly) and taken through the same steps as @astrojs/mdx takes
 * an .mdx module — GFM, our remark and rehype steps (src/lib/markdown), rehype-raw, Astro's
 * heading ids — and then written out as HTML wherever no component is involved. The steps and
 * their order follow @mdx-js/mdx's createProcessor and @astrojs/markdown-remark's MDX
 * processor, so a page reads exactly as it did when every feature was compiled into a
 * JavaScript module (bench/README.md, "Features as data").
 */
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Paragraph, Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { isComponentName } from '../content/components.ts';
import { rehypePlugins, remarkPlugins } from '../markdown/index.ts';
import rehypeBaseLinks from '../markdown/rehype-base-links.ts';
import type { BodyNode, ComponentNode } from './tree.ts';

type JsxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;
const isJsx = (node: { type: string }): node is JsxElement =>
  node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/**
 * A paragraph that holds nothing but JSX (and white space) is the JSX itself, as in
 * @mdx-js/mdx's remark-mark-and-unravel: `<Figure … /> <Figure … />` on one line are two
 * figures, not a paragraph of figures.
 */
function remarkUnravelJsx() {
  return (tree: MdastRoot) => {
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      if (!parent || index === undefined) return;
      const onlyJsx =
        node.children.some((child) => child.type === 'mdxJsxTextElement' || child.type === 'mdxTextExpression') &&
        node.children.every(
          (child) =>
            child.type === 'mdxJsxTextElement' ||
            child.type === 'mdxTextExpression' ||
            (child.type === 'text' && child.value.trim() === ''),
        );
      if (!onlyJsx) return;
      const unravelled: MdastContent[] = [];
      for (const child of node.children) {
        // Flow elements hold flow content; what was phrasing content stays valid inside.
        if (child.type === 'mdxJsxTextElement')
          unravelled.push({ ...child, type: 'mdxJsxFlowElement' } as MdastContent);
        if (child.type === 'mdxTextExpression') unravelled.push({ ...child, type: 'mdxFlowExpression' });
      }
      // The content model is the one MDX itself accepts after the same rewrite.
      parent.children.splice(index, 1, ...(unravelled as typeof parent.children));
      return index;
    });
  };
}

/** MDX's node types, passed through remark-rehype and rehype-raw untouched (as @mdx-js/mdx's nodeTypes). */
const MDX_NODE_TYPES = [
  'mdxFlowExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxTextExpression',
  'mdxjsEsm',
] as const;

/**
 * The processor for a site published under `base`: an editor's "/archive/" link is put under
 * the base path last, as astro.config.mjs does for Markdown (rehype-base-links). Its parser is
 * the same for every base: remark-parse with the syntax extensions of remark-mdx, remark-gfm
 * and remark-cjk-friendly (unified gathers those from every plugin).
 */
const processors = new Map<string, ReturnType<typeof createProcessor>>();
function createProcessor(base: string) {
  return unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkUnravelJsx)
    .use(remarkGfm)
    .use(remarkPlugins as PluggableList)
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: [...MDX_NODE_TYPES] })
    .use(rehypeRaw, { passThrough: [...MDX_NODE_TYPES] })
    .use(rehypePlugins as PluggableList)
    .use(rehypeBaseLinks, { base })
    .use(rehypeHeadingIds);
}

function processorFor(base: string) {
  let processor = processors.get(base);
  if (!processor) processors.set(base, (processor = createProcessor(base)));
  return processor;
}

/**
 * The body's syntax tree: `body` is the file's text with the frontmatter blanked out (Frontmatter's
 * `body`), so positions are file lines. Throws the parser's error (a VFileMessage with its place)
 * for a body that is not valid MDX.
 */
export function parseBody(body: string): MdastRoot {
  return processorFor('/').parse(body);
}

/**
 * The page's HTML tree of a parsed body, every remark and rehype step run, for a site published
 * under `base` (Astro's `base`, "/" by default). Takes `tree` over: the steps change it in place.
 */
export function toHast(tree: MdastRoot, file: string, base = '/'): HastRoot {
  const processor = processorFor(base);
  return processor.runSync(tree, new VFile({ path: file }));
}

/** The ids of the page's headings, as the steps gave them (rehype-section-ids, then Astro's): #section-1… */
export function headingIds(tree: HastRoot): string[] {
  const ids: string[] = [];
  visit(tree, 'element', (node) => {
    if (/^h[1-6]$/.test(node.tagName) && typeof node.properties['id'] === 'string') ids.push(node.properties['id']);
  });
  return ids;
}

/** Lower-case JSX (`<sup>`, `<span class="…">`) is plain HTML: make it a hast element. */
function htmlElement(node: JsxElement, children: ElementContent[]): Element {
  const properties: Record<string, string | true> = {};
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && (attribute.value === null || typeof attribute.value === 'string')) {
      properties[attribute.name] = attribute.value ?? true;
    }
  }
  // hast-util-to-html writes `class`, `aria-*`… back under their HTML names.
  return {
    type: 'element',
    tagName: node.name ?? 'span',
    properties: Object.fromEntries(Object.entries(properties)),
    children,
  };
}

const containsComponent = (node: HastNodes): boolean =>
  isJsx(node) ? true : 'children' in node && node.children.some((child) => containsComponent(child));

interface Context {
  /** The photo paths the Figures name, in order of first use. */
  photos: Set<string>;
}

const html = (nodes: readonly RootContent[]): string =>
  toHtml({ type: 'root', children: [...nodes] }, { collapseEmptyAttributes: true });

/** Appends `nodes` to `out` as HTML runs and component nodes. */
function convert(nodes: readonly RootContent[], out: BodyNode[], context: Context): void {
  let run: RootContent[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const text = html(run);
    if (typeof out.at(-1) === 'string') out[out.length - 1] = `${out.at(-1) as string}${text}`;
    else if (text !== '') out.push(text);
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'mdxjsEsm') continue; // the rules allow only imports that are not needed (mdx-guard.ts)
    if (isJsx(node) && node.name && /^[A-Z]/.test(node.name)) {
      flush();
      out.push(component(node, context));
      continue;
    }
    if (isJsx(node)) {
      const element = htmlElement(node, node.children);
      if (containsComponent(element)) {
        flush();
        openAndClose(element, out, context);
      } else run.push(withPlainHtml(element));
      continue;
    }
    if (node.type === 'element' && containsComponent(node)) {
      flush();
      openAndClose(node, out, context);
      continue;
    }
    run.push(node.type === 'element' ? withPlainHtml(node) : node);
  }
  flush();
}

/** An element whose descendants are all HTML: lower-case JSX inside it made hast elements too. */
function withPlainHtml(element: Element): Element {
  return {
    ...element,
    children: element.children.map((child) => {
      if (isJsx(child)) return withPlainHtml(htmlElement(child, child.children));
      return child.type === 'element' ? withPlainHtml(child) : child;
    }),
  };
}

/** An element around a component: its opening tag, its children, its closing tag. */
function openAndClose(element: Element, out: BodyNode[], context: Context): void {
  const empty = html([{ ...element, children: [] }]);
  const close = `</${element.tagName}>`;
  const open = empty.endsWith(close) ? empty.slice(0, -close.length) : empty;
  out.push(open);
  convert(element.children, out, context);
  out.push(close);
  // Merge what sits next to each other as strings.
  for (let i = out.length - 1; i > 0; i--) {
    const a = out[i - 1];
    const b = out[i];
    if (typeof a === 'string' && typeof b === 'string') out.splice(i - 1, 2, a + b);
  }
}

/** A site component: the rules have made sure of its name and its literal props. */
function component(node: JsxElement, context: Context): ComponentNode {
  const name = node.name ?? '';
  if (!isComponentName(name)) throw new Error(`<${name}> is not a site component: the content rules let it through`);
  const props: Record<string, string | true> = {};
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && (attribute.value === null || typeof attribute.value === 'string'))
      props[attribute.name] = attribute.value ?? true;
  }
  if (name === 'Figure' && typeof props['src'] === 'string') context.photos.add(props['src']);
  const children: BodyNode[] = [];
  convert(node.children, children, context);
  return { component: name, props, children };
}

export interface CompiledBody {
  body: BodyNode[];
  /** The photo paths its Figures name, in order of first use. */
  photos: string[];
}

/** The compact tree of tree.ts, from the page's HTML tree (`toHast`) of a body that keeps the contract. */
export function toBody(tree: HastRoot): CompiledBody {
  // Surrounding white space goes, as in the JSX MDX compiles to (where a comment still counts).
  const isBlank = (node: RootContent | undefined) => node?.type === 'text' && node.value.trim() === '';
  while (isBlank(tree.children[0])) tree.children.shift();
  while (isBlank(tree.children.at(-1))) tree.children.pop();
  // The rules let through only comments, {/* … */}: they render nothing.
  visit(tree, (node, index, parent) => {
    if (node.type !== 'mdxFlowExpression' && node.type !== 'mdxTextExpression') return;
    parent?.children.splice(index!, 1);
    return index;
  });
  const context: Context = { photos: new Set() };
  const body: BodyNode[] = [];
  convert(tree.children, body, context);
  return { body, photos: [...context.photos] };
}

/** Parse, steps and tree in one: `body` of `file` for a site under `base` (tests and benchmarks). */
export function compileFeatureBody(body: string, file: string, base = '/'): CompiledBody {
  return toBody(toHast(parseBody(body), file, base));
}
