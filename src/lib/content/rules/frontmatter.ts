/**
 * A feature's frontmatter against the content contract (src/lib/content/schema.ts), in-process:
 * every issue of every field, each at the line of its key, with the contract's own bilingual
 * message — where `astro sync` stops at the first bad file and names no line.
 */
import { z } from 'astro/zod';
import type { Diagnostic } from '../diagnostic.ts';
import { splitMessage, unknownKeysMessage, type Field } from '../fields.ts';
import { FIELDS } from '../schema.ts';
import type { ContentSchema } from '../taxonomy.ts';
import { frontmatterLine, type FeatureText } from './feature.ts';

/** The keys an object of the schema has at `path` (['cover'], ['bylines', 0]), for "did you mean". */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const key of [...path, undefined]) {
    while (node instanceof z.ZodOptional || node instanceof z.ZodDefault) node = node.unwrap();
    if (key === undefined) break;
    if (node instanceof z.ZodObject) node = (node.shape as Record<PropertyKey, unknown>)[key];
    else if (node instanceof z.ZodArray) node = node.element;
    else return [];
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

const fieldNamed = (key: PropertyKey | undefined): Field | undefined =>
  Object.values(FIELDS).find((field) => field.key === key);

/**
 * Characters that break YAML when typed in a Chinese input method: a full-width colon after
 * a key, full-width quotes closing a half-width one, an ideographic space or a tab indenting.
 */
function fullWidthHint(line: string): string | undefined {
  if (/^\s*[A-Za-z][\w.]*\s*：/.test(line)) return '设置项名后面的冒号要用英文半角冒号加空格“: ”，不能用全角“：”';
  if (/^[\u3000\t]/.test(line)) return '缩进只能用半角空格，不能用全角空格或 Tab';
  // An odd number of " on a line: one of a pair typed full-width (“), or a quote inside a quoted value.
  if ((line.replace(/\\"/g, '').match(/"/g) ?? []).length % 2 === 1)
    return '这一行的英文双引号 " 没有成对：值两边都用英文半角引号 "…"，文字中间的引号用全角“”';
  return undefined;
}

function yamlError(feature: FeatureText, error: { line: number; reason: string }): Diagnostic {
  const lines = feature.source.split('\n');
  // The parser often notices a mistake a line or more after it: look back for the likely cause.
  let line = error.line;
  let hint: string | undefined;
  for (let n = feature.frontmatter.openLine + 1; n <= Math.min(error.line, lines.length); n++) {
    hint = fullWidthHint(lines[n - 1] ?? '');
    if (hint) {
      line = n;
      break;
    }
  }
  return {
    file: feature.file,
    line,
    severity: 'error',
    code: 'frontmatter',
    zh: `文件开头 --- 之间的设置项格式有误：${hint ?? `${error.reason}。请检查冒号（半角加空格）、缩进（两个半角空格）和引号是否成对`}`,
    en: `the frontmatter is not valid YAML: ${error.reason}`,
  };
}

/**
 * Text wholly inside full-width quotes, “like this”: typed with a Chinese input method where
 * YAML quotes were meant, the quotes would show on the page. A warning, not an error: a
 * headline may be a quotation.
 */
function quotedWhole(feature: FeatureText): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      if (/^[“「『][^“”「」『』]*[”」』]$/.test(value.trim()))
        out.push({
          file: feature.file,
          line: frontmatterLine(feature, path),
          severity: 'warning',
          code: 'fullwidth-quotes',
          zh: `${path.join('.')} 的值整个在全角引号里（${value.trim().slice(0, 12)}…），引号会显示在网页上。若是当作设置项的引号，请改用英文半角引号 "…" 或去掉`,
          en: `${path.join('.')} is wholly inside full-width quotes, which show on the page; use half-width "…" or none`,
        });
    } else if (Array.isArray(value)) {
      value.forEach((item: unknown, i) => {
        visit(item, [...path, i]);
      });
    } else if (value && typeof value === 'object' && !(value instanceof Date))
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(feature.data, []);
  return out;
}

export function checkFrontmatter(feature: FeatureText, schema: ContentSchema): Diagnostic[] {
  const { file, frontmatter } = feature;
  const at = (line: number, code: string, zh: string, en: string): Diagnostic => ({
    file,
    line,
    severity: 'error',
    code,
    zh,
    en,
  });
  if (!frontmatter.found) {
    return [
      at(
        1,
        'frontmatter-missing',
        '文件开头没有设置项：第一行应是 ---，接着是 title: 等设置项，再以一行 --- 结束（可以用 npm run new 生成模板）。如果开头有 ---，请检查结尾的 --- 是否还在',
        'the file does not start with frontmatter: a line ---, the fields (title: …), and a closing line ---',
      ),
    ];
  }
  if (frontmatter.error) return [yamlError(feature, frontmatter.error)];
  if (Object.keys(feature.data).length === 0) {
    return [
      at(
        frontmatter.openLine,
        'frontmatter-missing',
        '两行 --- 之间没有设置项：请填写 title、summary 等（见编辑指南第四节）',
        'the frontmatter has no fields: fill in title, summary and the rest',
      ),
    ];
  }
  const result = schema.safeParse(feature.data);
  const issues = result.success ? [] : result.error.issues;
  return [
    ...quotedWhole(feature),
    ...issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') {
        const known = keysAt(schema, issue.path);
        const parent = fieldNamed(issue.path.find((key) => typeof key === 'string'));
        return issue.keys.map((key) => {
          const { zh, en } = splitMessage(unknownKeysMessage([key], known, parent));
          return at(frontmatterLine(feature, [...issue.path, key]), 'unknown-field', zh, en);
        });
      }
      const { zh, en } = splitMessage(issue.message);
      const code = (issue as { params?: { code?: string } }).params?.code ?? 'schema';
      const line = frontmatterLine(feature, issue.path);
      // A message of zod's own is English only: say in Chinese which field it is about.
      if (zh === en)
        return [at(line, code, `设置项 ${issue.path.join('.')} 有误（${en}），请对照编辑指南第四节修改`, en)];
      return [at(line, code, zh, en)];
    }),
  ];
}
