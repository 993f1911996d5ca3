/**
 * Edits to a feature's frontmatter as an editor makes them: in the text, one field at a time,
 * leaving every other byte of the file as it was (re-serialising the YAML would reflow it).
 * Positions come from the `yaml` package's document of the frontmatter.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';

export type FieldPath = readonly (string | number)[];

/** Where the frontmatter's YAML text starts in the file: right after the opening `---`. */
const YAML_START = 3;

interface Located {
  /** The pair (a map entry) or, for a list item, undefined. */
  pair: Pair<Node, Node | null> | undefined;
  /** The list item or the pair's value. */
  node: Node | null;
  /** Whether its parent collection is written in flow style ({ … } or [ … ]). */
  flow: boolean;
  /** The parent collection's items, for removing one. */
  siblings: unknown[];
  index: number;
}

function document(source: string) {
  const end = source.indexOf('\n---', 3);
  return parseDocument(source.slice(YAML_START, end + 1), { keepSourceTokens: true });
}

function locate(source: string, path: FieldPath): Located | undefined {
  let node: unknown = document(source).contents;
  let located: Located | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const index = node.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
      if (index < 0) return undefined;
      const pair = node.items[index] as Pair<Node, Node | null>;
      located = { pair, node: pair.value, flow: Boolean(node.flow), siblings: node.items, index };
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) return undefined;
      located = { pair: undefined, node: item, flow: Boolean(node.flow), siblings: node.items, index: key };
      node = item;
    } else return undefined;
  }
  return located;
}

const start = (n: { range?: [number, number, number] | null } | null | undefined) => (n?.range?.[0] ?? 0) + YAML_START;
const end = (n: { range?: [number, number, number] | null } | null | undefined) => (n?.range?.[1] ?? 0) + YAML_START;
const lineStart = (source: string, at: number) => source.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (source: string, at: number) => {
  const newline = source.indexOf('\n', at);
  return newline < 0 ? source.length : newline;
};

/** The 1-based line a field's key (or list item) is on, or undefined. */
export function lineOfField(source: string, path: FieldPath): number | undefined {
  const found = locate(source, path);
  if (!found) return undefined;
  const at = start(found.pair ? found.pair.key : found.node);
  return source.slice(0, at).split('\n').length;
}

export function hasField(source: string, path: FieldPath): boolean {
  return locate(source, path) !== undefined;
}

/** The YAML text of a field's value as written (one line for scalars and flow collections). */
export function valueText(source: string, path: FieldPath): string | undefined {
  const found = locate(source, path);
  if (!found?.node || !(isScalar(found.node) || ((isMap(found.node) || isSeq(found.node)) && found.node.flow)))
    return undefined;
  return source.slice(start(found.node), end(found.node));
}

/** Removes a field (with everything under it), or a list item. */
export function removeField(source: string, path: FieldPath): string {
  const found = locate(source, path);
  if (!found) throw new Error(`no field ${path.join('.')}`);
  const first = start(found.pair ? found.pair.key : found.node);
  const last = end(found.pair ? (found.pair.value ?? found.pair.key) : found.node);
  if (!found.flow)
    return (
      source.slice(0, lineStart(source, first)) + source.slice(Math.min(source.length, lineEnd(source, last - 1) + 1))
    );
  // In { a: 1, b: 2 } or [a, b]: the item and the comma that joins it to a neighbour.
  const next = found.siblings[found.index + 1] as Pair | Node | undefined;
  if (next) return source.slice(0, first) + source.slice(start(isPair(next) ? (next.key as Node) : next));
  const previous = found.siblings[found.index - 1] as Pair | Node | undefined;
  if (previous)
    return (
      source.slice(0, end(isPair(previous) ? (previous.value ?? (previous.key as Node)) : previous)) +
      source.slice(last)
    );
  return source.slice(0, first) + source.slice(last);
}

/**
 * Sets a field's value to `yaml` (one line: a scalar or a flow collection), replacing whatever
 * was there, nested lines included. A field not there is added at the end of its parent, which
 * must exist.
 */
export function setField(source: string, path: FieldPath, yaml: string): string {
  const found = locate(source, path);
  if (found) {
    if (!found.pair) return source.slice(0, start(found.node)) + yaml + source.slice(end(found.node));
    const colon = source.indexOf(':', end(found.pair.key));
    const valueEnd = found.pair.value ? end(found.pair.value) : colon + 1;
    // A block value ends with its last line's newline: keep that newline.
    const stop = source[valueEnd - 1] === '\n' ? valueEnd - 1 : valueEnd;
    return `${source.slice(0, colon + 1)} ${yaml}${source.slice(stop)}`;
  }
  const key = path.at(-1);
  if (typeof key !== 'string') throw new Error(`cannot add list item ${path.join('.')}`);
  const parentPath = path.slice(0, -1);
  if (parentPath.length === 0) {
    const close = source.indexOf('\n---', 3);
    return `${source.slice(0, close)}\n${key}: ${yaml}${source.slice(close)}`;
  }
  const parent = locate(source, parentPath);
  if (!parent?.node || !isMap(parent.node)) throw new Error(`no group ${parentPath.join('.')}`);
  if (parent.node.flow) {
    const close = end(parent.node) - 1;
    return `${source.slice(0, close).trimEnd()}, ${key}: ${yaml} ${source.slice(close)}`;
  }
  const at = lineEnd(source, end(parent.node) - 1);
  const indent = ' '.repeat(start(parent.node) - lineStart(source, start(parent.node)));
  return `${source.slice(0, at)}\n${indent}${key}: ${yaml}${source.slice(at)}`;
}

/** Renames a field's key in place, e.g. title → titel. */
export function renameKey(source: string, path: FieldPath, key: string): string {
  const found = locate(source, path);
  if (!found?.pair) throw new Error(`no key ${path.join('.')}`);
  return source.slice(0, start(found.pair.key)) + key + source.slice(end(found.pair.key));
}
