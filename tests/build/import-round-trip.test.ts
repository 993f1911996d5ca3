/**
 * Issue 4's promise for `npm run import`, end to end: importing each seed page gives drafts
 * that build, and the built site keeps at least 97% of every seed's text.
 *
 * Nothing is simulated. The real importer CLI writes the drafts (placeholder photos and all)
 * into a scratch project that builds the real site code (bench/lib/site-project.ts); the
 * drafts are published by flipping `draft: true` in those copies only, because a draft is
 * never built; then the real production build runs (content check first, verify-build
 * last) and the shared seed-fidelity tool reads what it wrote. The scratch project lives
 * under test-results/, not os.tmpdir(): see sharesAncestorWithRepository for why.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffoldSiteProject } from '../../bench/lib/site-project.ts';
import { runNode, tail } from '../support/child-process.ts';
import { repo, seeds, shared } from '../support/site.ts';

/** Stories on each seed page, in file-name order: seven in all. */
const STORIES_PER_SEED = [1, 1, 1, 2, 2];
/** Importing 21 camera-sized photos, then encoding them in the build: about 25 s on two cores. */
const TIMEOUT = 5 * 60_000;
/** A copy of one imported story left as a draft. */
const DRAFT = 'zz-still-a-draft';

const tool = join(shared, 'tools', 'seed-fidelity.mjs');

let project = '';
const seedFiles = existsSync(seeds)
  ? readdirSync(seeds)
      .filter((name) => name.endsWith('.txt'))
      .sort()
  : [];

beforeAll(() => {
  mkdirSync(join(repo, 'test-results'), { recursive: true });
  project = mkdtempSync(join(repo, 'test-results', 'import-round-trip-'));
  scaffoldSiteProject(project, {
    name: 'zhuanban-import-round-trip',
    generatedBy: 'tests/build/import-round-trip.test.ts',
  });
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

// Each step needs the one before it: never run them concurrently.
describe('npm run import, then the production build, over every seed page', { concurrent: false }, () => {
  let imported = false;
  let built = false;

  it(
    'imports each seed as drafts: 1, 1, 1, 2 and 2 stories',
    async () => {
      expect(seedFiles, `no seed pages in ${seeds}: the seeds live in ../shared beside the repository`).toHaveLength(
        STORIES_PER_SEED.length,
      );
      const features = join(project, 'content', 'features');
      const runs = await Promise.all(
        seedFiles.map((seed) =>
          runNode([join(repo, 'scripts', 'import.ts'), join(seeds, seed), '--out', features], project),
        ),
      );
      const stories = runs.map((run, i) => {
        expect(run.status, `${seedFiles[i] ?? ''}:\n${run.output}`).toBe(0);
        return Number(/找到 (\d+) 篇稿件/.exec(run.output)?.[1]);
      });
      expect(stories).toEqual(STORIES_PER_SEED);

      const folders = readdirSync(features).sort();
      expect(folders).toHaveLength(7);
      for (const folder of folders) {
        const file = join(features, folder, 'index.mdx');
        const mdx = readFileSync(file, 'utf8');
        // The importer's output is a draft; publish this copy so the build renders it.
        expect(mdx.match(/^draft: true$/gm), `${folder}/index.mdx is not marked draft: true`).toHaveLength(1);
        writeFileSync(file, mdx.replace(/^draft: true$/m, 'draft: false'));
      }
      // One draft stays a draft, to prove the production build leaves it out.
      const first = join(features, folders[0] ?? '');
      cpSync(first, join(features, DRAFT), { recursive: true });
      const draft = join(features, DRAFT, 'index.mdx');
      writeFileSync(
        draft,
        readFileSync(draft, 'utf8')
          .replace(/^draft: false$/m, 'draft: true')
          .replace(/^title: .*$/m, 'title: 仍是草稿的稿件'),
      );
      imported = true;
    },
    TIMEOUT,
  );

  it(
    'builds them as they are: content check, astro build, verify-build',
    async () => {
      expect(imported, 'the import step failed').toBe(true);
      // NODE_ENV=development and DEV=1 make Vite's import.meta.env.DEV true; drafts must
      // still stay out, because `astro build` itself decides (src/integrations/drafts.ts).
      const build = await runNode([join(repo, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], project, {
        NODE_ENV: 'development',
        DEV: '1',
      });
      expect(build.status, tail(build.output)).toBe(0);
      expect(existsSync(join(project, 'dist', 'features', DRAFT)), 'the draft was built as a page').toBe(false);
      // Both of our integrations ran: the content check passed the drafts, and verify-build
      // found all seven pages, in the sitemap, feeds and search index.
      expect(build.output).toMatch(/内容检查 \/ content check: 0 个错误/);
      expect(build.output).toMatch(/已核对 7 篇已发布稿件/);
      built = true;
    },
    TIMEOUT,
  );

  it(
    'keeps at least 97% of every seed’s text (../shared/tools/seed-fidelity.mjs)',
    async () => {
      expect(built, 'the build step failed').toBe(true);
      const fidelity = await runNode([tool, join(project, 'dist'), '--min', '0.97', '--seeds', seeds], repo);
      const perSeed = [...fidelity.output.matchAll(/^(\S+\.txt): (\d+)\/(\d+) fragments \(([\d.]+)%\)$/gm)];
      // The figures, visible in the test output (and in the failure message below).
      console.log(fidelity.output.trim());
      expect(perSeed.map(([, seed]) => seed)).toEqual(seedFiles);
      const below = perSeed.filter(([, , , , percent]) => Number(percent) < 97).map(([line]) => line);
      expect(below, fidelity.output).toEqual([]);
      expect(fidelity.status, fidelity.output).toBe(0);
    },
    TIMEOUT,
  );
});
