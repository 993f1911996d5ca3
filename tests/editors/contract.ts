/**
 * The editors' contract as docs/编辑指南.md states it, written again here — apart from the
 * check's code — so the mutation test can tell, for any changed feature file, whether an
 * editor made a mistake, without asking the check:
 *
 * - **harmless**: the build reads the same thing — Astro's parser gives the same frontmatter
 *   data and the MDX parser the same body tree (positions aside), with the same photos. The
 *   page would be the one intended; the check must say nothing.
 * - **mistake**: the file breaks the contract — not UTF-8; no frontmatter; YAML or MDX that
 *   does not parse; a field missing, empty, of the wrong kind, not one of its allowed values,
 *   an id not in districts.yaml/topics.yaml, a date that is not real or more precise than the
 *   text; a key the guide does not have; a photo that is missing, not an image, cut short or
 *   damaged, narrower than 720 px or over 20 MB; a body with no text; or a change the mutation itself declares a
 *   mistake by the guide's rules for the body (a component or prop the guide does not list, a
 *   required prop removed, code). The check must fail with a proper message.
 * - **legit**: the file says something else but keeps the contract (an optional field removed,
 *   a word changed): the check must not fail (it may warn, e.g. about half-width punctuation).
 * - **unknown**: the body's structure changed in a way the rules above do not decide (a `#`
 *   typed at a line start makes a heading): either verdict, but every message proper.
 */
import { createProcessor } from '@mdx-js/mdx';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Nodes, Root } from 'mdast';
import { isDeepStrictEqual } from 'node:util';

export type Verdict = 'harmless' | 'legit' | 'mistake' | 'unknown';

/** What the oracle knows of a photo file in a feature's folder. */
export interface PhotoFacts {
  /** Readable as an image, with its width as shown (after EXIF rotation). */
  width: number | undefined;
  /** Every pixel decodes: not cut short, not damaged. */
  intact: boolean;
  bytes: number;
}

export interface Lists {
  districts: ReadonlySet<string>;
  topics: ReadonlySet<string>;
}

export interface ReadFile {
  utf8: boolean;
  found: boolean;
  yamlError: boolean;
  data: Record<string, unknown>;
  tree: Root | undefined;
  body: string;
}

/** A feature file read the way the build reads it (Astro's frontmatter parser, the MDX parser). */
export function readAsBuilt(contents: string | Uint8Array): ReadFile {
  const bytes = typeof contents === 'string' ? Buffer.from(contents) : Buffer.from(contents);
  const utf8 = Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
  const text = bytes.toString('utf8');
  let data: Record<string, unknown> = {};
  let yamlError = false;
  let found = false;
  let body = text;
  try {
    const parsed = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
    data = parsed.frontmatter;
    found = parsed.rawFrontmatter !== '';
    body = parsed.content;
  } catch {
    yamlError = true;
  }
  let tree: Root | undefined;
  try {
    tree = createProcessor().parse(body);
  } catch {
    tree = undefined;
  }
  return { utf8, found, yamlError, data, tree, body };
}

/** A tree without positions (estree's included), for "the same body". */
export function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key]) => !['position', 'start', 'end', 'loc', 'range'].includes(key))
        .map(([key, value]) => [key, shape(value)]),
    );
  }
  return node;
}

/** The same tree with every text value blanked: equal for two bodies that differ only in wording. */
function structure(node: unknown): unknown {
  const s = shape(node) as Record<string, unknown>;
  return JSON.parse(JSON.stringify(s, (key, value: unknown) => (key === 'value' ? '' : value))) as unknown;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const PHOTO = /^\.\/[^/\\]+\.(?:jpe?g|png|webp|avif)$/i;
const KEYS = {
  root: ['title', 'kicker', 'subtitle', 'summary', 'office', 'officeType', 'district', 'city', 'date'],
  more: ['dateInferred', 'dateNote', 'bylines', 'photoCredit', 'cover', 'tags', 'source', 'draft'],
  cover: ['src', 'alt', 'caption', 'credit', 'placeholder'],
  byline: ['name', 'role'],
  source: ['newspaper', 'page'],
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
const onlyKeys = (value: Record<string, unknown>, keys: readonly string[]) =>
  Object.keys(value).every((k) => keys.includes(k));

function realDate(value: unknown, supportedBy: string): boolean {
  let text: string;
  if (typeof value === 'string') text = value.trim();
  else if (value instanceof Date && value.getTime() % 86_400_000 === 0) text = value.toISOString().slice(0, 10);
  else return false;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return false;
  const [, y, m, d] = match;
  if (m === undefined) return true;
  if (Number(m) < 1 || Number(m) > 12) return false;
  if (d === undefined) return true;
  const days = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
  if (Number(d) < 1 || Number(d) > days) return false;
  // 只写到有依据的精度: a day must appear in the text or the date note.
  return supportedBy.includes(`${Number(m)}月${Number(d)}日`) || supportedBy.includes(text);
}

/** Does this frontmatter keep the contract (docs/编辑指南.md, 第四节)? */
export function frontmatterKeeps(data: Record<string, unknown>, lists: Lists, body: string): boolean {
  const d = data;
  if (!onlyKeys(d, [...KEYS.root, ...KEYS.more])) return false;
  for (const key of ['title', 'office', 'city']) if (!isText(d[key])) return false;
  for (const key of ['kicker', 'subtitle', 'photoCredit', 'dateNote'])
    if (d[key] !== undefined && !isText(d[key])) return false;
  const summary = typeof d['summary'] === 'string' ? d['summary'].trim() : undefined;
  if (summary === undefined || summary.length < 40 || summary.length > 200) return false;
  if (!['办事处', '街道', '镇', '区'].includes(d['officeType'] as string)) return false;
  if (typeof d['district'] !== 'string' || !lists.districts.has(d['district'])) return false;
  if (!realDate(d['date'], `${body}\n${typeof d['dateNote'] === 'string' ? d['dateNote'] : ''}`)) return false;
  for (const key of ['dateInferred', 'draft']) if (d[key] !== undefined && typeof d[key] !== 'boolean') return false;
  if (d['dateInferred'] === true && d['dateNote'] === undefined) return false;
  const bylines = d['bylines'];
  if (bylines !== undefined) {
    if (!Array.isArray(bylines)) return false;
    for (const b of bylines)
      if (!isObject(b) || !onlyKeys(b, KEYS.byline) || !isText(b['name']) || !isText(b['role'])) return false;
  }
  const cover = d['cover'];
  if (!isObject(cover) || !onlyKeys(cover, KEYS.cover) || !isText(cover['alt'])) return false;
  if (typeof cover['src'] !== 'string' || !PHOTO.test(cover['src'])) return false;
  for (const key of ['caption', 'credit']) if (cover[key] !== undefined && !isText(cover[key])) return false;
  if (cover['placeholder'] !== undefined && typeof cover['placeholder'] !== 'boolean') return false;
  const tags = d['tags'];
  if (tags !== undefined && (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string' && lists.topics.has(t))))
    return false;
  const source = d['source'];
  if (source !== undefined) {
    if (!isObject(source) || !onlyKeys(source, KEYS.source) || !isText(source['newspaper'])) return false;
    if (source['page'] !== undefined && !isText(source['page'])) return false;
  }
  return true;
}

/** Every photo the file names: the cover's and each Figure's src. */
export function photosNamed(file: ReadFile): string[] {
  const names: string[] = [];
  const cover = file.data['cover'];
  if (isObject(cover) && typeof cover['src'] === 'string') names.push(cover['src']);
  const walk = (node: Nodes) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Figure') {
      const src = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'src');
      if (src && typeof src.value === 'string') names.push(src.value);
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  if (file.tree) walk(file.tree);
  return names;
}

/** 第六节: a photo beside index.mdx, a whole image at least 720 px wide (a phone's width at 2×), at most 20 MB. */
export function photoKeeps(src: string, photos: ReadonlyMap<string, PhotoFacts>): boolean {
  if (!PHOTO.test(src)) return false;
  const facts = photos.get(src.slice(2));
  return facts?.width !== undefined && facts.intact && facts.width >= 720 && facts.bytes <= 20 * 1024 * 1024;
}

const hasText = (node: Nodes): boolean =>
  node.type === 'text' ? node.value.trim() !== '' : 'children' in node && node.children.some(hasText);

export interface Judged {
  original: ReadFile;
  changed: ReadFile;
  /** Photos in the folder, before and after. */
  photosBefore: ReadonlyMap<string, PhotoFacts>;
  photosAfter: ReadonlyMap<string, PhotoFacts>;
  lists: Lists;
  /** What the mutation says of a body change the rules above cannot decide. */
  declared?: 'mistake' | 'legit' | undefined;
}

export function verdictOf({ original, changed, photosBefore, photosAfter, lists, declared }: Judged): Verdict {
  if (!changed.utf8 || !changed.found || changed.yamlError || !changed.tree) return 'mistake';
  const sameData = isDeepStrictEqual(changed.data, original.data);
  const sameBody = isDeepStrictEqual(shape(changed.tree), shape(original.tree));
  const samePhotos = isDeepStrictEqual([...photosAfter.entries()].sort(), [...photosBefore.entries()].sort());
  if (sameData && sameBody && samePhotos) return 'harmless';
  if (!frontmatterKeeps(changed.data, lists, changed.body)) return 'mistake';
  if (!hasText(changed.tree)) return 'mistake';
  if (!photosNamed(changed).every((src) => photoKeeps(src, photosAfter))) return 'mistake';
  if (declared) return declared;
  // Same structure, other words: an editor's text, which no check can second-guess.
  if (isDeepStrictEqual(structure(changed.tree), structure(original.tree))) return 'legit';
  return 'unknown';
}
