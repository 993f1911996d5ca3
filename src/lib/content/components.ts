/**
 * The site's MDX components as editors write them: the one list of them. Each component's
 * props (text or a bare flag, required or not), what may stand between its tags and where it
 * may stand itself — decided from what each component renders (src/components/mdx/). The
 * rules (rules/components.ts) check a feature against this list, the compiler keeps only
 * these names, src/components/mdx/index.ts maps each name to its Astro component (its type
 * demands exactly these names), and the editors' desk builds its insertable blocks from it.
 */

export interface PropSpec {
  name: string;
  /**
   * text: written name="文字"; photo: the same, naming a photo file beside index.mdx
   * ("./photo-2.jpg"); flag: written bare, `<Figure placeholder … />`.
   */
  kind: 'text' | 'photo' | 'flag';
  /** Must be given, and not empty. */
  required: boolean;
  /** What it is for, as the editors' guide says it. */
  doc: string;
  /**
   * What an editor is told when it is left out or empty, where the general message
   * ("<InfoBox> 缺少 title") would say too little — or, for a prop that may be left out, a warning.
   */
  missing?: { severity: 'error' | 'warning'; code: string; zh: string; en: string };
}

/**
 * What may stand between a component's tags:
 * - none: nothing; it is written on its own, `<Figure … />`;
 * - components: only components — those whose `parents` name this one — white space aside;
 * - text: running text, in one or more paragraphs (bold, links…): no headings, lists or tables;
 * - blocks: Markdown — paragraphs, lists, tables — but no headings (a box is not a section of
 *   the story).
 * Which components may stand inside another is said once, by each component's `parents`.
 */
export type ContentModel = 'none' | 'components' | 'text' | 'blocks';

export interface ComponentSpec<Name extends string = string> {
  name: Name;
  /** Its name in the editors' guide. */
  zh: string;
  doc: string;
  props: readonly PropSpec[];
  content: ContentModel;
  /** Left empty, it renders an empty box: it must hold at least one of what it may hold. */
  nonEmpty: boolean;
  /** Where it may stand: in the body itself, on lines of its own, or directly inside these components. */
  parents: readonly ('body' | Name)[];
}

const text = (name: string, doc: string, more: Partial<PropSpec> = {}): PropSpec => ({
  name,
  kind: 'text',
  required: false,
  doc,
  ...more,
});

const REGISTRY = [
  {
    name: 'Figure',
    zh: '照片',
    doc: '一张照片和它的图注，照片文件放在稿件文件夹里',
    props: [
      text('src', '照片文件，如 ./photo-2.jpg', {
        kind: 'photo',
        required: true,
        missing: {
          severity: 'error',
          code: 'figure-src',
          zh: '<Figure> 缺少 src：写上照片文件名，如 src="./photo-2.jpg"',
          en: '<Figure> has no src: name the photo, e.g. src="./photo-2.jpg"',
        },
      }),
      text('alt', '替代文本：一句话写照片里有什么，供看不见图片的读者使用', {
        required: true,
        missing: {
          severity: 'error',
          code: 'figure-alt',
          zh: '<Figure> 缺少 alt（替代文本）：用一句话写照片里有什么，供看不见图片的读者使用',
          en: '<Figure> has no alt text: describe in one sentence what the photo shows',
        },
      }),
      text('caption', '图注，照版面写', {
        missing: {
          severity: 'warning',
          code: 'figure-caption',
          zh: '<Figure> 没有图注（caption）：报纸上的照片都有图注，请照版面补上',
          en: '<Figure> has no caption: add the caption printed with the photo',
        },
      }),
      text('credit', '署名，如 本报记者 某某 摄'),
      // Written by remark-gallery-labels inside a Gallery (图一…); an editor may give one.
      text('label', '编号，组图里自动写 图一、图二……'),
      { name: 'placeholder', kind: 'flag', required: false, doc: '占位图：还没有真实照片时写上，换成真实照片后删去' },
    ],
    // Figure.astro has no slot: whatever stood inside would vanish from the page.
    content: 'none',
    nonEmpty: false,
    // A <figure> is a block, shown across the text column: never inside a paragraph, a box or a quote.
    parents: ['body', 'Gallery'],
  },
  {
    name: 'Gallery',
    zh: '组图',
    doc: '一组照片，自动编号 图一、图二……',
    props: [text('title', '组图的名称，供读屏软件朗读；默认“组图”')],
    content: 'components',
    nonEmpty: true,
    parents: ['body'],
  },
  {
    name: 'EditorNote',
    zh: '编者按',
    doc: '编者按，放在正文最前面',
    props: [text('title', '标题，默认“编者按”')],
    content: 'blocks',
    nonEmpty: true,
    parents: ['body'],
  },
  {
    name: 'InfoBox',
    zh: '资料框',
    doc: '正文旁的资料框，如 办事处概况',
    props: [text('title', '资料框的标题，照版面写', { required: true })],
    content: 'blocks',
    nonEmpty: true,
    parents: ['body'],
  },
  {
    name: 'PullQuote',
    zh: '引语',
    doc: '从正文里摘出的一句话，放大显示',
    props: [text('cite', '说话人，如 居民 李献亭')],
    // A <blockquote> of words: a photo or a list inside a quotation says nothing.
    content: 'text',
    nonEmpty: true,
    parents: ['body'],
  },
] as const satisfies readonly ComponentSpec[];

/** The components' names: 'Figure' | 'Gallery' | … */
export type ComponentName = (typeof REGISTRY)[number]['name'];

/**
 * The components, in the order the guide presents them. Typed by their own names, so a parent
 * that names no component fails type checking here.
 */
export const COMPONENTS: readonly ComponentSpec<ComponentName>[] = REGISTRY;

export const COMPONENT_NAMES: readonly ComponentName[] = COMPONENTS.map((c) => c.name);

const BY_NAME = new Map<string, ComponentSpec<ComponentName>>(COMPONENTS.map((c) => [c.name, c]));

export const isComponentName = (name: string): name is ComponentName => BY_NAME.has(name);

/** The registry entry of a site component, or undefined for any other name. */
export const componentSpec = (name: string): ComponentSpec<ComponentName> | undefined => BY_NAME.get(name);
