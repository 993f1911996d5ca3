/**
 * Vitest projects, run by scripts/test.mjs in two rounds. Where a test lives says what it needs
 * (README.md, "What is here"): a test of one module sits beside it (src/, bench/lib/); the rest
 * are under tests/, by what they need.
 * - unit: beside their modules (tests/support/ holds the tests' own helpers, tested beside them), and
 *   tests/editors/, tests/cli/, tests/ci/, tests/bench/, tests/layout/ — nothing built;
 * - components: what renders through Astro's container API, with Astro's own Vite plugins
 *   (tests/components/vitest.config.ts);
 * - build: reads the production build in dist/ (or $DIST), so it runs after `astro build`.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'tests/components/vitest.config.ts',
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'bench/lib/**/*.test.ts',
            'tests/editors/**/*.test.ts',
            'tests/cli/**/*.test.ts',
            'tests/ci/**/*.test.ts',
            'tests/bench/**/*.test.ts',
            'tests/layout/**/*.test.ts',
            'tests/support/**/*.test.ts',
          ],
          // The schema tests start Astro's content sync in a child process (a few seconds each).
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          // The seed-fidelity tool reads every page of the site.
          testTimeout: 60_000,
        },
      },
    ],
  },
});
