/**
 * The MDX an editor gets from the desk's "insert" form: a site component written the way
 * docs/编辑指南.md (第五节) writes it, so the check and the page read it as if typed by hand.
 */
import type { DeskComponent } from './components.ts';

export type PropValues = Readonly<Record<string, string | boolean | undefined>>;

/** A text prop's value inside "…": a straight quote would end it, so it becomes a full-width one, as the guide writes quotes. */
const attributeText = (value: string): string =>
  value
    .replace(/"/g, '”')
    .replace(/\s*\n\s*/g, ' ')
    .trim();

export function componentSnippet(component: DeskComponent, values: PropValues, inner = ''): string {
  const attributes = component.props.flatMap((prop) => {
    const value = values[prop.name];
    if (prop.kind === 'flag') return value === true ? [prop.name] : [];
    if (typeof value !== 'string' || value.trim() === '') return [];
    return [`${prop.name}="${attributeText(value)}"`];
  });
  const open = [component.name, ...attributes].join(' ');
  if (component.content === 'none') return `<${open} />`;
  const text = inner.trim();
  if (component.content === 'components') return `<${open}>\n${text ? `${text}\n` : ''}</${component.name}>`;
  // One line of running text stays inline (a quotation); paragraphs go between blank lines, as MDX needs.
  if (!text.includes('\n') && component.content === 'text') return `<${open}>${text}</${component.name}>`;
  return `<${open}>\n\n${text}\n\n</${component.name}>`;
}

/**
 * `text` with `snippet` put in at `at` as a block of its own: a blank line before and after
 * unless one is there already. Returns the new text and where the cursor goes (after the snippet).
 */
export function insertBlock(text: string, at: number, snippet: string): { text: string; cursor: number } {
  const before = text.slice(0, at);
  const after = text.slice(at);
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  const inserted = `${lead}${snippet}${trail}`;
  return { text: before + inserted + after, cursor: before.length + lead.length + snippet.length };
}
