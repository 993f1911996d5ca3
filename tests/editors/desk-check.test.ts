/**
 * The desk's check is `npm run check`'s, as a property. For a seeded random sample of the
 * mutation table (every frontmatter field × every edit, the body, photos and whole files,
 * character edits) and of the page's mistakes (page-mutations.ts), drawn as
 * tests/components/check-equals-build.test.ts draws them, the errors the editors' desk shows
 * for the changed index.mdx (src/lib/desk/validate.ts, as the browser runs it: the text, the
 * folder's file names, the other features' summaries) are the errors `npm run check`'s code
 * finds in that file — the same codes, lines and messages — except what only CI can judge:
 *
 * - a photo's contents (bytes, pixels, decoding to the last pixel): the page has the photo's
 *   name, not its bytes (CI_ONLY below);
 * - a file that is not UTF-8: the desk writes what the editor typed, always UTF-8, so such a
 *   file can only come from outside it (those mutations are not drawn).
 *
 * DESK_CHECK_SEED draws another sample.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lib/content/diagnostic.ts';
import { readFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { deskChecker, deskOthers } from '../../src/lib/desk/validate.ts';
import { checkFeature, readFeatureText } from '../../src/lib/features/feature.ts';
import { readTaxonomy } from '../../src/lib/features/source.ts';
import { bodyMutations, photoVariants } from './body-mutations.ts';
import { Workspace } from './harness.ts';
import { drawMutations, fixtures } from './mutation-run.ts';
import type { Mutation } from './mutations.ts';

const SEED = Number(process.env['DESK_CHECK_SEED'] ?? 1919);
const FROM_TABLE = 100;
const FROM_PAGE = 50;

/** What the rules say of a photo file's contents (rules/photos.ts): judged in CI, where the bytes are. */
const CI_ONLY = new Set([
  'photo-too-large',
  'photo-unreadable',
  'photo-damaged',
  'photo-oversized',
  'photo-too-small',
  'photo-small',
]);

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** The mutation's index.mdx as text the desk could write, or undefined for bytes that are not UTF-8. */
function textOf(source: string | Uint8Array): string | undefined {
  if (typeof source === 'string') return source;
  try {
    return utf8.decode(source);
  } catch {
    return undefined;
  }
}

const workspace = new Workspace();
afterAll(() => {
  workspace.dispose();
});

const errors = (diagnostics: readonly Diagnostic[]) =>
  diagnostics
    .filter((d) => d.severity === 'error' && !CI_ONLY.has(d.code))
    .map((d) => `${d.line} [${d.code}] ${d.zh}`)
    .sort();

it(
  `the desk's errors are npm run check's, over ${FROM_TABLE + FROM_PAGE} changes drawn (seed ${SEED})`,
  { timeout: 300_000 },
  async () => {
    const { taxonomy } = readTaxonomy(join(workspace.root, 'content'), workspace.root);
    const fileOf = (slug: string) => `content/features/${slug}/index.mdx`;
    // The other features as the desk page carries them (deskOthers): the loader's summaries, from the same reader.
    const others = deskOthers(
      fixtures.map(
        (f) =>
          checkFeature(readFeatureText({ file: fileOf(f.slug), slug: f.slug, contents: f.source }), { taxonomy })
            .summary,
      ),
    );
    const cases: { mutation: Mutation; check: string[]; desk: string[] }[] = [];
    let notText = 0;
    for (const mutation of drawMutations(SEED, bodyMutations(fixtures, await photoVariants()), FROM_TABLE, FROM_PAGE)) {
      const text = textOf(mutation.source);
      if (text === undefined) {
        notText++;
        continue;
      }
      const feature = fixtures.find((f) => f.slug === mutation.slug)!;
      const restore = workspace.apply(mutation, feature);
      try {
        const file = fileOf(mutation.slug);
        const check = (await workspace.check()).filter((d) => d.file === file);
        const frontmatter = readFrontmatter(text);
        const body = frontmatter.found
          ? text
              .split('\n')
              .slice(frontmatter.closeLine)
              .join('\n')
              .replace(/^(?:[^\S\n]*\n)*/, '')
          : text;
        const desk = deskChecker({ taxonomy, others, base: '/' })({
          file,
          text,
          body,
          files: readdirSync(workspace.folder(mutation.slug)),
        });
        cases.push({ mutation, check: errors(check), desk: errors(desk) });
      } finally {
        restore();
      }
    }
    const disagree = cases
      .filter((c) => JSON.stringify(c.check) !== JSON.stringify(c.desk))
      .map((c) => `${c.mutation.id}:\n  check: ${c.check.join(' | ')}\n  desk:  ${c.desk.join(' | ')}`);
    const refused = cases.filter((c) => c.check.length > 0).length;
    console.log(
      `desk = check over ${cases.length} changes drawn (seed ${SEED}; ${notText} more were files that are not UTF-8, which the desk cannot write): ` +
        `${cases.length - disagree.length} agreed, ${disagree.length} disagreed; check refused ${refused}, accepted ${cases.length - refused}`,
    );
    expect(disagree).toEqual([]);
    expect(refused).toBeGreaterThan(0);
    expect(cases.length - refused).toBeGreaterThan(0);
  },
);
