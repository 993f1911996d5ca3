/**
 * Every frontmatter field × every edit that applies to it: removed, emptied, a value of the
 * wrong kind, the key misspelled or typed with a full-width colon, another field's value,
 * quotes added, removed, full-width or mismatched, and for ids and the date the ways they go
 * wrong. Each on a real feature that has the field (drawn, seeded), or added to one.
 */
import { bare, pick, random, type FeatureFixture, type Mutation } from './mutations.ts';
import { hasField, lineOfField, removeField, renameKey, setField, valueText, type FieldPath } from './yaml-edit.ts';

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
