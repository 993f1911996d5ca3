/**
 * Component tests render .astro components with Astro's container API, so they need Astro's
 * own Vite plugins (astro:assets, .astro compilation): getViteConfig supplies them from
 * astro.config.mjs. Kept apart from the plain unit tests, which start faster without them.
 */
import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';

const root = fileURLToPath(new URL('../../', import.meta.url));

export default getViteConfig(
  {
    // Referenced from the root vitest.config.ts, whose projects resolve from this folder otherwise.
    root,
    test: {
      name: 'components',
      dir: root,
      include: ['tests/components/**/*.test.ts'],
    },
  },
  { root, logLevel: 'error' },
);
