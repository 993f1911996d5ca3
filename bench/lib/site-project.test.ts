/**
 * Where a scratch project that builds the real site may live (bench/lib/site-project.ts):
 * Astro cannot find site code that shares no folder but `/` with the project root.
 */
import { join, parse, sep } from 'node:path';
import { expect, it } from 'vitest';
import { REPOSITORY, scaffoldSiteProject, sharesAncestorWithRepository } from './site-project.ts';

const topLevel = REPOSITORY.slice(parse(REPOSITORY).root.length).split(sep)[0] ?? '';
/** A folder under another top-level folder than the repository's, as /tmp is for /work/main. */
const elsewhere = join(parse(REPOSITORY).root, `${topLevel}-elsewhere`, 'project');

it('accepts folders under the repository, or beside it under the same top-level folder', () => {
  expect(sharesAncestorWithRepository(join(REPOSITORY, 'test-results', 'import-round-trip-x'))).toBe(true);
  expect(sharesAncestorWithRepository(join(parse(REPOSITORY).root, topLevel, 'other-project'))).toBe(true);
});

it('refuses a folder that shares only the root with the repository, before writing anything', () => {
  expect(sharesAncestorWithRepository(elsewhere)).toBe(false);
  expect(sharesAncestorWithRepository(parse(REPOSITORY).root)).toBe(false);
  expect(() => {
    scaffoldSiteProject(elsewhere, { name: 'x', generatedBy: 'a test' });
  }).toThrow(/must share a top-level folder with the repository/);
});
