/**
 * Writes a draft feature as MDX: frontmatter the schema accepts, the body in reading order,
 * and a `# 待核对` comment above each field that is a guess, so the editor sees in the file
 * itself what needs a human.
 */
import type { Node } from './assemble.ts';
import type { Caption } from './captions.ts';
import type { FeatureDraft } from './metadata.ts';

/** YAML double-quoted scalars are JSON strings. */
const q = (value: string): string => JSON.stringify(value);

/**
 * Escapes what MDX would read as syntax in plain Chinese text: braces (expressions), angle
 * brackets (JSX), emphasis and code marks, and line starts that would become lists or headings.
 */
export function escapeMdxText(text: string): string {
  return text
    .replace(/[\\`*_{}<>[\]~|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+-])/u, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/u, '$1\\$2');
}

/** JSX attribute strings cannot hold a straight double quote; print style wants curly ones anyway. */
const attr = (value: string): string => {
  let open = true;
  return value.replace(/"/g, () => ((open = !open) ? '”' : '“'));
};

function figure(src: string, caption: Caption): string {
  const parts = [`src="${src}"`, `alt="${attr(caption.caption)}"`, `caption="${attr(caption.caption)}"`];
  if (caption.credit) parts.push(`credit="${attr(caption.credit)}"`);
  return `<Figure ${parts.join(' ')} placeholder />`;
}

export function emitBody(body: readonly Node[], photo: (caption: Caption) => string): string {
  const out: string[] = [];
  for (const node of body) {
    switch (node.kind) {
      case 'paragraph':
        out.push(escapeMdxText(node.text));
        break;
      case 'heading':
        out.push(`${'#'.repeat(node.depth)} ${escapeMdxText(node.text)}`);
        break;
      case 'editor-note':
        out.push(`<EditorNote>\n\n${escapeMdxText(node.text)}\n\n</EditorNote>`);
        break;
      case 'figure':
        out.push(figure(photo(node.caption), node.caption));
        break;
      case 'gallery':
        out.push(
          `<Gallery>\n${node.figures.map((f) => `  ${figure(photo(f.caption), f.caption)}`).join('\n')}\n</Gallery>`,
        );
        break;
    }
  }
  return `${out.join('\n\n')}\n`;
}

export function emitFeature(draft: FeatureDraft, body: string, todo: ReadonlyMap<string, string>): string {
  const lines: string[] = ['---'];
  const field = (key: string, value: string) => {
    const why = todo.get(key);
    if (why) lines.push(`# 待核对：${why}`);
    lines.push(`${key}: ${value}`);
  };
  field('title', q(draft.title));
  if (draft.kicker) field('kicker', q(draft.kicker));
  if (draft.subtitle) field('subtitle', q(draft.subtitle));
  field('summary', q(draft.summary));
  field('office', q(draft.office));
  field('officeType', q(draft.officeType));
  field('district', q(draft.district));
  field('city', q(draft.city));
  field('date', q(draft.date));
  lines.push('dateInferred: true', `dateNote: ${q(draft.dateNote)}`);
  if (draft.bylines.length) {
    field('bylines', '');
    lines.pop();
    lines.push('bylines:', ...draft.bylines.map((b) => `  - { name: ${q(b.name)}, role: ${q(b.role)} }`));
  } else {
    field('bylines', '[]');
  }
  if (draft.photoCredit) lines.push(`photoCredit: ${q(draft.photoCredit)}`);
  field('cover', '');
  lines.pop();
  lines.push('cover:', `  src: ${q(draft.cover.src)}`, `  alt: ${q(draft.cover.alt)}`);
  if (draft.cover.caption) lines.push(`  caption: ${q(draft.cover.caption)}`);
  if (draft.cover.credit) lines.push(`  credit: ${q(draft.cover.credit)}`);
  lines.push(
    '  placeholder: true',
    'tags: []',
    '# 导入的稿件是草稿：核对完上面的“待核对”各项，再改成 false 发布。',
    'draft: true',
    '---',
    '',
  );
  return `${lines.join('\n')}\n${body}`;
}
