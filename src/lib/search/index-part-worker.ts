/**
 * Runs one of index-part.ts's two steps in a child process of the build, so the memory it
 * churns through — a part's pages read and tokenized, or Pagefind's fragments rewritten — is
 * given back when the child exits, instead of staying in the build's heap while the next
 * Pagefind process runs (at 5,000 features the indexer's own process grew to 292 MB doing them
 * itself, against 100 MB for the indexer before issue 11). Indexing the 5,000-feature corpus
 * alone peaked at 1.71 GB this way against 1.88 GB in one process, for ~4 s more CPU (process
 * start-up and copying each part's documents back); at 1,000 features (one part) the two are
 * within noise (1.39–1.40 against 1.38–1.43 GB).
 */
import { finishPart, readPart, type PartInput } from './index-part.ts';

export type PartTask =
  | { step: 'read'; siteDir: string; dir: string; files: string[]; stagingRoot: string }
  | { step: 'finish'; outDir: string; input: PartInput };

process.once('message', (message) => {
  const task = message as PartTask;
  const done = (result: PartInput | null) => {
    process.send?.(result, () => process.exit(0));
  };
  if (task.step === 'read') {
    void readPart(task.siteDir, task.dir, task.files, task.stagingRoot).then(done, (error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  } else {
    finishPart(task.outDir, task.input);
    done(null);
  }
});
