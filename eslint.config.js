// @ts-check
/**
 * Lint: typescript-eslint's type-aware rule sets over all TypeScript and JavaScript, and
 * eslint-plugin-astro's recommended rules over components. `npm run lint` must report
 * nothing: warnings are errors in `npm test` (--max-warnings 0). Formatting is Prettier's job.
 */
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'dist/',
    '.astro/',
    'node_modules/',
    'test-results/',
    'playwright-report/',
    'bench/.work/',
    'public/',
  ]),
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  astro.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.astro'],
      },
    },
    rules: {
      // The code marks keys that may be absent by reading them with brackets (process.env['SITE_URL'],
      // hast's properties['id']), the style noPropertyAccessFromIndexSignature would enforce.
      '@typescript-eslint/dot-notation': 'off',
      // [...text] splits Chinese text into code points, which is what we count and compare: a Han
      // character is one code point. The rule guards against emoji and combining marks.
      '@typescript-eslint/no-misused-spread': 'off',
      // Template literals with numbers are how Chinese UI strings get their counts (`${count} 篇`).
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // With noUncheckedIndexedAccess every array[i] is `T | undefined`, even right after a bounds
      // check or a regex match whose groups are known; `!` there says what the reader already sees.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Unused arguments prefixed with _ document a required signature (remark/rehype plugins, callbacks).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // astro-eslint-parser cannot use the project service, and in its TSX view of a component the
    // astro:* modules resolve to no types, so type-aware rules report false "error typed" values.
    // `astro check` (run first by npm test) type-checks components instead.
    files: ['**/*.astro'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { parserOptions: { projectService: false } },
  },
  {
    // Plain JavaScript (configs, scripts/test.mjs) has no types to check against.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
