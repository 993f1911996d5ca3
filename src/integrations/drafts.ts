/**
 * Decides from the command Astro runs whether drafts are shown: `astro dev` shows them so an
 * editor can preview, `astro build` never does. The answer is compiled in as the constant
 * `__ZHUANBAN_SHOW_DRAFTS__` (declared in src/env.d.ts, read by src/lib/collections.ts).
 *
 * Neither `import.meta.env.DEV` nor any other `import.meta.env.*` name can carry it:
 * Vite derives DEV from NODE_ENV and from a DEV variable in the environment, and Astro reads
 * `import.meta.env.X` from a variable X in the environment when one is set, so
 * `NODE_ENV=development astro build`, or a test runner that exports its own env to its
 * children, would build every draft into the production site.
 */
import type { AstroIntegration } from 'astro';

export default function drafts(): AstroIntegration {
  return {
    name: 'zhuanban:drafts',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({
          vite: { define: { __ZHUANBAN_SHOW_DRAFTS__: JSON.stringify(command === 'dev') } },
        });
      },
    },
  };
}
