import { expect, it } from 'vitest';
import { isHeadInjectWarning } from './build-log.ts';

const CONTENT = '/site/content/features/';
const warning = (module: string) => ({
  code: 'MODULE_LEVEL_DIRECTIVE',
  message: `The semantics of the module level directive "use astro:head-inject" in "${module}" may not be preserved when bundling.`,
});

it('drops rolldown’s head-inject directive warning for a feature’s MDX, by id or by the path quoted', () => {
  expect(isHeadInjectWarning(warning('content/features/jiulong/index.mdx?astroPropagatedAssets'), CONTENT)).toBe(true);
  expect(
    isHeadInjectWarning(
      { ...warning('x'), id: '/site/content/features/jiulong/index.mdx?astroPropagatedAssets' },
      CONTENT,
    ),
  ).toBe(true);
});

it('keeps every other warning: other directives, other codes, other modules', () => {
  expect(isHeadInjectWarning({ ...warning('src/pages/about.mdx'), id: '/site/src/pages/about.mdx' }, CONTENT)).toBe(
    false,
  );
  expect(isHeadInjectWarning({ ...warning('content/features/a/index.mdx'), code: 'EVAL' }, CONTENT)).toBe(false);
  expect(
    isHeadInjectWarning(
      {
        code: 'MODULE_LEVEL_DIRECTIVE',
        message: 'The module level directive "use client" in "content/features/a/index.mdx"',
      },
      CONTENT,
    ),
  ).toBe(false);
});
