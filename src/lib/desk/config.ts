/**
 * The desk's Decap CMS configuration, made at build time from the content contract
 * (form.ts), the repository setting (settings.ts) and the YAML lists; the admin page hands it
 * to the browser as data. Never written by hand: a field added to the contract is in the form.
 */
import { DESK_WIDGETS, formFields, type CmsField, type FormTaxonomy } from './form.ts';
import type { DeskSettings } from './settings.ts';

/** The collection's format: src/lib/desk/feature-file.ts, registered under this name. */
export const FEATURE_FORMAT = 'zhuanban-mdx';
export const FEATURES_FOLDER = 'content/features';

/** The keys the desk adds to an entry that are not frontmatter: the folder name and the body. */
export const DESK_ONLY_FIELDS = ['slug', 'body'] as const;

export interface DeskConfigInput {
  settings: DeskSettings;
  taxonomy: FormTaxonomy;
  /** The published site, for the "view" links. */
  siteUrl: string;
}

function backend(settings: DeskSettings): Record<string, unknown> {
  const common = {
    repo: settings.repo,
    branch: settings.branch,
    api_root: settings.apiRoot,
    // Titles and commit messages in Chinese, naming the feature's folder.
    commit_messages: {
      create: '新增稿件 {{slug}}',
      update: '修改稿件 {{slug}}',
      delete: '删除稿件 {{slug}}',
      uploadMedia: '上传照片 {{path}}',
      deleteMedia: '删除照片 {{path}}',
    },
  };
  // GitHub signs in only through an OAuth relay that holds the app's secret (DESK_AUTH_URL).
  if (settings.host === 'github')
    return {
      name: 'github',
      ...common,
      ...(settings.authUrl ? { base_url: settings.authUrl, auth_endpoint: 'auth' } : {}),
    };
  // GitLab and Gitea/Forgejo sign in from this static page (PKCE), with the app's public id.
  return {
    name: settings.host,
    ...common,
    base_url: settings.origin,
    auth_type: 'pkce',
    ...(settings.appId ? { app_id: settings.appId } : {}),
    auth_endpoint: settings.host === 'gitlab' ? 'oauth/authorize' : 'login/oauth/authorize',
  };
}

export function deskConfig({ settings, taxonomy, siteUrl }: DeskConfigInput): Record<string, unknown> {
  const fields: CmsField[] = [
    {
      name: 'slug',
      label: '文件夹名（网址）',
      widget: DESK_WIDGETS.slug,
      required: false,
      hint: '只用小写拼音、数字和连字符，如 jiulong；发布后不要再改（网址会变）。',
    },
    ...formFields(taxonomy),
    { name: 'body', label: '正文', widget: DESK_WIDGETS.body, required: true },
  ];
  return {
    load_config_file: false,
    locale: 'zh_Hans',
    backend: backend(settings),
    // Saving makes a branch and a merge request per feature: draft → in review → ready.
    // Gitea/Forgejo has no editorial workflow in Decap: there the desk commits to the branch.
    ...(settings.host === 'gitea' ? {} : { publish_mode: 'editorial_workflow' }),
    site_url: siteUrl,
    display_url: siteUrl,
    media_folder: FEATURES_FOLDER,
    public_folder: '',
    // The preview pane would render the body as plain Markdown, not as the site does.
    editor: { preview: false },
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        name: 'features',
        label: '专版稿件',
        label_singular: '稿件',
        description: '每篇稿件是 content/features/ 里的一个文件夹：index.mdx 和它的照片。',
        folder: FEATURES_FOLDER,
        path: '{{slug}}/index',
        extension: 'mdx',
        format: FEATURE_FORMAT,
        // Photos go into the feature's own folder, beside index.mdx.
        media_folder: '',
        public_folder: '',
        create: true,
        delete: false,
        slug: '{{fields.slug}}',
        identifier_field: 'title',
        summary: '{{title}}（{{dirname}}）',
        sortable_fields: ['date', 'title'],
        view_filters: [{ label: '草稿', field: 'draft', pattern: true }],
        fields,
      },
    ],
  };
}
