/**
 * A feature's index.mdx read for checking: its frontmatter (with line numbers) and its body
 * parsed as MDX — by the MDX parser itself, so positions are exact and nothing slips past
 * the way it could past a regex.
 */
import { createProcessor } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

export interface FeatureSource {
  /** Path as shown in messages, relative to the project. */
  file: string;
  folder: string;
  slug: string;
  source: string;
  data: Record<string, unknown>;
  document: Document | undefined;
  lineCounter: LineCounter;
  /** Line of the body's first line (after the closing ---). */
  bodyStartLine: number;
  tree: Root | undefined;
  /** Set when the body is not valid MDX. */
  parseError?: { line: number; column?: number; reason: string };
  frontmatterError?: { line: number; reason: string };
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

export interface ReadOptions {
  /** Parse the body as MDX (default). Without it only the frontmatter is read: enough for the draft flag, and much faster. */
  body?: boolean;
}

export function readFeatureSource(
  file: string,
  folder: string,
  slug: string,
  source: string,
  { body: parseBody = true }: ReadOptions = {},
): FeatureSource {
  const match = FRONTMATTER.exec(source);
  const lineCounter = new LineCounter();
  const feature: FeatureSource = {
    file,
    folder,
    slug,
    source,
    data: {},
    document: undefined,
    lineCounter,
    bodyStartLine: 1,
    tree: undefined,
  };
  if (match) {
    // Offsets in the YAML are offsets in the file plus the opening "---\n".
    const document = parseDocument(match[1]!, {
      lineCounter,
      prettyErrors: false,
    });
    feature.document = document;
    const error = document.errors[0];
    if (error) {
      feature.frontmatterError = {
        line: lineCounter.linePos(error.pos[0]).line + 1,
        reason: error.message.split('\n')[0]!,
      };
    } else {
      const data = document.toJS() as unknown;
      if (data && typeof data === 'object') feature.data = data as Record<string, unknown>;
    }
    feature.bodyStartLine = match[0].split('\n').length;
  }
  if (!parseBody) return feature;
  // Blank out the frontmatter with spaces (keeping its newlines) so body offsets and lines are file positions.
  const body = match ? match[0].replace(/[^\n]/g, ' ') + source.slice(match[0].length) : source;
  try {
    feature.tree = createProcessor().parse(body);
  } catch (error) {
    const e = error as {
      line?: number;
      column?: number;
      place?: {
        line?: number;
        column?: number;
        start?: { line: number; column: number };
      };
      reason?: string;
      message: string;
    };
    const place = e.place && 'start' in e.place ? e.place.start : e.place;
    feature.parseError = {
      line: place?.line ?? e.line ?? 1,
      ...(place?.column ? { column: place.column } : {}),
      reason: e.reason ?? e.message,
    };
  }
  return feature;
}

/** The file line of a frontmatter key path, e.g. ['cover', 'src']; the key's own line. */
export function frontmatterLine(feature: FeatureSource, path: readonly string[]): number {
  let node: unknown = feature.document?.contents;
  let line = 1;
  for (const key of path) {
    if (!isMap(node)) break;
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (!pair) break;
    const range = (pair.key as { range?: [number, number, number] }).range;
    if (range) line = feature.lineCounter.linePos(range[0]).line;
    node = pair.value;
  }
  // +1 for the opening "---" line.
  return line + 1;
}
