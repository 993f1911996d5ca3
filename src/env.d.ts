/**
 * Types for `.astro` imports seen from plain TypeScript. `astro check` resolves components
 * through its own language service and never uses this fallback; ESLint's type-aware rules
 * run on TypeScript alone, which would otherwise type `import Figure from './Figure.astro'`
 * as an error and report every use of it as unsafe.
 */
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}

/** True under `astro dev`, false in every build: compiled in by src/integrations/drafts.ts. */
declare const __ZHUANBAN_SHOW_DRAFTS__: boolean;
