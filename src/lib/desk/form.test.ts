/**
 * The form is the contract: walking the zod schema of `featureSchema` (not the generator's
 * code), every field has a form field of the right widget, label, help and required-ness, and
 * the form has nothing the schema lacks but the desk's own folder name and body. The widgets'
 * choices are judged by what the schema accepts: every option passes, anything else fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIELDS } from '../content/schema.ts';
import { DESK_ONLY_FIELDS, deskConfig } from './config.ts';
import { formSchema, type CmsField } from './form.ts';
import { deskSettings } from './settings.ts';

const root = join(import.meta.dirname, '../../..');
const list = (file: string) =>
  (parse(readFileSync(join(root, 'content', file), 'utf8')) as { id: string; name: string }[]).map(({ id, name }) => ({
    id,
    name,
  }));
const taxonomy = { districts: list('districts.yaml'), topics: list('topics.yaml') };
const config = deskConfig({ settings: deskSettings({}), taxonomy, siteUrl: 'https://zhuanban.example.cn/' }) as {
  collections: { fields: CmsField[] }[];
};
const form = config.collections[0]!.fields;
const { schema } = formSchema(taxonomy);

const unwrap = (node: z.ZodType): z.ZodType =>
  node instanceof z.ZodOptional || node instanceof z.ZodDefault ? unwrap(node.unwrap() as z.ZodType) : node;
const accepts = (node: z.ZodType, value: unknown) => node.safeParse(value).success;

interface SchemaField {
  path: string;
  node: z.ZodType;
  required: boolean;
}

/**
 * Every field of the schema, dotted, with whether an editor must give it: it and every group
 * around it required (Decap asks for a group's fields even when the group is left out).
 */
function schemaFields(shape: Record<string, z.ZodType>, prefix = '', parentRequired = true): SchemaField[] {
  return Object.entries(shape).flatMap(([key, node]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const required = parentRequired && !accepts(node, undefined);
    const inner = unwrap(node);
    const here = [{ path, node, required }];
    // A list item's fields are required in every item there is, however optional the list.
    if (inner instanceof z.ZodArray) {
      const item = unwrap(inner.element as z.ZodType);
      return item instanceof z.ZodObject ? [...here, ...schemaFields(item.shape, path, true)] : here;
    }
    if (inner instanceof z.ZodObject) return [...here, ...schemaFields(inner.shape, path, required)];
    return here;
  });
}

function formFields(fields: readonly CmsField[], prefix = ''): Map<string, CmsField> {
  const out = new Map<string, CmsField>();
  for (const field of fields) {
    const path = prefix ? `${prefix}.${field.name}` : field.name;
    out.set(path, field);
    for (const [k, v] of formFields(field.fields ?? [], path)) out.set(k, v);
  }
  return out;
}

const byPath = formFields(form);
const fields = schemaFields(schema.shape);

/** The widget an editor should get for what the schema accepts. */
function expectedWidget(node: z.ZodType): string {
  const inner = unwrap(node);
  if (accepts(inner, true) && accepts(inner, false)) return 'boolean';
  if (inner instanceof z.ZodArray) return unwrap(inner.element as z.ZodType) instanceof z.ZodObject ? 'list' : 'select';
  if (inner instanceof z.ZodObject) return 'object';
  if (accepts(inner, '2019-07') && !accepts(inner, '2019-13') && !accepts(inner, '七月')) return 'zhuanban-date';
  if (accepts(inner, './photo-1.jpg') && !accepts(inner, 'photo-1.jpg')) return 'image';
  // Free text (a line or a paragraph: string or text) takes any words; a choice takes only its own.
  return accepts(inner, '自由填写的文字'.repeat(9)) ? 'string' : 'select';
}

describe('the desk form is the content contract', () => {
  it.each(fields.map((f) => [f.path, f] as const))('%s has its form field', (path, field) => {
    const formField = byPath.get(path);
    expect(formField, `no form field for ${path}`).toBeDefined();
    const contract = Object.values(FIELDS).find((f) => f.key === path);
    expect(formField!.label).toBe(contract?.zh);
    expect(formField!.hint).toBe(contract?.help);
    expect(formField!.required, `${path} required`).toBe(field.required);
    const widget = expectedWidget(field.node);
    expect([widget, widget === 'string' ? 'text' : widget]).toContain(formField!.widget);
  });

  it('offers only choices the schema accepts, and every one it accepts', () => {
    for (const { path, node } of fields) {
      const formField = byPath.get(path)!;
      if (formField.widget !== 'select') continue;
      const inner = unwrap(node);
      const item = inner instanceof z.ZodArray ? (inner.element as z.ZodType) : inner;
      const values = (formField.options ?? []).map((option) => option.value);
      for (const value of values) expect(accepts(item, value), `${path}: ${value}`).toBe(true);
      const valid = [...taxonomy.districts, ...taxonomy.topics].map((e) => e.id).concat(['办事处', '街道', '镇', '区']);
      for (const value of valid) if (accepts(item, value)) expect(values, `${path} offers ${value}`).toContain(value);
      expect(formField.multiple === true).toBe(inner instanceof z.ZodArray);
    }
  });

  it('has nothing the schema lacks but the desk\u2019s folder name and body', () => {
    const schemaPaths = new Set(fields.map((f) => f.path));
    const extra = [...byPath.keys()].filter((path) => !schemaPaths.has(path));
    expect(extra.sort()).toEqual([...DESK_ONLY_FIELDS].sort());
  });

  it('follows the contract when it changes: a field added to the schema is in the form', () => {
    // The generator reads the schema it is given; a FIELDS entry without a schema field is not shown.
    expect(form.map((f) => f.name).filter((name) => !DESK_ONLY_FIELDS.includes(name as never))).toEqual(
      Object.keys(schema.shape),
    );
  });
});
