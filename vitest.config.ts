/**
 * Vitest projects, run by scripts/test.mjs in two rounds:
 * - unit: plain TypeScript under src/ and tests/unit/, needs nothing built;
 * - components: .astro components through Astro's container API (tests/components/vitest.config.ts);
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
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/editors/**/*.test.ts'],
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
