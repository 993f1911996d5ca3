import { describe, expect, it } from 'vitest';
import { deskSettings } from './settings.ts';

describe('the desk publishes where one setting says', () => {
  it('takes host, repository and branch from DESK_REPO', () => {
    expect(deskSettings({ DESK_REPO: 'https://gitlab.com/newsroom/zhuanban#desk', DESK_APP_ID: 'abc' })).toEqual({
      host: 'gitlab',
      origin: 'https://gitlab.com',
      repo: 'newsroom/zhuanban',
      branch: 'desk',
      apiRoot: 'https://gitlab.com/api/v4',
      appId: 'abc',
    });
    expect(deskSettings({ DESK_REPO: 'https://github.com/paper/site.git' })).toMatchObject({
      host: 'github',
      repo: 'paper/site',
      branch: 'main',
      apiRoot: 'https://api.github.com',
    });
    expect(deskSettings({ DESK_REPO: 'https://git.paper.cn/web/zhuanban', DESK_GIT_HOST: 'gitea' })).toMatchObject({
      host: 'gitea',
      apiRoot: 'https://git.paper.cn/api/v1',
    });
  });

  it('falls back to the repository CI builds, as that host', () => {
    expect(
      deskSettings({ CI_PROJECT_URL: 'https://git.paper.cn/web/zhuanban', CI_DEFAULT_BRANCH: 'master' }),
    ).toMatchObject({ host: 'gitlab', repo: 'web/zhuanban', branch: 'master', apiRoot: 'https://git.paper.cn/api/v4' });
    expect(deskSettings({ GITHUB_REPOSITORY: 'paper/site', GITHUB_REF_NAME: '12/merge' })).toMatchObject({
      host: 'github',
      branch: 'main',
    });
    // A runner's odd project address does not stop the site's build.
    expect(deskSettings({ CI_PROJECT_URL: 'http://localhost/x' }).repo).toBe('newsroom/zhuanban');
  });

  it('stops the build, in Chinese and English, on a DESK_REPO that is not a repository address', () => {
    expect(() => deskSettings({ DESK_REPO: 'gitlab.com/zhuanban' })).toThrow(
      /DESK_REPO「gitlab.com\/zhuanban」不是仓库网址.* \/ DESK_REPO must be/,
    );
  });
});
