/**
 * Runs the content checks (src/lib/check) when `astro build` or `astro dev` starts. In a build
 * an error stops everything before a page is written; in dev the problems are logged, so an
 * editor previewing a half-finished draft still gets a page.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../lib/check/index.ts';
import { formatForLog, summarize } from '../lib/check/report.ts';

export default function contentCheck(): AstroIntegration {
  return {
    name: 'zhuanban:content-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const root = fileURLToPath(config.root);
        // Kept with Astro's own caches (node_modules/.astro), which CI is told to keep between runs.
        // Beside it, the photo facts the features loader keeps too: a photo decoded here is not decoded there again.
        const diagnostics = await checkContent(`${root}/content/features`, root, {
          cacheFile: join(fileURLToPath(config.cacheDir), 'zhuanban-content-check.json'),
          base: config.base,
        });
        for (const { error, text } of formatForLog(diagnostics)) {
          if (error) logger.error(text);
          else logger.warn(text);
        }
        const errors = diagnostics.filter((d) => d.severity === 'error');
        if (errors.length && command === 'build') {
          // Each error is logged above, and `npm run build` lists them again at the very end.
          // A stack trace into this file would only bury them.
          const error = new Error(
            `内容检查未通过，构建停止：${errors.length} 个错误（见上）/ content check failed: ${errors.length} error(s), listed above`,
          );
          error.stack = '';
          throw error;
        }
        logger.info(`内容检查 / content check: ${summarize(diagnostics)}`);
      },
    },
  };
}
