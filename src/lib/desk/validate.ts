/**
 * The desk's check of one entry, in the browser: the text of its index.mdx as it would be
 * saved and the photo names in its folder in; findings out, each with the file line, the field
 * it is about (a dotted key such as cover.alt) or the body line, and the contract's own
 * Chinese and English message.
 *
 * Today this runs the frontmatter part of the content contract (featureSchema with the ids of
 * content/districts.yaml and content/topics.yaml, plain zod). The body's rules (components,
 * props, photos, MDX) are `npm run check`'s and join here when they are pure TypeScript
 * (issue 18): `checkBody` below is the one call to re-point.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { splitMessage, unknownKeysMessage } from '../content/fields.ts';
import { FIELDS } from '../content/schema.ts';
import { formSchema, type FormTaxonomy } from './form.ts';

export interface DeskDiagnostic {
  /** content/features/<slug>/index.mdx */
  file: string;
  line: number;
  severity: 'error' | 'warning';
  code: string;
  zh: string;
  en: string;
  /** The frontmatter field, dotted (cover.alt); absent for a finding in the body. */
  field?: string;
  /** The line within the body (1 = the body's first line), for a finding there. */
  bodyLine?: number;
}

export interface DeskEntry {
  file: string;
  /** The whole index.mdx as the desk would save it. */
  text: string;
  /** The names of the photos in the feature's folder. */
  photos: readonly string[];
}

const FRONTMATTER = /^\uFEFF?(?:\s*\n)?---[^\n]*\n([\s\S]*?\n)?---[^\S\n]*(?:\n|$)/;

/** The body's rules: none yet in the browser (issue 18 brings `npm run check`'s as pure TypeScript). */
function checkBody(_entry: DeskEntry, _bodyStartLine: number): DeskDiagnostic[] {
  return [];
}

export function deskChecker(taxonomy: FormTaxonomy) {
  const { schema } = formSchema(taxonomy);
  const knownAt = (path: readonly PropertyKey[]): string[] => {
    let node: unknown = schema;
    for (const key of path) {
      while (node && typeof node === 'object' && 'unwrap' in node) node = (node as { unwrap: () => unknown }).unwrap();
      const shape = node as { shape?: Record<PropertyKey, unknown>; element?: unknown } | undefined;
      node = shape?.shape ? shape.shape[key] : shape?.element;
    }
    while (node && typeof node === 'object' && 'unwrap' in node) node = (node as { unwrap: () => unknown }).unwrap();
    const shape = (node as { shape?: Record<string, unknown> } | undefined)?.shape;
    return shape ? Object.keys(shape) : [];
  };

  return function check(entry: DeskEntry): DeskDiagnostic[] {
    const match = FRONTMATTER.exec(entry.text);
    const at = (line: number, code: string, message: { zh: string; en: string }, field?: string): DeskDiagnostic => ({
      file: entry.file,
      line,
      severity: 'error',
      code,
      ...message,
      ...(field ? { field } : {}),
    });
    if (!match) return [at(1, 'frontmatter-missing', { zh: '文件开头没有设置项', en: 'the file has no frontmatter' })];
    const lineCounter = new LineCounter();
    const doc = parseDocument(match[1] ?? '', { lineCounter });
    // The YAML starts on the line after the opening ---.
    const lineOf = (path: readonly PropertyKey[]): number => {
      let node: unknown = doc.contents;
      let offset = 0;
      for (const key of path) {
        const next = isMap(node)
          ? (node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key) ?? null)
          : null;
        const item = isSeq(node) && typeof key === 'number' ? (node.items[key] as Node | undefined) : undefined;
        const range = (next?.key as Node | undefined)?.range ?? item?.range;
        if (!range) break;
        offset = range[0];
        node = next ? next.value : item;
      }
      return 1 + lineCounter.linePos(offset).line;
    };
    const bodyStartLine = entry.text.slice(0, match[0].length).split('\n').length;
    const findings: DeskDiagnostic[] = [];
    if (doc.errors.length > 0) {
      const error = doc.errors[0]!;
      findings.push(
        at(1 + (error.linePos?.[0]?.line ?? 1), 'frontmatter', {
          zh: `设置项格式有误：${error.message}`,
          en: `the frontmatter is not valid YAML: ${error.message}`,
        }),
      );
    } else {
      const result = schema.safeParse(doc.toJS() ?? {});
      for (const issue of result.success ? [] : result.error.issues) {
        const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
        const field = path.filter((key) => typeof key === 'string').join('.');
        if (issue.code === 'unrecognized_keys') {
          const parent = Object.values(FIELDS).find((f) => f.key === field);
          for (const key of issue.keys)
            findings.push(
              at(
                lineOf([...path, key]),
                'unknown-field',
                splitMessage(unknownKeysMessage([key], knownAt(path), parent)),
                [field, key].filter(Boolean).join('.'),
              ),
            );
          continue;
        }
        const code = (issue as { params?: { code?: string } }).params?.code ?? 'schema';
        findings.push(at(lineOf(path), code, splitMessage(issue.message), field || undefined));
      }
    }
    for (const finding of checkBody(entry, bodyStartLine)) findings.push(finding);
    return findings.map((finding) =>
      finding.field === undefined && finding.line >= bodyStartLine
        ? { ...finding, bodyLine: finding.line - bodyStartLine + 1 }
        : finding,
    );
  };
}
