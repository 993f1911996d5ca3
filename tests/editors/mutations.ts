/**
 * Every kind of mistake an editor can make, drawn over the real features: each frontmatter
 * field × each edit that applies to it, each kind of body and photo mistake, what editors'
 * tools do to a file, and a seeded sample of character-level edits anywhere in a file. A
 * mutation changes one feature; whether it is a mistake is decided by contract.ts, not here
 * (except where a body change needs the guide's rule for it: `declared`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { encodeGb18030 } from '../support/gb18030.ts';
import { hasField, lineOfField, removeField, renameKey, setField, valueText, type FieldPath } from './yaml-edit.ts';

export interface FeatureFixture {
  slug: string;
  source: string;
  /** The photo files beside index.mdx. */
  photos: string[];
}

export interface Mutation {
  /** Stable and readable: jiulong · cover.alt · removed. */
  id: string;
  /** The family it is tallied under. */
  kind: string;
  slug: string;
  /** The new index.mdx. */
  source: string | Uint8Array;
  /** Files of the folder to write (bytes), delete (null) or add. */
  files?: Record<string, Uint8Array | null>;
  /** Lines where an error about it belongs (any one of them); empty when it could be anywhere. */
  lines: number[];
  /** The guide's rule for a body change the contract's data rules cannot see. */
  declared?: 'mistake' | 'legit';
}

/** Seeded pseudo-random numbers (mulberry32): the same sample on every run and machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

export function readFixtures(featuresDir: string): FeatureFixture[] {
  return readdirSync(featuresDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => ({
      slug: entry.name,
      source: readFileSync(join(featuresDir, entry.name, 'index.mdx'), 'utf8'),
      photos: readdirSync(join(featuresDir, entry.name)).filter((name) => /\.(?:jpe?g|png|webp|avif)$/i.test(name)),
    }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Every frontmatter field of the guide's table; list fields by their first item. */
export const FIELD_PATHS: FieldPath[] = [
  ['title'],
  ['kicker'],
  ['subtitle'],
  ['summary'],
  ['office'],
  ['officeType'],
  ['district'],
  ['city'],
  ['date'],
  ['dateInferred'],
  ['dateNote'],
  ['bylines'],
  ['bylines', 0, 'name'],
  ['bylines', 0, 'role'],
  ['photoCredit'],
  ['cover'],
  ['cover', 'src'],
  ['cover', 'alt'],
  ['cover', 'caption'],
  ['cover', 'credit'],
  ['cover', 'placeholder'],
  ['tags'],
  ['tags', 0],
  ['source'],
  ['source', 'newspaper'],
  ['source', 'page'],
  ['draft'],
];

const label = (path: FieldPath) => path.join('.');
const lineCount = (text: string) => text.split('\n').length;

/** A key misspelled the ways typing goes wrong: two letters swapped, one dropped or doubled, a capital. */
function typo(key: string, next: () => number): string {
  const i = Math.min(key.length - 2, Math.floor(next() * (key.length - 1)));
  const variants = [
    key.slice(0, i) + key[i + 1]! + key[i]! + key.slice(i + 2),
    key.slice(0, i) + key.slice(i + 1),
    key.slice(0, i + 1) + key[i]! + key.slice(i + 1),
    key[0]!.toUpperCase() + key.slice(1),
  ].filter((v) => v !== key);
  return pick(next, variants);
}

/** The value as written, without YAML quotes. */
const bare = (text: string) => text.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1');

interface Edit {
  kind: string;
  what: string;
  apply: (source: string) => string;
}

/** The edits that can be made to one field of a feature's frontmatter. */
function fieldEdits(
  path: FieldPath,
  feature: FeatureFixture,
  others: readonly FieldPath[],
  next: () => number,
): Edit[] {
  const source = feature.source;
  const present = hasField(source, path);
  const key = path.at(-1);
  const value = valueText(source, path);
  const edits: Edit[] = [];
  const set = (kind: string, what: string, yaml: string) =>
    edits.push({ kind, what, apply: (s) => setField(s, path, yaml) });
  if (present) edits.push({ kind: 'removed', what: 'removed', apply: (s) => removeField(s, path) });
  set('emptied', 'set to ""', '""');
  set('emptied', 'left with nothing after the colon', '');
  set('wrong type', 'a number', '42');
  set('wrong type', 'true', 'true');
  set('wrong type', 'a list', '[甲, 乙]');
  set('wrong type', 'a group', '{ 甲: 乙 }');
  set('wrong type', 'text', '文字');
  set('wrong type', 'an unquoted date', '2019-07-01');
  if (present && typeof key === 'string') {
    const misspelled = typo(key, next);
    edits.push({
      kind: 'misspelled key',
      what: `key written ${misspelled}`,
      apply: (s) => renameKey(s, path, misspelled),
    });
    edits.push({
      kind: 'full-width punctuation',
      what: 'full-width colon after the key',
      apply: (s) => {
        const line = lineOfField(s, path)! - 1;
        const lines = s.split('\n');
        lines[line] = lines[line]!.replace(`${key}:`, `${key}：`);
        return lines.join('\n');
      },
    });
  }
  const other = pick(
    next,
    others.filter((p) => label(p) !== label(path) && valueText(source, p) !== undefined),
  );
  const otherValue = valueText(source, other);
  if (otherValue !== undefined) set('value from another field', `given ${label(other)}'s value`, otherValue);
  if (value !== undefined && !value.startsWith('[') && !value.startsWith('{')) {
    const text = bare(value);
    set('full-width punctuation', 'in full-width quotes “…”', `“${text}”`);
    set('full-width punctuation', 'in mismatched quotes "…”', `"${text}”`);
    set('quotes', value.startsWith('"') ? 'quotes removed' : 'quoted "…"', value.startsWith('"') ? text : `"${text}"`);
    set('quotes', "in single quotes '…'", `'${text.replaceAll("'", "''")}'`);
  }
  return edits;
}

/** Ids as an editor gets them wrong: a typo, a name for an id, another case, one that is not there. */
function idEdits(path: FieldPath, source: string, next: () => number): Edit[] {
  const id = bare(valueText(source, path) ?? '');
  const names: Record<string, string> = { district: '经开区', tags: '党建引领' };
  return [
    { what: `typo ${typo(id, next)}`, yaml: typo(id, next) },
    { what: 'upper case', yaml: id.toUpperCase() },
    { what: 'the reader’s name instead of the id', yaml: names[String(path[0])] ?? '名称' },
    { what: 'an id that is nowhere', yaml: 'nowhere' },
    { what: 'a topic id for a district or the reverse', yaml: path[0] === 'district' ? 'dangjian' : 'jingkai' },
  ].map(({ what, yaml }) => ({ kind: 'unknown id', what, apply: (s: string) => setField(s, path, yaml) }));
}

const DATE_FORMS = [
  '"2019年7月"',
  '"2019/07/01"',
  '"2019-7"',
  '"2019-13"',
  '"2019-02-30"',
  '"19-07"',
  '"07-2019"',
  '2019',
  '2019-07-01',
  '2019-07-01 08:30',
  '"2019-06-31"',
  '"二〇一九"',
];

/** Systematic: every field × every edit that applies, each on a feature that has the field (seeded). */
export function fieldMutations(features: readonly FeatureFixture[], seed = 14): Mutation[] {
  const next = random(seed);
  const out: Mutation[] = [];
  for (const path of FIELD_PATHS) {
    const having = features.filter((f) => hasField(f.source, path));
    // A field no feature has (subtitle, source.page) is added to one that has its parent.
    const candidates = having.length
      ? having
      : features.filter((f) => path.length === 1 || hasField(f.source, path.slice(0, -1)));
    const feature = pick(next, candidates);
    const edits = fieldEdits(
      path,
      feature,
      FIELD_PATHS.filter((p) => p.length === 1),
      next,
    );
    if (path[0] === 'district' || (path[0] === 'tags' && path.length === 2))
      edits.push(...idEdits(path, feature.source, next));
    if (path[0] === 'date')
      edits.push(
        ...DATE_FORMS.map((yaml) => ({
          kind: 'bad date form',
          what: `date: ${yaml}`,
          apply: (s: string) => setField(s, path, yaml),
        })),
      );
    for (const edit of edits) {
      const source = edit.apply(feature.source);
      if (source === feature.source) continue;
      const at = lineOfField(source, path) ?? lineOfField(feature.source, path);
      const parent = path.length > 1 ? lineOfField(source, path.slice(0, 1)) : undefined;
      out.push({
        id: `${feature.slug} · ${label(path)} · ${edit.what}`,
        kind: edit.kind,
        slug: feature.slug,
        source,
        // The field's line, its group's, the first line (a field left out), or the line a removed field left.
        lines: [at, parent, 1].filter((n): n is number => n !== undefined),
      });
    }
  }
  return out;
}

/** The photos a mutation can put in a folder: too small, soft on a wide screen, not an image, too big to commit. */
export async function photoVariants(): Promise<Record<'tiny' | 'soft' | 'notImage' | 'huge', Uint8Array>> {
  const jpeg = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: '#7a8' } })
      .jpeg()
      .toBuffer();
  return {
    tiny: await jpeg(400, 300),
    soft: await jpeg(1000, 750),
    notImage: Buffer.from('这不是照片，是一段文字。\n'),
    huge: Buffer.alloc(21 * 1024 * 1024, 0xff),
  };
}

function lineOf(source: string, needle: string): number {
  const at = source.indexOf(needle);
  return at < 0 ? 1 : source.slice(0, at).split('\n').length;
}

/** Body, photo and whole-file mistakes, on the features that have what each one changes. */
export function bodyMutations(
  features: readonly FeatureFixture[],
  photos: Awaited<ReturnType<typeof photoVariants>>,
  seed = 1414,
): Mutation[] {
  const next = random(seed);
  const out: Mutation[] = [];
  const add = (
    feature: FeatureFixture,
    kind: string,
    what: string,
    source: string | Uint8Array,
    lines: number[],
    extra: Partial<Mutation> = {},
  ) => {
    if (source === feature.source && !extra.files) return;
    out.push({ id: `${feature.slug} · ${what}`, kind, slug: feature.slug, source, lines, ...extra });
  };
  const withText = (needle: string) => features.filter((f) => f.source.includes(needle));
  /**
   * Replaces the first `from` in the body of a feature that has it. The error belongs on the
   * lines the replacement spans — except where the parser names another place (an unclosed tag
   * is reported at its opening, a stray brace at the end of the file): `anywhere`.
   */
  const replace = (
    kind: string,
    what: string,
    from: string,
    to: string,
    declared?: 'mistake' | 'legit',
    anywhere = false,
  ) => {
    const having = withText(from);
    if (!having.length) return;
    const feature = pick(next, having);
    const at = feature.source.indexOf(from, feature.source.indexOf('\n---', 3) + 4);
    if (at < 0) return;
    const source = feature.source.slice(0, at) + to + feature.source.slice(at + from.length);
    const first = source.slice(0, at).split('\n').length;
    const spanned = Array.from({ length: to.split('\n').length + 1 }, (_, i) => first + i);
    add(feature, kind, what, source, anywhere ? [] : spanned, declared ? { declared } : {});
  };
  // Components and their props (docs/编辑指南.md, 第五节).
  replace('unknown component', '<Figure> misspelled <Figur>', '<Figure ', '<Figur ', 'mistake');
  replace('unknown component', '<Figure> in lower case', '<Figure ', '<figure ', 'mistake');
  replace('unknown component', '<Gallery> misspelled <Galery>', '<Gallery>', '<Galery>', 'mistake');
  replace('unknown component', 'a component the site does not have', '<Figure ', '<Photo ', 'mistake');
  replace('unknown component', '<InfoBox> as <Infobox>', '<InfoBox ', '<Infobox ', 'mistake');
  replace('unknown component', '<EditorNote> as <EditorsNote>', '<EditorNote>', '<EditorsNote>', 'mistake');
  replace('missing required prop', 'Figure without src', ' src="./photo-2.jpg"', '', 'mistake');
  replace('missing required prop', 'Figure without alt', ' alt="', ' data-x="', 'mistake');
  replace('missing required prop', 'Figure with alt=""', ' alt="', ' alt="" data-x="', 'mistake');
  replace(
    'missing required prop',
    'InfoBox without title',
    '<InfoBox title="九州路办事处概况">',
    '<InfoBox>',
    'mistake',
  );
  replace('missing required prop', 'Figure src=""', 'src="./photo-2.jpg"', 'src=""', 'mistake');
  replace('misspelled prop', 'caption written captoin', ' caption="', ' captoin="', 'mistake');
  replace('misspelled prop', 'alt written atl', ' alt="', ' atl="', 'mistake');
  replace(
    'misspelled prop',
    'placeholder="false"',
    '<Figure src="./photo-2.jpg"',
    '<Figure placeholder="false" src="./photo-2.jpg"',
    'mistake',
  );
  replace('misspelled prop', 'caption with no value', ' caption="', ' caption credit="', 'mistake');
  replace('optional prop removed', 'Figure without caption', ' caption="', ' credit="', 'legit');
  replace('unclosed tag', 'Figure not closed (/> → >)', ' />\n', '>\n', undefined, true);
  replace('unclosed tag', '</Gallery> missing', '</Gallery>', '', undefined, true);
  replace('unclosed tag', '</InfoBox> missing', '</InfoBox>', '', undefined, true);
  replace('unclosed tag', '</EditorNote> missing', '</EditorNote>', '', undefined, true);
  replace('unclosed tag', 'a quote inside alt="…"', ' alt="', ' alt="他说"好" ');
  // Stray characters in the text: parsed by MDX, judged by the contract.
  replace('stray character', 'a { in a paragraph', '。', '{。', undefined, true);
  replace('stray character', 'a } in a paragraph', '。', '}。');
  replace('stray character', 'a < before a Chinese character', '，', '<，');
  replace('stray character', 'a < before a name', '九龙', '<九龙');
  replace('stray character', 'a < before a digit', '2', '<2');
  replace('stray character', 'a < with spaces round it', '，', ' < ，');
  // Code and markup the guide forbids.
  replace('code', 'an expression {1 + 1}', '。\n', '{1 + 1}。\n', 'mistake');
  replace('code', 'a <script>', '\n## ', '\n<script>alert(1)</script>\n\n## ', 'mistake');
  replace('code', 'an <iframe>', '\n## ', '\n<iframe src="https://example.com/"></iframe>\n\n## ', 'mistake');
  replace('code', 'an import line', '\n## ', '\nimport X from "./x.js";\n\n## ', 'mistake');
  replace('code', 'an export line', '\n## ', '\nexport const x = 1;\n\n## ', 'mistake');
  replace('code', 'onClick on a Figure', '<Figure ', '<Figure onClick="alert(1)" ', 'mistake');
  replace('code', 'a javascript: link', '。\n', '[点此](javascript:alert(1))。\n', 'mistake');
  replace('code', 'an HTML comment', '\n## ', '\n<!-- 注释 -->\n\n## ');
  // Photo references (第六节): judged by the contract from the folder's files.
  for (const [what, to] of [
    ['a photo that is not there', 'src="./photo-9.jpg"'],
    ['the photo name in another case', 'src="./Photo-2.jpg"'],
    ['the photo without ./', 'src="photo-2.jpg"'],
    ['the photo in a subfolder', 'src="./img/photo-2.jpg"'],
    ['the photo as a web address', 'src="https://example.com/photo-2.jpg"'],
    ['the photo with another extension', 'src="./photo-2.png"'],
  ] as const)
    replace('photo reference', `Figure ${what}`, 'src="./photo-2.jpg"', to);
  // Photo files, the cover's and a Figure's: renamed, deleted, replaced by one too small, soft, not an image or too big.
  for (const feature of features) {
    const cover = bare(valueText(feature.source, ['cover', 'src']) ?? '').slice(2);
    const figure = /<Figure src="\.\/([^"]+)"/.exec(feature.source)?.[1];
    for (const name of new Set([cover, figure])) {
      if (!name || !feature.photos.includes(name)) continue;
      const line =
        cover === name ? lineOfField(feature.source, ['cover', 'src'])! : lineOf(feature.source, `src="./${name}"`);
      const file = (what: string, files: Record<string, Uint8Array | null>) => {
        add(feature, 'photo file', `${name} ${what}`, feature.source, [line], { files });
      };
      const bytes = readFileSync(join(import.meta.dirname, '../../content/features', feature.slug, name));
      file('renamed to .jpeg', { [name]: null, [name.replace(/\.jpg$/, '.jpeg')]: bytes });
      file('deleted', { [name]: null });
      file('replaced by a 400 px thumbnail', { [name]: photos.tiny });
      file('replaced by a 1000 px photo', { [name]: photos.soft });
      file('replaced by text', { [name]: photos.notImage });
      file('replaced by a 21 MB file', { [name]: photos.huge });
    }
    add(feature, 'photo file', 'a notes file the page does not use, added', feature.source, [], {
      files: { 'notes.txt': Buffer.from('备忘\n') },
    });
  }
  // What editors' tools do to a whole file.
  for (const feature of features) {
    const s = feature.source;
    const close = s.indexOf('\n---', 3) + 4;
    const paragraph = s.indexOf('\n\n', close) + 2;
    const paragraphEnd = s.indexOf('\n', paragraph);
    const whole = (kind: string, what: string, source: string | Uint8Array, lines: number[] = []) => {
      add(feature, kind, what, source, lines);
    };
    whole('encoding', 'a BOM', `\uFEFF${s}`);
    whole('encoding', 'CRLF line ends', s.replaceAll('\n', '\r\n'));
    whole('encoding', 'blank lines before ---', `\n\n${s}`);
    whole('encoding', 'no newline at the end', s.trimEnd());
    whole(
      'encoding',
      'saved as GB18030',
      encodeGb18030(s.replace(/[^\u0000-\u007f\u4e00-\u9fa5，。、“”：；！？（）《》—…·　]/gu, '')),
    );
    whole(
      'encoding',
      'one paragraph pasted as GB18030',
      Buffer.concat([
        Buffer.from(s.slice(0, paragraph)),
        encodeGb18030(
          s.slice(paragraph, paragraphEnd).replace(/[^\u0000-\u007f\u4e00-\u9fa5，。、“”：；！？（）《》]/gu, ''),
        ),
        Buffer.from(s.slice(paragraphEnd)),
      ]),
      [s.slice(0, paragraph).split('\n').length],
    );
    whole('encoding', 'saved as UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]), [1]);
    whole('empty file', 'emptied', '', [1]);
    whole('empty file', 'only frontmatter', s.slice(0, close + 1), [lineCount(s.slice(0, close))]);
    whole('empty file', 'only frontmatter and blank lines', `${s.slice(0, close + 1)}\n\n`, [
      lineCount(s.slice(0, close)),
    ]);
    whole('frontmatter delimiters', 'opening --- removed', s.slice(4), [1]);
    whole('frontmatter delimiters', 'closing --- removed', s.slice(0, close - 3) + s.slice(close), [1]);
    whole('frontmatter delimiters', 'a tab indenting cover’s fields', s.replace('\n  src:', '\n\tsrc:'), [
      lineOf(s, '  src:'),
    ]);
    whole(
      'frontmatter delimiters',
      'an ideographic space indenting cover’s fields',
      s.replace('\n  alt:', '\n　alt:'),
      [lineOf(s, '  alt:')],
    );
  }
  return out;
}

/** A character an editor might type, paste or lose: YAML and MDX syntax, full-width forms, Chinese text, whitespace. */
const PALETTE = [...':"\'{}<>[]#-*_`|\\/!&,.', ...'：“”‘’，。、　', '\t', '\n', ' ', '九', '龙', 'a', '7'];

/** A seeded sample of one-character edits anywhere in a file: deleted, inserted, replaced, two swapped, a line doubled or lost. */
export function characterMutations(features: readonly FeatureFixture[], count: number, seed = 2019): Mutation[] {
  const next = random(seed);
  const out: Mutation[] = [];
  for (let n = 0; n < count; n++) {
    const feature = pick(next, features);
    const chars = [...feature.source];
    const at = Math.floor(next() * chars.length);
    const ch = pick(next, PALETTE);
    const op = pick(next, ['delete', 'insert', 'replace', 'swap', 'double line', 'drop line'] as const);
    const edited = [...chars];
    if (op === 'delete') edited.splice(at, 1);
    else if (op === 'insert') edited.splice(at, 0, ch);
    else if (op === 'replace') edited[at] = ch;
    else if (op === 'swap' && at + 1 < chars.length) [edited[at], edited[at + 1]] = [chars[at + 1]!, chars[at]!];
    let source = edited.join('');
    if (op === 'double line' || op === 'drop line') {
      const lines = feature.source.split('\n');
      const line = Math.floor(next() * lines.length);
      lines.splice(line, 1, ...(op === 'double line' ? [lines[line]!, lines[line]!] : []));
      source = lines.join('\n');
    }
    if (source === feature.source) continue;
    const line = feature.source.slice(0, chars.slice(0, at).join('').length).split('\n').length;
    out.push({
      id: `${feature.slug} · line ${line} · ${op} ${JSON.stringify(op === 'insert' || op === 'replace' ? ch : chars[at])}`,
      kind: 'character edit',
      slug: feature.slug,
      source,
      lines: [],
    });
  }
  return out;
}
