/**
 * Where the desk (/admin/) publishes: the git host, the repository and the branch, from ONE
 * setting read at build time, `DESK_REPO`, the repository's web address with the branch after
 * a `#`:
 *
 *   DESK_REPO=https://gitlab.com/newsroom/zhuanban#main
 *   DESK_REPO=https://git.paper.cn/web/zhuanban#main        (Gitea/Forgejo: DESK_GIT_HOST=gitea)
 *   DESK_REPO=https://github.com/newsroom/zhuanban#main
 *
 * Unset, it is the repository CI builds (GitLab's CI_PROJECT_URL, GitHub's GITHUB_REPOSITORY),
 * so a Pages build needs no setting at all. Signing in needs one more, and no secret:
 * `DESK_APP_ID`, the id of the OAuth application the newsroom registers on GitLab or Gitea
 * (PKCE: the static page signs in by itself), or for GitHub `DESK_AUTH_URL`, the address of
 * the small OAuth relay GitHub requires (docs/编辑指南.md, 第十节).
 */
export type GitHost = 'gitlab' | 'gitea' | 'github';

export interface DeskSettings {
  host: GitHost;
  /** The host's web address: https://gitlab.com */
  origin: string;
  /** owner/name, or group/subgroup/name on GitLab. */
  repo: string;
  branch: string;
  /** Where the desk's API calls go. */
  apiRoot: string;
  /** GitLab/Gitea: the OAuth application's id (public; PKCE needs no secret). */
  appId?: string;
  /** GitHub: the OAuth relay's address. */
  authUrl?: string;
}

const HOSTS: readonly GitHost[] = ['gitlab', 'gitea', 'github'];

/** A variable's value, or undefined when it is unset or blank. */
const nonBlank = (value: string | undefined): string | undefined => {
  const text = value?.trim() ?? '';
  return text === '' ? undefined : text;
};

function fail(zh: string, en: string): never {
  throw new Error(`${zh} / ${en}`);
}

/** The repository address a CI run builds, when DESK_REPO is not set. */
function fromCi(env: Record<string, string | undefined>): string | undefined {
  if (env['CI_PROJECT_URL']) return `${env['CI_PROJECT_URL']}#${env['CI_DEFAULT_BRANCH'] ?? 'main'}`;
  if (env['GITHUB_REPOSITORY'])
    return `${env['GITHUB_SERVER_URL'] ?? 'https://github.com'}/${env['GITHUB_REPOSITORY']}#${env['GITHUB_REF_NAME'] ?? 'main'}`;
  return undefined;
}

/** An example address, so a build without any setting still has a desk to test and show. */
export const EXAMPLE_REPO = 'https://gitlab.com/newsroom/zhuanban#main';

export function deskSettings(env: Record<string, string | undefined>): DeskSettings {
  const given = nonBlank(env['DESK_REPO']) ?? fromCi(env) ?? EXAMPLE_REPO;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    fail(
      `DESK_REPO「${given}」不是仓库网址，应形如 https://gitlab.com/报社/zhuanban#main`,
      'DESK_REPO must be the repository address, e.g. https://gitlab.com/newsroom/zhuanban#main',
    );
  }
  const repo = url.pathname.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
  if (url.protocol !== 'https:' && url.hostname !== 'localhost')
    fail('DESK_REPO 要用 https 网址', 'DESK_REPO must be https');
  if (!repo.includes('/')) fail(`DESK_REPO「${given}」缺少 所有者/仓库名`, 'DESK_REPO needs owner/name');
  const named = env['DESK_GIT_HOST']?.trim();
  if (named && !HOSTS.includes(named as GitHost))
    fail(`DESK_GIT_HOST 只能是 ${HOSTS.join('、')}`, `DESK_GIT_HOST must be one of ${HOSTS.join(', ')}`);
  const host: GitHost =
    (named as GitHost | undefined) ??
    (url.hostname === 'github.com' ? 'github' : url.hostname.startsWith('gitlab.') ? 'gitlab' : 'gitea');
  const origin = url.origin;
  const apiRoot =
    host === 'github'
      ? url.hostname === 'github.com'
        ? 'https://api.github.com'
        : `${origin}/api/v3`
      : host === 'gitlab'
        ? `${origin}/api/v4`
        : `${origin}/api/v1`;
  const appId = nonBlank(env['DESK_APP_ID']);
  const authUrl = nonBlank(env['DESK_AUTH_URL']);
  return {
    host,
    origin,
    repo,
    branch: decodeURIComponent(url.hash.slice(1)) || 'main',
    apiRoot,
    ...(appId ? { appId } : {}),
    ...(authUrl ? { authUrl } : {}),
  };
}
