/**
 * The desk's check of one entry, in the browser: the content contract's own check of one
 * feature (`checkFeatureSource`, the function `npm run check` and the features loader run) on
 * the index.mdx the desk would save. This file adds no rule: it only says where each finding
 * is in the form — the frontmatter field (a dotted key such as cover.alt) or the body line.
 *
 * What the browser cannot judge is left to the check in CI (docs/desk.md): the photo files'
 * contents (size in bytes and pixels, decoding to the last pixel: the bytes are in the git
 * host, not in the page), so `photos` is not given and the rules judge no photo's contents.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Diagnostic } from '../content/diagnostic.ts';
import { readFrontmatter, type Frontmatter } from '../content/frontmatter.ts';
import type { FeatureSummary } from '../content/rules/collection.ts';
import type { Taxonomy } from '../content/taxonomy.ts';
import { checkFeatureSource } from '../features/feature.ts';

export interface DeskDiagnostic extends Diagnostic {
  /** The frontmatter field, dotted (cover.alt): for a finding in the frontmatter. */
  field?: string;
  /** The line within the body (1 = the body's first line), for a finding there. */
  bodyLine?: number;
}

export interface DeskEntry {
  /** content/features/<slug>/index.mdx */
  file: string;
  /** The whole index.mdx as the desk would save it. */
  text: string;
  /** The body as the editor has it: the end of `text` (its lines are the ones the editor counts). */
  body: string;
  /** The names of the files in the feature's folder. */
  files: readonly string[];
}

export interface DeskKnowledge {
  /** The districts and topics (content/districts.yaml, content/topics.yaml) as the build read them. */
  taxonomy: Taxonomy;
  /** The other features as the build knew them (`deskOthers`): links to their pages and anchors, duplicate titles. */
  others?: readonly FeatureSummary[] | undefined;
  /** The path the site is published under. */
  base?: string | undefined;
}

/**
 * What the desk page carries of the features: the published ones only — the page is public, and
 * nothing of a draft may show on the site (verify-build) — without their own links, since only
 * the entry's links are judged. A link to a draft, or a title a draft has too, is CI's to report.
 */
export function deskOthers(summaries: readonly FeatureSummary[]): FeatureSummary[] {
  return summaries.filter((summary) => !summary.draft).map((summary) => ({ ...summary, links: [] }));
}

/**
 * The field a finding at `line` is about, dotted (cover.alt; tags for an item of tags): the key
 * on that line — several keys on one line (a list item written { name: …, role: … }) are the
 * field that holds them — or else the nearest key above it (a value over several lines).
 */
function fieldAt(frontmatter: Frontmatter, line: number): string | undefined {
  const keys: { line: number; path: string[] }[] = [];
  const lineOf = (offset: number) => frontmatter.openLine + frontmatter.lineCounter.linePos(offset).line - 1;
  const walk = (node: unknown, path: string[]) => {
    if (isMap(node))
      for (const pair of node.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const key = [...path, String(pair.key.value)];
        keys.push({ line: lineOf(pair.key.range[0]), path: key });
        walk(pair.value, key);
      }
    else if (isSeq(node)) for (const item of node.items) walk(item, path);
  };
  walk(frontmatter.document?.contents, []);
  const here = keys.filter((key) => key.line === line).map((key) => key.path);
  if (here.length === 0)
    return keys
      .filter((key) => key.line < line)
      .at(-1)
      ?.path.join('.');
  let common = here[0]!;
  for (const path of here) {
    let i = 0;
    while (i < common.length && common[i] === path[i]) i++;
    common = common.slice(0, i);
  }
  return (here.length === 1 || common.length === 0 ? here[0]! : common).join('.');
}

export function deskChecker({ taxonomy, others, base }: DeskKnowledge) {
  return function check(entry: DeskEntry): DeskDiagnostic[] {
    const slug = entry.file.split('/').at(-2) ?? '';
    const diagnostics = checkFeatureSource(
      { file: entry.file, slug, contents: entry.text },
      { taxonomy, files: entry.files, others, base },
    );
    const frontmatter = readFrontmatter(entry.text);
    // toFile ends a body without a newline with one.
    const bodyEnd = entry.text.endsWith(entry.body) ? entry.text.length : entry.text.length - 1;
    const bodyStart = entry.text.slice(0, bodyEnd - entry.body.length).split('\n').length;
    return diagnostics.map((d): DeskDiagnostic => {
      if (frontmatter.found && d.line <= frontmatter.closeLine) {
        const field = fieldAt(frontmatter, d.line);
        return field === undefined ? d : { ...d, field };
      }
      return frontmatter.found ? { ...d, bodyLine: Math.max(1, d.line - bodyStart + 1) } : d;
    });
  };
}
