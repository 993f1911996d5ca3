/**
 * Writes `_headers` into the build: the security and caching headers of src/lib/http-headers.ts
 * for hosts that read such a file (Netlify, Cloudflare Pages), under the site's base path and
 * naming each Pagefind index part the build has. List it after the pagefind integration.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../lib/http-headers.ts';

export default function httpHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'zhuanban:http-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const indexDirs = readdirSync(dist).filter(
          (name) => /^pagefind(?:-[0-9]+)?$/u.test(name) && statSync(join(dist, name)).isDirectory(),
        );
        writeFileSync(join(dist, '_headers'), headersFile(base, indexDirs));
        logger.info(
          `_headers: security headers, and a year's caching for /_astro/ and ${indexDirs.length} index part(s)`,
        );
      },
    },
  };
}
