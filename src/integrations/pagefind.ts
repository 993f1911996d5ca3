/**
 * Builds the search index as the last step of `astro build`, so `npm run build` is the one
 * command that produces a searchable site.
 *
 * What is indexed is decided by the pages (src/lib/search/article.ts reads the page markup
 * contract): only the article marked `data-pagefind-body`, without its furniture. Pagefind
 * does not cut the text itself: each article becomes a document of index words made by our
 * tokenizer (src/lib/search/tokens.ts, index-document.ts), which the search page uses too,
 * so a query is cut exactly as the page was. Pagefind indexes those documents under a
 * language it neither segments nor stems, and keeps doing what it does well: the chunked
 * index, ranking with weights, filters, metadata.
 *
 * A build indexes what changed since the last one and merges it into the last build's index,
 * kept in Astro's cacheDir (node_modules/.astro/ — keep it between CI runs): see
 * src/lib/search/index-build.ts. Pages Astro restored from its incremental cache are known by
 * their signature and not read back (src/lib/build/incremental-pages.ts).
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pageSignatures } from '../lib/build/incremental-pages.ts';
import { buildSearchIndex, type ReadPagesStep } from '../lib/search/index-build.ts';
import type { ReadTask } from '../lib/search/index-part-worker.ts';

export { buildSearchIndex };

/**
 * Read pages in a child process (index-part-worker.ts): the memory reading churns through goes
 * back to the system when the child exits, before Pagefind runs.
 */
export const readPagesInChild: ReadPagesStep = (siteDir, files, staging, known) =>
  new Promise((resolve, reject) => {
    // No inherited Node flags: an --input-type or --eval of the parent means nothing to the child's module.
    const child = fork(fileURLToPath(new URL('../lib/search/index-part-worker.ts', import.meta.url)), {
      execArgv: [],
      serialization: 'advanced',
    });
    let result: Awaited<ReturnType<ReadPagesStep>> | undefined;
    child.once('message', (message) => {
      result = message as Awaited<ReturnType<ReadPagesStep>>;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0 && result) resolve(result);
      else
        reject(
          new Error(
            `搜索索引：子进程异常退出（${code}）/ Search index: the indexing child process exited with ${code}`,
          ),
        );
    });
    const task: ReadTask = { siteDir, files, staging, known };
    child.send(task);
  });

export default function pagefindIntegration(): AstroIntegration {
  let logger: AstroIntegrationLogger | undefined;
  let cacheDir = '';
  return {
    name: 'zhuanban:pagefind',
    hooks: {
      'astro:config:done': ({ config, logger: integrationLogger }) => {
        logger = integrationLogger;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir }) => {
        const started = performance.now();
        const result = await buildSearchIndex(fileURLToPath(dir), {
          cacheDir,
          signatures: pageSignatures(cacheDir),
          readPages: readPagesInChild,
        });
        if (result.pageCount === 0) {
          logger?.warn('搜索索引为空：没有可搜索的文章 / The search index is empty: no feature page was indexed');
        }
        logger?.info(
          `indexed ${result.pageCount} pages (${result.read} read back, ${result.indexed} indexed, ${result.removed} removed; ` +
            `${result.rewrittenChunks} of ${result.chunks} chunks written) in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
