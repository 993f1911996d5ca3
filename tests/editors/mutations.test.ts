/**
 * The editors' contract, proved by mutation: every kind of mistake an editor can make, made to
 * the real features one at a time, through the code `npm run check` runs. Every mistake must
 * fail the check with messages that name content/features/<slug>/index.mdx:<line> in Chinese
 * and English (no stack trace, no "undefined"); every harmless change must pass in silence.
 * What counts as which is contract.ts's rule, not a list of outcomes.
 *
 * The same mutations go through the real `npm run check` (check-cli.test.ts) and a handful
 * through `npm run build` (tests/build/editor-mutations.test.ts); a sample of them is loaded
 * by the features loader and rendered, whose verdict must be the check's
 * (tests/components/check-equals-build.test.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Outcome } from './harness.ts';
import { failures, fixtures, runAll, tally } from './mutation-run.ts';
import { bodyMutations, photoVariants } from './body-mutations.ts';
import { fieldMutations } from './field-mutations.ts';
import { characterMutations } from './mutations.ts';
import { pageMutations } from './page-mutations.ts';

/** Character edits drawn per run: enough to find what the systematic ones miss, in about ten seconds. */
const CHARACTER_EDITS = 300;

const tables: string[] = [];
afterAll(() => {
  console.log(`\n${tables.join('\n\n')}\n`);
});

function prove(title: string, outcomes: Outcome[]) {
  tables.push(tally(title, outcomes));
  expect(failures(outcomes)).toEqual([]);
  expect(outcomes.filter((o) => o.verdict === 'mistake').length).toBeGreaterThan(0);
}

describe('every mistake is caught with file:line, in Chinese and English', { timeout: 180_000 }, () => {
  it('every frontmatter field × every edit that applies', async () => {
    prove('frontmatter fields', await runAll(fieldMutations(fixtures)));
  });

  it('the body, the photos and the file as a whole', async () => {
    prove('body, photos, file', await runAll(bodyMutations(fixtures, await photoVariants())));
  });

  it('what shows on the page: pictures, links, headings, components in components, empty ones, damaged photos', async () => {
    prove('page', await runAll(pageMutations(fixtures)));
  });

  it(`${CHARACTER_EDITS} character edits anywhere in a file (seeded)`, async () => {
    prove('character edits', await runAll(characterMutations(fixtures, CHARACTER_EDITS)));
  });
});
