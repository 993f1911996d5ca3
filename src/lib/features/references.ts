/**
 * The one way a page follows a feature's reference to a district or topic. The content check
 * reports an unknown id before anything renders (src/lib/check/), so in a build this never
 * fails; under `astro dev`, which shows a page despite check errors, or if the check were ever
 * bypassed, a page meets an id that is not there. Astro's getEntry() then returns undefined and
 * the page dies on `undefined.data` with a stack trace; here it stops with the editor's message
 * — the file, the line of the field, the wrong id and the nearest valid one.
 */
import { readFileSync } from 'node:fs';
import { ContentError } from '../content/diagnostic.ts';
import { splitMessage, unknownIdMessage, type Field, type KnownEntry } from '../content/fields.ts';
import { fieldLine, readFrontmatter } from '../content/frontmatter.ts';

/** The feature that refers: its id, and its file when the loader recorded it. */
export interface ReferringFeature {
  id: string;
  filePath?: string | undefined;
}

/** Where a reference points: the field, its path in the frontmatter, and the list it names an entry of. */
export interface ReferenceKind {
  field: Field;
  path: readonly PropertyKey[];
  /** The list's file as editors know it, e.g. content/districts.yaml. */
  list: string;
  code: string;
}

/** The line of `path` in the feature's file; 1 when the file cannot be read (the message still names it). */
function lineOf(file: string, path: readonly PropertyKey[]): number {
  try {
    return fieldLine(readFrontmatter(readFileSync(file, 'utf8')), path);
  } catch {
    return 1;
  }
}

/** The entry `id` names, or a ContentError naming the feature's file and line, as the check does. */
export function resolveReference<E extends { id: string; data: { name: string; fullName?: string } }>(
  entries: ReadonlyMap<string, E>,
  id: string,
  feature: ReferringFeature,
  kind: ReferenceKind,
): E {
  const entry = entries.get(id);
  if (entry) return entry;
  const file = feature.filePath ?? `content/features/${feature.id}/index.mdx`;
  const known: KnownEntry[] = [...entries.values()].map((e) => ({
    id: e.id,
    name: e.data.name,
    ...(e.data.fullName ? { fullName: e.data.fullName } : {}),
  }));
  throw new ContentError([
    {
      file,
      line: lineOf(file, kind.path),
      severity: 'error',
      code: kind.code,
      ...splitMessage(unknownIdMessage(kind.field, id, kind.list, known)),
    },
  ]);
}
