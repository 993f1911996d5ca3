/**
 * Runs the GitLab pipeline's jobs (.gitlab-ci.yml) on this machine with gitlab-ci-local's
 * shell executor, in a copy of the working tree, as GitLab would run them for a newsroom's
 * project at https://newsroom.gitlab.io/zhuanban/:
 *
 * 1. on a branch, the `build` job: `npm ci`, then the real build for the Pages address — the
 *    site must come out under the project's path;
 * 2. on the default branch, with a feature whose photo has lost its alt text, the `pages`
 *    job: it must fail with the content check's file:line message in its log, and leave no
 *    public/ for GitLab Pages to publish.
 *
 * Called by scripts/test.mjs; exits non-zero with the reason. gitlab-ci-local copies the
 * project with rsync (Debian package `rsync`). Astro's cache is seeded from this checkout's
 * node_modules/.astro, as GitLab's cache would be from the previous pipeline, and npm reads
 * the machine's download cache.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = join(repo, 'test-results', 'gitlab-ci');
const copy = join(work, 'project');
const PAGES_URL = 'https://newsroom.gitlab.io/zhuanban';
const gitlabCiLocal = join(repo, 'node_modules', 'gitlab-ci-local', 'dist', 'index.js');

function sh(command: string, args: string[], cwd = copy): { status: number; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

function git(...args: string[]): void {
  const result = sh('git', ['-c', 'user.name=CI', '-c', 'user.email=ci@example.cn', ...args]);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.output}`);
}

function failWith(message: string, log?: string): never {
  if (log) console.error(log.split('\n').slice(-60).join('\n'));
  console.error(`\n✗ ${message}`);
  process.exit(1);
}

/** Runs one job of the pipeline; its log is printed as it would be on GitLab. */
function job(name: string): { status: number; output: string } {
  console.log(`\n$ gitlab-ci-local --force-shell-executor ${name}`);
  const started = performance.now();
  const result = sh(process.execPath, [
    gitlabCiLocal,
    '--force-shell-executor',
    '--variable',
    `CI_PAGES_URL=${PAGES_URL}`,
    '--variable',
    `npm_config_cache=${join(homedir(), '.npm')}`,
    '--variable',
    'npm_config_prefer_offline=true',
    name,
  ]);
  console.log(`  ${name}: exit ${result.status} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

if (spawnSync('rsync', ['--version']).status !== 0)
  failWith('gitlab-ci-local needs rsync: install the Debian package `rsync`.');

// The working tree as it is (tracked and new files, not ignored ones), as a repository of its own.
rmSync(work, { recursive: true, force: true });
mkdirSync(copy, { recursive: true });
const files = sh('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], repo)
  .output.split('\0')
  .filter((file) => file && existsSync(join(repo, file)));
for (const file of files) cpSync(join(repo, file), join(copy, file), { recursive: true });
const astroCache = join(repo, 'node_modules', '.astro');
if (existsSync(astroCache)) cpSync(astroCache, join(copy, '.astro-cache'), { recursive: true });
git('init', '-q', '-b', 'main');
git('remote', 'add', 'origin', 'https://gitlab.com/newsroom/zhuanban.git');
git('add', '-A');
git('commit', '-q', '-m', 'site');

// 1. An editor's branch: the `build` job builds the site for the Pages address.
git('switch', '-q', '-c', 'feature-branch');
const build = job('build');
if (build.status !== 0) failWith('the `build` job failed', build.output);
const home = join(copy, 'dist', 'index.html');
if (!existsSync(home)) failWith('the `build` job passed but wrote no dist/index.html', build.output);
const canonical = /<link rel="canonical" href="([^"]+)"/u.exec(readFileSync(home, 'utf8'))?.[1];
if (canonical !== `${PAGES_URL}/`)
  failWith(`the site was built for ${canonical ?? 'no address'}, not the Pages address ${PAGES_URL}/`);
if (!readFileSync(home, 'utf8').includes('href="/zhuanban/features/'))
  failWith('the home page does not link its features under /zhuanban/');
console.log(`  ✓ built for ${canonical}, every link under /zhuanban/`);

// 2. The default branch with a broken feature: `pages` fails, and nothing is left to publish.
git('switch', '-q', 'main');
const feature = join(copy, 'content', 'features', 'gouzhao', 'index.mdx');
const source = readFileSync(feature, 'utf8');
const figure = source.indexOf('<Figure');
const alt = source.indexOf('alt="', figure);
const brokenLine = source.slice(0, alt).split('\n').length;
writeFileSync(feature, `${source.slice(0, alt)}alt=""${source.slice(source.indexOf('"', alt + 5) + 1)}`);
git('commit', '-q', '-am', 'a photo without its alt text');
const pages = job('pages');
const where = `content/features/gouzhao/index.mdx:${brokenLine}`;
if (pages.status === 0) failWith('the `pages` job passed with a broken feature', pages.output);
if (!pages.output.includes(`${where}: 错误 error [figure-alt]`))
  failWith(`the failed job's log does not name ${where}`, pages.output);
if (existsSync(join(copy, 'public', 'index.html'))) failWith('the failed `pages` job left a public/ to publish');
console.log(`  ✓ the broken feature failed the job at ${where}; nothing to publish`);
