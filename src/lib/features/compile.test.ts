/**
 * The features loader's compiler (src/lib/features/compile.ts) against MDX itself: bodies drawn
 * at random (seeded) from the seven seed features' own blocks — paragraphs, sections, lists,
 * Figures, Galleries, InfoBoxes — wrapped and mixed the way editors write them, are compiled
 * by our loader and evaluated by @mdx-js/mdx with the same remark/rehype steps; rendered with
 * the same stand-in components, both must give the same markup. Plus what the tree is made of,
 * and the errors an editor gets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProcessor, evaluate } from '@mdx-js/mdx';
import { parseFrontmatter, rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { RootContent } from 'mdast';
import { parse, HTMLElement, TextNode, type Node } from 'node-html-parser';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';
import { describe, expect, it } from 'vitest';
import { prng } from '../../../bench/lib/corpus.ts';
import { rehypePlugins, remarkPlugins } from '../markdown/index.ts';
import { compileFeatureBody } from './compile.ts';
import { checkFeatureSource } from './feature.ts';
import type { BodyNode } from './tree.ts';

const FEATURES = join(import.meta.dirname, '..', '..', '..', 'content', 'features');
const seeds = readdirSync(FEATURES).map((slug) => {
  const { content } = parseFrontmatter(readFileSync(join(FEATURES, slug, 'index.mdx'), 'utf8'));
  return content;
});

// ── MDX's own rendering, through a tiny JSX runtime that writes HTML ─────────────────────────

interface Html {
  html: string;
}
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const VOID = new Set(['br', 'hr', 'img', 'input', 'source', 'wbr']);
const childrenHtml = (children: unknown): string => {
  if (Array.isArray(children)) return children.map(childrenHtml).join('');
  if (typeof children === 'string' || typeof children === 'number') return escape(String(children));
  return children && typeof children === 'object' && 'html' in children ? (children as Html).html : '';
};
const stub = (name: string) => (props: Record<string, unknown>) => {
  const { children, ...rest } = props;
  return { html: `<x-${name} data-props="${escape(JSON.stringify(rest))}">${childrenHtml(children)}</x-${name}>` };
};
const components = Object.fromEntries(
  ['Figure', 'Gallery', 'EditorNote', 'InfoBox', 'PullQuote'].map((n) => [n, stub(n)]),
);
const jsx = (type: unknown, props: Record<string, unknown>): Html => {
  if (typeof type === 'function') return (type as (p: Record<string, unknown>) => Html)(props);
  if (type === Fragment) return { html: childrenHtml(props['children']) };
  const { children, ...attributes } = props;
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== null && value !== false)
    .map(([name, value]) => ` ${name}="${escape(Array.isArray(value) ? value.join(' ') : String(value))}"`)
    .join('');
  const tag = String(type);
  return { html: VOID.has(tag) ? `<${tag}${attrs}>` : `<${tag}${attrs}>${childrenHtml(children)}</${tag}>` };
};
const Fragment = Symbol('Fragment');

async function mdxHtml(source: string): Promise<string> {
  const { default: Content } = await evaluate(source, {
    Fragment,
    jsx,
    jsxs: jsx,
    elementAttributeNameCase: 'html',
    remarkPlugins: [remarkGfm, ...(remarkPlugins as PluggableList)],
    rehypePlugins: [
      [
        rehypeRaw,
        {
          passThrough: ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'],
        },
      ],
      ...(rehypePlugins as PluggableList),
      rehypeHeadingIds,
    ],
  } as never);
  return (Content as (props: { components: typeof components }) => Html)({ components }).html;
}

/** The loader's tree, rendered with the same stand-ins. */
function treeHtml(nodes: readonly BodyNode[]): string {
  return nodes
    .map((node) =>
      typeof node === 'string'
        ? node
        : stub(node.component)({ ...node.props, children: { html: treeHtml(node.children) } }).html,
    )
    .join('');
}

/** Parsed markup as lines: elements with sorted attributes, text as decoded. */
function canonical(html: string): string[] {
  const lines: string[] = [];
  const walk = (node: Node, depth: number) => {
    if (node instanceof TextNode) {
      if (node.text !== '') lines.push(`${'  '.repeat(depth)}${JSON.stringify(node.text)}`);
    } else if (node instanceof HTMLElement) {
      const attributes = Object.entries(node.attributes)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .sort();
      lines.push(`${'  '.repeat(depth)}<${node.rawTagName} ${attributes.join(' ')}>`);
      for (const child of node.childNodes) walk(child, depth + 1);
    }
  };
  for (const child of parse(html, { comment: false }).childNodes) walk(child, 0);
  return lines;
}

// ── Bodies drawn from the seeds ──────────────────────────────────────────────────────────────

/** The top-level blocks of every seed body, as written. */
const blocks = seeds.flatMap((content) =>
  createProcessor()
    .parse(content)
    .children.filter((node: RootContent) => node.type !== 'mdxjsEsm' && node.type !== 'mdxFlowExpression')
    .map((node: RootContent) => content.slice(node.position!.start.offset, node.position!.end.offset)),
);
const paragraphs = blocks.filter((block) => /^\p{Script=Han}/u.test(block));

function randomBody(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const parts: string[] = [];
  const count = 2 + Math.floor(random() * 8);
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (roll < 0.12) parts.push(`<EditorNote>\n\n${pick(paragraphs)}\n\n</EditorNote>`);
    else if (roll < 0.22)
      parts.push(
        `<InfoBox title="${pick(paragraphs).slice(0, 8)}">\n\n- ${pick(paragraphs)}\n- ${pick(paragraphs).slice(0, 40)}\n\n</InfoBox>`,
      );
    else if (roll < 0.28) parts.push(`<PullQuote cite="居民">${pick(paragraphs).slice(0, 20)}</PullQuote>`);
    else if (roll < 0.34) {
      // A component inside a paragraph: the paragraph is kept around it.
      const text = pick(paragraphs);
      parts.push(`${text.slice(0, 30)}<PullQuote>${text.slice(30, 45)}</PullQuote>${text.slice(45, 80)}`);
    } else if (roll < 0.4)
      parts.push(`${pick(paragraphs).slice(0, 50)}<sup>1</sup>**${pick(paragraphs).slice(0, 10)}**。`);
    else if (roll < 0.45) parts.push('{/* 编辑注释：见报时删去 */}');
    else parts.push(pick(blocks));
  }
  return parts.join('\n\n');
}

describe('compileFeatureBody against MDX', () => {
  it.each(seeds.map((content, i) => [readdirSync(FEATURES)[i], content]))(
    'renders seed %s as MDX does',
    async (_, content) => {
      const { body } = compileFeatureBody(content, 'index.mdx');
      expect(canonical(treeHtml(body))).toEqual(canonical(await mdxHtml(content)));
    },
  );

  const random = prng(2024);
  const bodies = Array.from({ length: 150 }, () => randomBody(random));
  it.each(bodies.map((body, i) => [i, body]))('renders random body %i as MDX does', async (_, source) => {
    const { body } = compileFeatureBody(source, 'index.mdx');
    expect(canonical(treeHtml(body))).toEqual(canonical(await mdxHtml(source)));
  });
});

describe('the tree', () => {
  it('is HTML runs between components with their literal props, and nothing else', () => {
    const content = seeds[readdirSync(FEATURES).indexOf('jiuzhoulu')]!;
    const { body } = compileFeatureBody(content, 'index.mdx');
    const [infoBox] = body;
    expect(infoBox).toMatchObject({ component: 'InfoBox', props: { title: '九州路办事处概况' } });
    expect(typeof infoBox === 'object' && infoBox.children[0]).toMatch(/^<ul>\n<li>成立于1999年7月/);
    expect(JSON.stringify(body)).not.toMatch(/"position"|"type":/);
    // A Figure with a bare attribute: placeholder is true.
    const { body: figure } = compileFeatureBody('<Figure src="./photo-2.jpg" alt="街景" placeholder />', 'index.mdx');
    expect(figure).toEqual([
      { component: 'Figure', props: { src: './photo-2.jpg', alt: '街景', placeholder: true }, children: [] },
    ]);
  });

  it("puts an editor's site-relative links under the base path the site is published at", () => {
    const source = '见[全部专版](/archive/)与[九龙](/features/jiulong/#section-1)，[外链](https://www.zynews.cn/)。';
    const { body } = compileFeatureBody(source, 'index.mdx', '/zhuanban/');
    expect(treeHtml(body)).toContain('href="/zhuanban/archive/"');
    expect(treeHtml(body)).toContain('href="/zhuanban/features/jiulong/#section-1"');
    expect(treeHtml(body)).toContain('href="https://www.zynews.cn/"');
    const { body: atRoot } = compileFeatureBody(source, 'index.mdx');
    expect(treeHtml(atRoot)).toContain('href="/archive/"');
  });

  it('keeps a paragraph around a component inside it as its opening and closing tags', () => {
    const { body } = compileFeatureBody('居民说<PullQuote>有了主心骨</PullQuote>。', 'index.mdx');
    expect(body).toEqual(['<p>居民说', { component: 'PullQuote', props: {}, children: ['有了主心骨'] }, '。</p>']);
  });
});

/**
 * What the compiler is not asked to judge: the rules (src/lib/content/rules) see the same parse
 * first, and the reader of a feature (feature.ts) gives the check's own message for each.
 */
describe('what an editor is told', () => {
  const noLists = { districts: { file: '', entries: [] }, topics: { file: '', entries: [] } };
  const line = (body: string) => {
    const [error] = checkFeatureSource(
      { file: 'content/features/x/index.mdx', slug: 'x', contents: body },
      { taxonomy: noLists },
    ).filter((d) => d.code !== 'schema' && d.code !== 'frontmatter-missing');
    return error ?? { file: '', line: 0, message: '' };
  };
  const message = (body: string) => {
    const error = line(body);
    return 'zh' in error ? `${error.line}: ${error.zh}` : '';
  };
  // The body after a frontmatter of one line: "正文" is on line 4.
  const feature = (body: string) => `---\ndraft: true\n---\n${body}`;

  it('names the file and line of a component the site does not have', () => {
    const error = line(feature('正文。\n\n<Video src="./a.mp4" />'));
    expect([error.file, error.line]).toEqual(['content/features/x/index.mdx', 6]);
    expect(message(feature('正文。\n\n<Video src="./a.mp4" />'))).toContain('没有名为 <Video> 的组件');
  });

  it('refuses an expression, and a photo written as a Markdown image', () => {
    expect(message(feature('正文{1 + 1}。'))).toContain('不能写 {…} 表达式');
    expect(message(feature('正文。\n![街景](./photo-2.jpg)'))).toMatch(/^5: 照片要写成 <Figure src="\.\/photo-2\.jpg"/);
  });
});
