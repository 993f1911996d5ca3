/**
 * Reads built pages into documents for Pagefind (index-part.ts, readPages) in a child process
 * of the build, so the memory it churns through — pages read and tokenized — is given back
 * when the child exits, instead of staying in the build's heap while Pagefind runs beside it
 * (at 5,000 features the indexer's own process grew to 292 MB reading in-process, against
 * 100 MB before issue 11).
 */
import { readPages } from './index-part.ts';

export interface ReadTask {
  siteDir: string;
  files: string[];
  staging: string;
  known: Record<string, string>;
}

process.once('message', (message) => {
  const { siteDir, files, staging, known } = message as ReadTask;
  readPages(siteDir, files, staging, known).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
