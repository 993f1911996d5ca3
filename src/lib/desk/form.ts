/**
 * The desk's form, derived from the content contract: every field of `featureSchema` becomes
 * a Decap CMS field with the contract's Chinese name as its label and its doc line
 * (FIELDS[…].help) as its hint, the widget chosen by the field's zod type, and required when
 * the schema refuses the field left out. Nothing here names a frontmatter field: a field added
 * to the contract appears in the form, and one the walk cannot place stops the build.
 */
import { z } from 'astro/zod';
import { FIELDS, featureSchema } from '../content/schema.ts';
import { knownId, photoPath, type Field, type KnownEntry } from '../content/fields.ts';

/** A field of Decap CMS's config (https://decapcms.org/docs/widgets/). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required: boolean;
  hint?: string;
  fields?: CmsField[];
  options?: { label: string; value: string }[];
  multiple?: boolean;
  [option: string]: unknown;
}

export interface FormTaxonomy {
  districts: readonly KnownEntry[];
  topics: readonly KnownEntry[];
}

/** The contract's schema with the choices the form offers: ids from the YAML files, photos by path. */
export function formSchema(taxonomy: FormTaxonomy) {
  const district = knownId(FIELDS.district, 'content/districts.yaml', taxonomy.districts, 'unknown-district');
  const topic = knownId(FIELDS.tags, 'content/topics.yaml', taxonomy.topics, 'unknown-topic');
  const photo = photoPath(FIELDS.coverSrc);
  return { schema: featureSchema({ photo, district, topic }), district, topic, photo };
}

/** Widgets of the desk's own (src/lib/desk/browser/): the date with its precision, the MDX body, the folder name. */
export const DESK_WIDGETS = { date: 'zhuanban-date', body: 'zhuanban-body', slug: 'zhuanban-slug' } as const;

const fieldByKey = (key: string): Field => {
  const field = Object.values(FIELDS).find((f) => f.key === key);
  if (!field) throw new Error(`the form has no FIELDS entry for "${key}": add it to src/lib/content/schema.ts`);
  return field;
};

const choices = (entries: readonly KnownEntry[]) =>
  entries.map((entry) => ({ label: `${entry.name}（${entry.id}）`, value: entry.id }));

/** Strings longer than a line get a text area: the summary (up to 200 characters), notes. */
const LONG_TEXT = 80;

export function formFields(taxonomy: FormTaxonomy): CmsField[] {
  const { schema, district, topic, photo } = formSchema(taxonomy);

  // `inOptional`: inside a group that may be left out (source), where Decap would still demand
  // the group's required fields; the contract's own check (validate.ts) asks for them once the group is given.
  const walk = (key: string, path: readonly string[], node: z.ZodType, inOptional = false): CmsField => {
    const dotted = [...path, key].join('.');
    const field = fieldByKey(dotted);
    // Required exactly when the schema refuses the field left out: optional() and default() accept it.
    const required = !inOptional && !node.safeParse(undefined).success;
    let inner: z.ZodType = node;
    // No `default`: Decap would write it into every new feature; left out, it means the same.
    while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
    const base = { name: key, label: field.zh, required, ...(field.help ? { hint: field.help } : {}) };
    if (inner === district) return { ...base, widget: 'select', options: choices(taxonomy.districts) };
    if (inner === photo) return { ...base, widget: 'image', choose_url: false };
    if (inner instanceof z.ZodString) {
      const max = inner.maxLength;
      return { ...base, widget: max !== null && max > LONG_TEXT ? 'text' : 'string' };
    }
    if (inner instanceof z.ZodBoolean) return { ...base, widget: 'boolean' };
    if (inner instanceof z.ZodEnum)
      return {
        ...base,
        widget: 'select',
        options: (inner.options as string[]).map((value) => ({ label: value, value })),
      };
    if (inner instanceof z.ZodArray) {
      const element = inner.element as z.ZodType;
      if (element === topic) return { ...base, widget: 'select', multiple: true, options: choices(taxonomy.topics) };
      if (element instanceof z.ZodObject) {
        const fields = Object.entries(element.shape).map(([k, v]) => walk(k, [...path, key], v as z.ZodType));
        return { ...base, widget: 'list', fields, summary: fields.map((f) => `{{fields.${f.name}}}`).join(' ') };
      }
    }
    if (inner instanceof z.ZodObject) {
      const fields = Object.entries(inner.shape).map(([k, v]) => walk(k, [...path, key], v as z.ZodType, !required));
      return { ...base, widget: 'object', collapsed: !required, fields };
    }
    // A value read as written and turned into a date: "2019", "2019-07" or "2019-07-01".
    if (inner instanceof z.ZodPipe && inner.in instanceof z.ZodUnknown) return { ...base, widget: DESK_WIDGETS.date };
    throw new Error(`the form has no widget for "${dotted}" (${inner.constructor.name}): extend src/lib/desk/form.ts`);
  };

  return Object.entries(schema.shape).map(([key, node]) => walk(key, [], node as z.ZodType));
}
