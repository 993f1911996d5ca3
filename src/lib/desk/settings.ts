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

/**
 * The repository a CI run builds, when DESK_REPO is not set: GitLab names its default branch;
 * GitHub publishes from main (a pull request's ref is not the branch the desk should write to).
 */
function fromCi(env: Record<string, string | undefined>): { address: string; host: GitHost } | undefined {
  const gitlab = nonBlank(env['CI_PROJECT_URL']);
  if (gitlab) return { address: `${gitlab}#${nonBlank(env['CI_DEFAULT_BRANCH']) ?? 'main'}`, host: 'gitlab' };
  const github = nonBlank(env['GITHUB_REPOSITORY']);
  if (github)
    return { address: `${nonBlank(env['GITHUB_SERVER_URL']) ?? 'https://github.com'}/${github}#main`, host: 'github' };
  return undefined;
}

/** An example address, so a build without any setting still has a desk to test and show. */
export const EXAMPLE_REPO = 'https://gitlab.com/newsroom/zhuanban#main';

/** `https://host/owner/name#branch` taken apart, or a reason it cannot be. */
function parseRepo(given: string): { url: URL; repo: string } | string {
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return 'not an address';
  }
  const repo = url.pathname.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
  if (url.protocol !== 'https:') return 'not https';
  if (!repo.includes('/')) return 'no owner/name';
  return { url, repo };
}

export function deskSettings(env: Record<string, string | undefined>): DeskSettings {
  const setting = nonBlank(env['DESK_REPO']);
  const found = fromCi(env);
  // A DESK_REPO that is wrong stops the build; what CI happens to be (a local runner, a mirror) does not.
  const ci = found && typeof parseRepo(found.address) === 'object' ? found : undefined;
  const parsed = parseRepo(setting ?? ci?.address ?? EXAMPLE_REPO);
  if (typeof parsed === 'string')
    fail(
      `DESK_REPO「${setting ?? ''}」不是仓库网址（${parsed}），应形如 https://gitlab.com/报社/zhuanban#main`,
      `DESK_REPO must be the repository's https address, e.g. https://gitlab.com/newsroom/zhuanban#main (${parsed})`,
    );
  const { url, repo } = parsed;
  const named = env['DESK_GIT_HOST']?.trim();
  if (named && !HOSTS.includes(named as GitHost))
    fail(`DESK_GIT_HOST 只能是 ${HOSTS.join('、')}`, `DESK_GIT_HOST must be one of ${HOSTS.join(', ')}`);
  const host: GitHost =
    (named as GitHost | undefined) ??
    (setting ? undefined : ci?.host) ??
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
