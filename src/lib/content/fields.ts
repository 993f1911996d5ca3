/**
 * The building blocks of the content contract (schema.ts): a field of each kind an editor
 * fills in, each with the messages the editor sees when it is wrong — in Chinese, then
 * English, joined by " / " (splitMessage takes them apart again). Every message names the
 * field as the editor knows it, `title（主标题）`, says what was written, and how to fix it.
 *
 * Plain zod from `astro/zod`: no astro:content, so `npm run check` runs it in-process.
 */
import { z } from 'astro/zod';
import { nearest } from './nearest.ts';
import { isPhotoFile } from './photos.ts';

/** A field as an editor knows it: its key, its Chinese name as the guide gives it, and what to write there. */
export interface Field {
  key: string;
  zh: string;
  /** One line on what the editor writes there: the field's doc, shown as help under it in the desk (/admin/). */
  help?: string;
}

const SEPARATOR = ' / ';

/** One message in both languages, the way every schema message is written. */
export const bilingual = (zh: string, en: string): string => `${zh}${SEPARATOR}${en}`;

/** Takes a schema message apart; a message of zod's own (English only) is given in both slots. */
export function splitMessage(message: string): { zh: string; en: string } {
  const at = message.lastIndexOf(SEPARATOR);
  return at < 0 ? { zh: message, en: message } : { zh: message.slice(0, at), en: message.slice(at + SEPARATOR.length) };
}

export const named = (field: Field): string => `${field.key}（${field.zh}）`;

/** What the editor wrote, in words: `数字 42` / `a number (42)`. */
export function describeValue(input: unknown): { zh: string; en: string } {
  if (input === null || input === undefined) return { zh: '空值', en: 'nothing' };
  if (typeof input === 'number') return { zh: `数字 ${input}`, en: `a number (${input})` };
  if (typeof input === 'boolean') return { zh: `${input}`, en: `${input}` };
  if (typeof input === 'string') return { zh: `文字“${input}”`, en: `the text "${input}"` };
  if (input instanceof Date) {
    // An unquoted 2019-07-01 (or 2019-07-01 08:30) reaches the schema as a YAML date.
    const iso = input.toISOString().replace('T00:00:00.000Z', '').replace(':00.000Z', '').replace('T', ' ');
    return { zh: `不带引号的日期 ${iso}`, en: `an unquoted date (${iso})` };
  }
  if (Array.isArray(input)) return { zh: '列表（[…] 或 - 开头的多行）', en: 'a list' };
  return { zh: '一组设置（缩进的多行或 {…}）', en: 'a group of fields' };
}

/** Left out, left empty, or of the wrong kind: the one message for each, for any field. */
function wrongKind(field: Field, input: unknown, expected: { zh: string; en: string }): string {
  if (input === undefined)
    return bilingual(
      `缺少 ${named(field)}：请在设置项里补上这一项`,
      `${field.key} is missing: add it`,
    );
  if (input === null || input === '')
    return bilingual(
      `${named(field)}是空的：请填写${expected.zh}，或删去这一行`,
      `${field.key} is empty: give ${expected.en}, or delete the line`,
    );
  const written = describeValue(input);
  return bilingual(
    `${named(field)}应为${expected.zh}，这里写的是${written.zh}`,
    `${field.key} must be ${expected.en}, not ${written.en}`,
  );
}

const TEXT = { zh: '文字', en: 'text' };

/** Text an editor must give. */
export function text(field: Field) {
  return z
    .string({ error: (issue) => wrongKind(field, issue.input, TEXT) })
    .trim()
    .min(1, bilingual(`${named(field)}不能为空`, `${field.key} must not be empty`));
}

/** Text an editor may leave out (delete the line), but not leave empty. */
export function optionalText(field: Field) {
  return text(field).optional();
}

/** true or false; false when left out. */
export function flag(field: Field) {
  return z
    .boolean({ error: (issue) => wrongKind(field, issue.input, { zh: ' true 或 false', en: 'true or false' }) })
    .default(false);
}

/** One of a fixed list of words. */
export function oneOf<const T extends readonly [string, ...string[]]>(field: Field, values: T) {
  return z.enum(values, {
    error: (issue) => {
      const suggestion = typeof issue.input === 'string' ? nearest(issue.input, values) : [];
      if (typeof issue.input !== 'string' || issue.input === '')
        return wrongKind(field, issue.input, { zh: `${values.join('、')} 之一`, en: `one of ${values.join(', ')}` });
      return bilingual(
        `${named(field)}只能是 ${values.join('、')} 之一，这里写的是“${issue.input}”${suggestion.length ? `，是不是 ${suggestion.join('、')}？` : ''}`,
        `${field.key} must be one of ${values.join(', ')}, not "${issue.input}"${suggestion.length ? `; did you mean ${suggestion.join(', ')}?` : ''}`,
      );
    },
  });
}

/** A list; empty or left out means none. */
export function list<T extends z.ZodType>(field: Field, item: T) {
  return z
    .array(item, { error: (issue) => wrongKind(field, issue.input, { zh: '列表，如 [a, b]', en: 'a list such as [a, b]' }) })
    .default([]);
}

/**
 * A group of fields written indented under its key. A key it does not know is an error, not
 * silently dropped: `captoin:` would otherwise lose the caption without a word.
 */
export function group<S extends z.ZodRawShape>(field: Field | undefined, shape: S) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return unknownKeysMessage(issue.keys, Object.keys(shape), field);
      if (!field) return undefined;
      return wrongKind(field, issue.input, { zh: '缩进写在下面的几行设置', en: 'indented fields on the lines below' });
    },
  });
}

/** The message for a key the contract does not have, with the nearest ones it does. */
export function unknownKeysMessage(keys: readonly string[], known: readonly string[], parent?: Field): string {
  const where = parent ? `${parent.key} 下` : '';
  const hints = keys.map((key) => ({ key, near: nearest(key, known) }));
  const zh = hints
    .map(({ key, near }) => `“${key}”${near.length ? `（是不是 ${near.join('、')}？）` : ''}`)
    .join('、');
  const en = hints.map(({ key, near }) => `"${key}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`).join(', ');
  return bilingual(
    `${where}没有设置项 ${zh}。可用的设置项：${known.join('、')}；拼错的设置项不会显示在网页上`,
    `unknown field ${en}${parent ? ` under ${parent.key}` : ''}; known fields: ${known.join(', ')}`,
  );
}

/** A valid id and what readers see for it: an entry of content/districts.yaml or content/topics.yaml. */
export interface KnownEntry {
  id: string;
  name: string;
  fullName?: string;
}

/**
 * The message for an id that is not in `file`: the nearest ids, or the entry whose name was
 * written instead of its id (经开区 → jingkai), or else every valid id.
 */
export function unknownIdMessage(field: Field, value: string, file: string, entries: readonly KnownEntry[]): string {
  const written = value.trim();
  // 经开区 for jingkai, or 党建 for dangjian (named 党建引领): the reader's name written for the id.
  const byName = entries.filter(
    (entry) =>
      entry.name === written ||
      entry.fullName === written ||
      (/\p{Script=Han}/u.test(written) && [...written].length >= 2 && entry.name.includes(written)),
  );
  const near = byName.length ? byName.map((entry) => entry.id) : nearest(value, entries.map((entry) => entry.id));
  const ids = entries.map((entry) => entry.id);
  const shown = ids.length > 12 ? `${ids.slice(0, 12).join('、')}…` : ids.join('、');
  return bilingual(
    `${named(field)}“${value}”不在 ${file} 里。${near.length ? `是不是 ${near.join('、')}？` : `可用的 id：${shown}。`}要新增请先在 ${file} 里加一项`,
    `${field.key} "${value}" is not an id in ${file}; ${near.length ? `did you mean ${near.join(', ')}?` : `valid ids: ${ids.join(', ')}`}`,
  );
}

/**
 * An id that must be one of `entries`, checked in-process by `npm run check`, which reads the
 * YAML files. `code` names the mistake in the check's report (unknown-district, unknown-topic).
 */
export function knownId(field: Field, file: string, entries: readonly KnownEntry[], code: string) {
  const ids = new Set(entries.map((entry) => entry.id));
  return z
    .string({ error: (issue) => wrongKind(field, issue.input, { zh: `${file} 里的一个 id`, en: `an id from ${file}` }) })
    .check((ctx) => {
      if (ids.has(ctx.value)) return;
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: unknownIdMessage(field, ctx.value, file, entries),
        params: { code },
      });
    });
}

/**
 * What is wrong with how a photo is named, or undefined: a photo is a file beside index.mdx,
 * written `./photo-1.jpg`, in a format the site encodes. Whether it exists, is an image and is
 * big enough is for the photo rules (rules/photos.ts), told what the folder holds.
 */
export function photoPathProblem(src: string): { zh: string; en: string } | undefined {
  if (!src.startsWith('./') || src.slice(2).includes('/') || src.includes('\\') || src.length <= 2)
    return {
      zh: `图片路径“${src}”无效：照片放在稿件文件夹里，写成 ./photo-1.jpg 这样`,
      en: `image path "${src}": photos live beside index.mdx, written as ./photo-1.jpg`,
    };
  if (!isPhotoFile(src))
    return {
      zh: `“${src}”不是网站能用的照片格式：请用 .jpg、.png、.webp 或 .avif`,
      en: `"${src}" is not a photo format the site uses: use .jpg, .png, .webp or .avif`,
    };
  return undefined;
}

/** A photo beside index.mdx as a plain relative path, checked in form (photoPathProblem). */
export function photoPath(field: Field) {
  return text(field).check((ctx) => {
    const problem = photoPathProblem(ctx.value);
    if (problem)
      ctx.issues.push({ code: 'custom', input: ctx.value, message: bilingual(problem.zh, problem.en), params: { code: 'photo-path' } });
  });
}
