import { describe, expect, it } from 'vitest';
import { deskConfig } from './config.ts';
import { deskSettings } from './settings.ts';

const configFor = (env: Record<string, string>) =>
  deskConfig({ settings: deskSettings(env), taxonomy: { districts: [], topics: [] }, siteUrl: 'https://x.cn/' }) as {
    backend: Record<string, unknown>;
    publish_mode?: string;
    collections: Record<string, unknown>[];
  };

describe('the desk configuration follows the one setting', () => {
  it('signs in to GitLab and Gitea from the page (PKCE), to GitHub through the relay; no secret', () => {
    const gitlab = configFor({ DESK_REPO: 'https://gitlab.com/a/b#main', DESK_APP_ID: 'id1' });
    expect(gitlab.backend).toMatchObject({
      name: 'gitlab',
      repo: 'a/b',
      branch: 'main',
      auth_type: 'pkce',
      app_id: 'id1',
    });
    expect(gitlab.publish_mode).toBe('editorial_workflow');
    const gitea = configFor({ DESK_REPO: 'https://git.x.cn/a/b#desk', DESK_GIT_HOST: 'gitea', DESK_APP_ID: 'id2' });
    expect(gitea.backend).toMatchObject({
      name: 'gitea',
      branch: 'desk',
      auth_type: 'pkce',
      base_url: 'https://git.x.cn',
    });
    // Decap has no editorial workflow on Gitea: there saving commits to the configured branch.
    expect(gitea.publish_mode).toBeUndefined();
    const github = configFor({ DESK_REPO: 'https://github.com/a/b', DESK_AUTH_URL: 'https://relay.x.cn' });
    expect(github.backend).toMatchObject({
      name: 'github',
      base_url: 'https://relay.x.cn',
      api_root: 'https://api.github.com',
    });
    for (const config of [gitlab, gitea, github]) expect(JSON.stringify(config)).not.toMatch(/secret|token|password/i);
  });

  it('keeps each feature in its own folder, photos beside index.mdx', () => {
    expect(configFor({}).collections[0]).toMatchObject({
      folder: 'content/features',
      path: '{{slug}}/index',
      extension: 'mdx',
      media_folder: '',
      public_folder: '',
    });
  });
});
