/**
 * Editors' mistakes through the real `npm run build` (the rest of the mutation test runs the
 * check in-process, tests/editors/): a handful of mistakes — the issue's `district: nowhere`
 * and `tags: [dangjianx, …]`, a Markdown image, a link to a feature that does not exist, a
 * photo cut short, a `#` heading, an empty Gallery and a Figure in a PullQuote among them —
 * must stop the build with the check's own messages
 * listed at the end, no TypeError and no stack trace, and leave the last good site in dist/
 * byte for byte; and a sample of the changes the check lets through (a BOM, Windows line
 * ends, an optional field removed, words changed, a # typed at a line start) must build. Together with the
 * resolver (src/lib/content/references.ts) this is the proof that bad content cannot reach a
 * page render as a TypeError: the check stops what is wrong, and what it lets through builds.
 *
 * The scratch project lives under test-results/ (bench/lib/site-project.ts says why) and the
 * "last good site" is a copy of the build under test.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { afterAll, describe, expect, it } from 'vitest';
import { scaffoldSiteProject } from '../../bench/lib/site-project.ts';
import { formatDiagnostic } from '../../src/lib/content/diagnostic.ts';
import { Workspace } from '../editors/harness.ts';
import { fixtures } from '../editors/mutation-run.ts';
import { bodyMutations, photoVariants } from '../editors/body-mutations.ts';
import { fieldMutations } from '../editors/field-mutations.ts';
import { characterMutations, random, type Mutation } from '../editors/mutations.ts';
import { pageMutations } from '../editors/page-mutations.ts';
import { setField } from '../editors/yaml-edit.ts';
import { run, tail } from '../support/child-process.ts';
import { dist, repo } from '../support/site.ts';

/** Changes the check lets through, drawn per run (seeded) to be built together: about 15 s with the photos cached. */
const ACCEPTED_SAMPLE = 40;
/** Each failing build stops at the content check (a few seconds); the passing one builds ~25 features. */
const TIMEOUT = 15 * 60_000;

const projects: string[] = [];
afterAll(() => {
  for (const project of projects) rmSync(project, { recursive: true, force: true });
});

/** A site project over a copy of the real content, whose `npm run build` is the real one. */
function project(name: string): { root: string; workspace: Workspace } {
  mkdirSync(join(repo, 'test-results'), { recursive: true });
  const root = mkdtempSync(join(repo, 'test-results', `${name}-`));
  projects.push(root);
  scaffoldSiteProject(root, { name: 'zhuanban-editor-mutations', generatedBy: 'tests/build/editor-mutations.test.ts' });
  writeFileSync(
    join(root, 'package.json'),
    `${JSON.stringify({ private: true, type: 'module', scripts: { build: `node ${join(repo, 'scripts', 'build.ts')}` } }, null, 2)}\n`,
  );
  // The photos' encodings from the build under test, so the passing build does not encode them again.
  const assets = join(repo, 'node_modules', '.astro', 'assets');
  if (existsSync(assets)) cpSync(assets, join(root, '.cache', 'astro', 'assets'), { recursive: true });
  return { root, workspace: new Workspace(root) };
}

/** Every file under `dir` with its bytes' digest: equal exactly when the folder is byte for byte the same. */
function digest(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8', withFileTypes: false }).sort();
  return Object.fromEntries(
    files.flatMap((file) => {
      try {
        return [
          [
            file,
            createHash('sha256')
              .update(readFileSync(join(dir, file)))
              .digest('hex'),
          ],
        ];
      } catch {
        return []; // a folder
      }
    }),
  );
}

const npmBuild = (root: string) => run('npm', ['run', 'build', '--', '--outDir', join(root, 'dist')], root);

function issueMutation(id: string, edit: (source: string) => string, lines: number[]): Mutation {
  const jiulong = fixtures.find((f) => f.slug === 'jiulong')!;
  return { id: `jiulong · ${id}`, kind: 'issue', slug: 'jiulong', source: edit(jiulong.source), lines };
}

describe('npm run build over editors’ mistakes', { timeout: TIMEOUT }, () => {
  it('stops before rendering with the check’s messages at the end, and leaves dist/ byte for byte', async () => {
    const { root, workspace } = project('editor-mistakes');
    cpSync(dist, join(root, 'dist'), { recursive: true });
    const before = digest(join(root, 'dist'));
    const photos = await photoVariants();
    const body = bodyMutations(fixtures, photos);
    const all = [...body, ...fieldMutations(fixtures), ...pageMutations(fixtures)];
    const pick = (test: (m: Mutation) => boolean) => {
      const found = all.find(test);
      if (!found) throw new Error('no such mutation');
      return found;
    };
    const mistakes = [
      issueMutation('district: nowhere', (s) => setField(s, ['district'], 'nowhere'), [7]),
      issueMutation('tags: [dangjianx, …]', (s) => s.replace('[dangjian,', '[dangjianx,'), [18]),
      pick((m) => m.id.endsWith('Figure not closed (/> → >)')),
      pick((m) => m.kind === 'photo file' && /photo-[2-9]\.jpg deleted$/.test(m.id)),
      pick((m) => m.id.endsWith('one paragraph pasted as GB18030')),
      pick((m) => m.id.endsWith('cover.alt · removed')),
      pick((m) => m.id.endsWith('a Markdown image of a photo beside it')),
      pick((m) => m.id.includes('a feature that does not exist: ')),
      pick((m) => m.id.endsWith('cut to its first 2 KB')),
      pick((m) => m.id.endsWith('# under the title') && !m.id.includes('##')),
      pick((m) => m.id.endsWith('<Gallery></Gallery>')),
      pick((m) => m.id.endsWith('<Figure> in <PullQuote>')),
    ];
    for (const mutation of mistakes) {
      const feature = fixtures.find((f) => f.slug === mutation.slug)!;
      const checked = await workspace.run(mutation, feature);
      expect(checked.verdict, mutation.id).toBe('mistake');
      const errors = checked.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
      const restore = workspace.apply(mutation, feature);
      const build = await npmBuild(root);
      restore();
      expect(build.status, `${mutation.id}\n${tail(build.output)}`).not.toBe(0);
      // The log ends with exactly the check's errors, each file:line with Chinese and English.
      const listed = build.output.slice(build.output.lastIndexOf('要改的错误')).split('\n').slice(1);
      const stop = listed.findIndex((line) => !/^\S+:\d+.*: 错误 error \[|^ {4}\S/.test(line));
      const end = (stop < 0 ? listed : listed.slice(0, stop)).join('\n');
      expect({ id: mutation.id, end }).toEqual({ id: mutation.id, end: errors.join('\n') });
      expect(build.output, mutation.id).not.toMatch(/TypeError|Stack trace|\n\s+at .+:\d+:\d+/);
      expect(digest(join(root, 'dist')), mutation.id).toEqual(before);
    }
  });

  it('builds every change the check lets through: harmless, legitimate, or undecided by the contract', async () => {
    const { root, workspace } = project('editor-accepted');
    const photos = await photoVariants();
    const next = random(2024);
    // Each change becomes a feature of its own, renamed (below): links to the others' pages would
    // point nowhere there, so changes that link are left to the in-process proof.
    const candidates = [
      ...fieldMutations(fixtures),
      ...bodyMutations(fixtures, photos),
      ...pageMutations(fixtures).filter((m) => m.kind !== 'site link'),
      ...characterMutations(fixtures, 200),
    ].filter((m) => m.slug !== 'jiulong');
    const accepted: Mutation[] = [];
    for (const m of candidates.sort(() => next() - 0.5)) {
      if (accepted.length >= ACCEPTED_SAMPLE) break;
      const verdict = await workspace.verdict(
        m,
        fixtures.find((f) => f.slug === m.slug)!,
      );
      if (verdict === 'harmless' || verdict === 'legit') accepted.push(m);
    }
    // Always what editors' tools do to a file, on one feature.
    accepted.push(
      ...bodyMutations([fixtures.find((f) => f.slug === 'jiulong')!], photos).filter(
        (m) => m.kind === 'encoding' && !m.id.includes('GB18030') && !m.id.includes('UTF-16'),
      ),
    );
    // Each change becomes a feature of its own, titled apart so that no two titles clash.
    rmSync(workspace.featuresDir, { recursive: true });
    accepted.forEach((mutation, i) => {
      const folder = join(workspace.featuresDir, `${mutation.slug}-${i}`);
      cpSync(join(repo, 'content', 'features', mutation.slug), folder, { recursive: true });
      for (const [name, bytes] of Object.entries(mutation.files ?? {})) {
        if (bytes === null) rmSync(join(folder, name));
        else writeFileSync(join(folder, name), bytes);
      }
      const text = Buffer.from(mutation.source).toString('utf8');
      const title = String(parseFrontmatter(text).frontmatter['title']);
      // Only the title line changes: the change itself (a BOM, CRLF, blank lines first) stays as it is.
      writeFileSync(
        join(folder, 'index.mdx'),
        text.replace(/^title:.*$/m, `title: ${JSON.stringify(`${title}（${i}）`)}`),
      );
    });
    const build = await npmBuild(root);
    const ids = accepted.map((m, i) => `${m.slug}-${i}: ${m.id}`).join('\n');
    expect(build.status, `${ids}\n${tail(build.output, 60)}`).toBe(0);
    expect(build.output).not.toMatch(/要改的错误|TypeError/);
    const pages = readdirSync(join(root, 'dist', 'features'));
    const published = accepted
      .map((m, i) => ({
        slug: `${m.slug}-${i}`,
        draft: parseFrontmatter(Buffer.from(m.source).toString('utf8')).frontmatter['draft'] === true,
      }))
      .filter((f) => !f.draft)
      .map((f) => f.slug);
    expect(pages.filter((slug) => published.includes(slug)).sort()).toEqual(published.sort());
    console.log(`npm run build over ${accepted.length} accepted changes: built (${relative(repo, root)})`);
  });
});
