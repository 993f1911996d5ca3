/**
 * A feature's index.mdx as the desk reads and writes it (Decap CMS's custom format
 * `zhuanban-mdx`). Saving an entry changes only what the editor changed: the frontmatter is
 * edited in place in its own YAML document, so untouched fields keep their quoting, style,
 * order and comments (the import's "# 待核对" notes), keys the form does not know are kept,
 * and the body is written back exactly as it is in the editor. A file opened and saved
 * without a change is the same bytes.
 *
 * Pure TypeScript over the `yaml` package: it runs in the browser.
 */
import { z } from 'astro/zod';
import { Document, isMap, isNode, isScalar, isSeq, parseDocument, type Node, type Scalar, type YAMLMap } from 'yaml';
import { featureSchema } from '../content/schema.ts';

/** Where fromFile keeps the file it read, for toFile to edit: a key no form field has. */
export const SOURCE_KEY = '__zhuanban_source';

/** The frontmatter block as Astro finds it (src/lib/content/frontmatter.ts): a BOM or blank lines, ---, YAML, ---. */
const FRONTMATTER = /^(\uFEFF?(?:\s*\n)?)---([^\n]*\n)([\s\S]*?\n)?---[^\S\n]*(?:\n|$)/;

export interface FeatureFileOptions {
  /** The frontmatter keys the form edits, in the order a new file writes them (the contract's). */
  fields: readonly string[];
  /** Values a field takes when left out (false, []): writing one where the key was absent changes nothing. */
  defaults: Readonly<Record<string, unknown>>;
  /** Keys of the entry that are the desk's, never frontmatter (the folder name). */
  deskOnly: readonly string[];
  /**
   * Where photos are named (['cover', 'src']). Decap writes a chosen photo's bare file name
   * (`photo-2.jpg`); the contract names photos beside index.mdx `./photo-2.jpg`.
   */
  photoPaths?: readonly (readonly string[])[];
  /** The order of a group's keys, by the group's dotted key (cover → src, alt, …). */
  orders?: Readonly<Record<string, readonly string[]>>;
}

/**
 * `values` with each photo at `paths` renamed by `rename`: Decap names a photo in the entry's
 * folder by its bare file name (so it finds and shows it), the contract `./name`.
 */
function renamePhotos(
  values: Record<string, unknown>,
  paths: readonly (readonly string[])[],
  rename: (name: string) => string,
): Record<string, unknown> {
  const out = structuredClone(values);
  for (const path of paths) {
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (isPlainObject(node) ? node[key] : undefined), out);
    const key = path.at(-1);
    if (!isPlainObject(parent) || key === undefined) continue;
    const value = parent[key];
    if (typeof value === 'string' && value !== '') parent[key] = rename(value);
  }
  return out;
}
const bareName = (src: string) => (/^\.\/[^/]+$/.test(src) ? src.slice(2) : src);
const besideIndex = (src: string) => (src.includes('/') ? src : `./${src}`);

interface Split {
  /** Everything up to and including the closing `---` line. */
  head: string;
  /** What the head is made of, so the YAML can be put back between the same delimiters. */
  lead: string;
  openRest: string;
  yaml: string;
  /** Blank lines between the closing `---` and the body. */
  gap: string;
  body: string;
}

function split(text: string): Split | undefined {
  const match = FRONTMATTER.exec(text);
  if (!match) return undefined;
  const rest = text.slice(match[0].length);
  const gap = /^(?:[^\S\n]*\n)*/.exec(rest)?.[0] ?? '';
  return {
    head: match[0],
    lead: match[1] ?? '',
    openRest: match[2] ?? '\n',
    yaml: match[3] ?? '',
    gap,
    body: rest.slice(gap.length),
  };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !isEmpty(a[k]) || !isEmpty(b[k])));
    return [...keys].every((key) => equal(a[key], b[key]));
  }
  return false;
}

/** Left empty in the form: never written (the contract refuses an empty text; a group of nothing is no group). */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (isPlainObject(value)) return Object.values(value).every(isEmpty);
  return false;
}

/**
 * The value as it should be written: without its empty parts, a group's keys in the contract's
 * order (`orders`, by dotted key; a list's items under the list's key).
 */
function prune(value: unknown, key = '', orders: Readonly<Record<string, readonly string[]>> = {}): unknown {
  if (Array.isArray(value)) return value.map((item) => prune(item, key, orders));
  if (isPlainObject(value)) {
    const order = orders[key] ?? [];
    const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => !isEmpty(v))
        .sort(([a], [b]) => rank(a) - rank(b))
        .map(([k, v]) => [k, prune(v, key ? `${key}.${k}` : k, orders)]),
    );
  }
  return value;
}

/** How the original wrote a value, so a replacement is written alike. */
interface Style {
  flow: boolean;
  itemFlow: boolean;
  padding: boolean;
  quoted?: Scalar['type'];
}

function styleOf(node: unknown, yaml: string): Style {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  const text = range ? yaml.slice(range[0], range[1]) : '';
  const first = isSeq(node) ? node.items[0] : undefined;
  return {
    flow: (isSeq(node) || isMap(node)) && Boolean(node.flow),
    itemFlow: isMap(first) && Boolean(first.flow),
    padding: /[[{] /.test(text),
    ...(isScalar(node) && node.type && node.type !== 'PLAIN' ? { quoted: node.type } : {}),
  };
}

/**
 * `key: value` as YAML, in the original's style. YAML 1.1 rules decide the quoting, so a
 * string Astro's parser would read as something else (2019-07-01, a date; 2019, a number) is
 * quoted; no line is folded.
 */
function renderPair(key: string, value: unknown, style: Style): string {
  const doc = new Document({ [key]: value }, { version: '1.1' });
  const node = (doc.contents as YAMLMap).get(key, true) as Node;
  if (isSeq(node) || isMap(node)) {
    node.flow = style.flow;
    if (isSeq(node)) for (const item of node.items) if (isMap(item)) item.flow = style.itemFlow;
  }
  // A date or number-like text is quoted as the guide writes it ("2019-07"), whatever YAML would allow.
  if (isScalar(node) && typeof value === 'string')
    if (style.quoted) node.type = style.quoted;
    else if (/^\d/.test(value)) node.type = 'QUOTE_DOUBLE';
  return doc.toString({ flowCollectionPadding: style.padding, lineWidth: 0 });
}

/** The start of the line `offset` is on. */
const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
/** The start of the line after the one the character before `offset` is on. */
function lineAfter(text: string, offset: number): number {
  const next = text.indexOf('\n', Math.max(offset - 1, 0));
  return next < 0 ? text.length : next + 1;
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** The edits that turn `yaml` into YAML holding `values`, rewriting only the top-level keys that changed. */
function edits(yaml: string, values: Record<string, unknown>, options: FeatureFileOptions): Splice[] {
  const doc = parseDocument(yaml);
  const pairs = isMap(doc.contents) ? doc.contents.items : [];
  const keyOf = (pair: (typeof pairs)[number]) => String((pair.key as { value?: unknown } | null)?.value);
  const known = new Set(options.fields);
  // Keys the form does not know (a misspelling, a field the contract gained later) are kept as read.
  const keys = [...options.fields, ...Object.keys(values).filter((key) => !known.has(key))];
  const out: Splice[] = [];
  for (const key of keys) {
    const pair = pairs.find((p) => keyOf(p) === key);
    const value = values[key];
    if (!pair) {
      // A default written where the key was absent is no change: leave the file as it was.
      if (isEmpty(value) || equal(value, options.defaults[key])) continue;
      // A new key goes where the contract's order puts it: before the first later key present.
      const later = options.fields.slice(options.fields.indexOf(key) + 1);
      const next = pairs.find((p) => later.includes(keyOf(p)));
      const at = next ? lineStart(yaml, (next.key as Node).range?.[0] ?? yaml.length) : yaml.length;
      const text = renderPair(key, prune(value, key, options.orders), { flow: false, itemFlow: true, padding: true });
      out.push({ start: at, end: at, text: at > 0 && !yaml.slice(0, at).endsWith('\n') ? `\n${text}` : text });
      continue;
    }
    const current: unknown = isNode(pair.value) ? pair.value.toJS(doc) : pair.value;
    if (equal(current, value)) continue;
    const keyNode = pair.key as Node;
    const valueNode = pair.value as Node | null;
    const start = lineStart(yaml, keyNode.range?.[0] ?? 0);
    const end = lineAfter(yaml, valueNode?.range?.[1] ?? keyNode.range?.[1] ?? start);
    const text = isEmpty(value) ? '' : renderPair(key, prune(value, key, options.orders), styleOf(valueNode, yaml));
    out.push({ start, end, text });
  }
  return out;
}

export function featureFileFormat({ fields, defaults, deskOnly, photoPaths = [], orders = {} }: FeatureFileOptions) {
  return {
    fromFile(text: string): Record<string, unknown> {
      const parts = split(text);
      if (!parts) return { body: text, [SOURCE_KEY]: text };
      const doc = parseDocument(parts.yaml);
      const data = isMap(doc.contents) ? (doc.toJS() as Record<string, unknown>) : {};
      return { ...renamePhotos(data, photoPaths, bareName), body: parts.body, [SOURCE_KEY]: text };
    },

    toFile(data: Record<string, unknown>): string {
      const { body, [SOURCE_KEY]: source, ...given } = data;
      const values = renamePhotos(
        Object.fromEntries(Object.entries(given).filter(([key]) => !deskOnly.includes(key))),
        photoPaths,
        besideIndex,
      );
      const options = { fields, defaults, deskOnly, orders };
      const text = typeof body === 'string' ? body : '';
      const ending = text === '' || text.endsWith('\n') ? '' : '\n';
      const parts = typeof source === 'string' ? split(source) : undefined;
      if (!parts) {
        const yaml = edits('', values, options)
          .map((splice) => splice.text)
          .join('');
        return `---\n${yaml}---\n\n${text}${ending}`;
      }
      // From the end, so earlier offsets hold; at one offset the replacement before the insertion.
      const splices = edits(parts.yaml, values, options).sort((a, b) => b.start - a.start || b.end - a.end);
      if (splices.length === 0 && text === parts.body) return source as string;
      let yaml = parts.yaml;
      for (const splice of splices) yaml = yaml.slice(0, splice.start) + splice.text + yaml.slice(splice.end);
      const head = splices.length ? `${parts.lead}---${parts.openRest}${yaml}---\n` : parts.head;
      return `${head}${parts.gap}${text}${ending}`;
    },
  };
}

/** The format for features: the contract's keys in its order, its defaults, and the desk's folder-name key. */
export function featureDeskFormat(deskOnly: readonly string[] = ['slug']) {
  const photo = z.string();
  const shape = featureSchema({ photo, district: z.string(), topic: z.string() }).shape as Record<string, z.ZodType>;
  const unwrap = (node: z.ZodType): z.ZodType =>
    node instanceof z.ZodOptional || node instanceof z.ZodDefault ? unwrap(node.unwrap() as z.ZodType) : node;
  const photoPaths: string[][] = [];
  const orders: Record<string, string[]> = {};
  const find = (node: z.ZodType, path: string[]) => {
    let inner = unwrap(node);
    if (inner instanceof z.ZodArray) inner = unwrap(inner.element as z.ZodType);
    if (inner === photo) photoPaths.push(path);
    else if (inner instanceof z.ZodObject) {
      const shape = inner.shape as Record<string, z.ZodType>;
      orders[path.join('.')] = Object.keys(shape);
      for (const [key, child] of Object.entries(shape)) find(child, [...path, key]);
    }
  };
  for (const [key, node] of Object.entries(shape)) find(node, [key]);
  const defaults = Object.fromEntries(
    Object.entries(shape).flatMap(([key, node]) => {
      const result = node.safeParse(undefined);
      return result.success && result.data !== undefined ? [[key, result.data]] : [];
    }),
  );
  return featureFileFormat({ fields: Object.keys(shape), defaults, deskOnly, photoPaths, orders });
}
