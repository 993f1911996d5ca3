/**
 * The desk's page script: Decap CMS from this site's own files, set up with the configuration
 * the build generated from the content contract (the page carries it as data), the feature
 * file format, the desk's widgets and the contract's own check as the editor types and on save.
 */
import decapUrl from 'decap-cms/dist/decap-cms.js?url';
import { ui } from '../../../i18n/zh-CN.ts';
import { DESK_COMPONENTS } from '../components.ts';
import { featureDeskFormat } from '../feature-file.ts';
import { DESK_WIDGETS } from '../form.ts';
import { FEATURE_FORMAT, FEATURES_FOLDER } from '../config.ts';
import type { DeskDiagnostic, DeskKnowledge } from '../validate.ts';
import { nameUnnamedControls } from './a11y.ts';
import { asText, loadDecap, type ImmutableLike, type WidgetProps } from './decap.ts';
import { bodyWidget, dateWidget, folderOf, slugWidget } from './widgets.ts';
import './desk.css';

export interface DeskData {
  config: Record<string, unknown> & {
    collections: { fields: { name: string; label: string; fields?: unknown[] }[] }[];
  };
  /** What the check knows beyond the entry: the districts and topics, the other features, the base path. */
  knowledge: DeskKnowledge;
  slugPattern: string;
}

const t = ui.desk;
const data = JSON.parse(document.getElementById('desk-data')?.textContent ?? '{}') as DeskData;
const format = featureDeskFormat();
// The contract's check (its MDX parser, its rules, the compile that gives heading ids) is a
// chunk of its own, fetched while Decap's much larger script loads: it adds no wait.
const checker = import('../validate.ts');

/** Field labels by dotted key (cover.alt → 题图替代文本), for findings about the frontmatter. */
const labels = new Map<string, string>();
const collect = (fields: readonly { name: string; label: string; fields?: unknown[] }[], prefix: string) => {
  for (const field of fields) {
    labels.set(prefix + field.name, field.label);
    if (field.fields) collect(field.fields as typeof fields, `${prefix}${field.name}.`);
  }
};
collect(data.config.collections[0]?.fields ?? [], '');

/** The entry's findings with its body as the editor has it now. */
function checkEntry(entry: ImmutableLike, body: string) {
  const values = (entry.get('data') as ImmutableLike | undefined)?.toJS() as Record<string, unknown> | undefined;
  const slug = folderOf(asText(entry.get('slug')) || asText(values?.['slug']) || 'new');
  const files =
    ((entry.get('mediaFiles') as ImmutableLike | undefined)?.toJS() as { name: string }[] | undefined) ?? [];
  return check({
    file: `${FEATURES_FOLDER}/${slug}/index.mdx`,
    text: format.toFile({ ...values, body }),
    body,
    files: files.map((file) => file.name),
  });
}

/** Where a finding is, as the editor finds it: the field by its label, or the line of the body. */
const where = (d: DeskDiagnostic) =>
  d.field !== undefined
    ? t.body.atField(labels.get(d.field) ?? d.field)
    : d.bodyLine !== undefined
      ? t.body.atBodyLine(d.bodyLine)
      : t.body.atFileLine(d.line);

const { CMS, h, createClass } = await loadDecap(decapUrl);
const check = (await checker).deskChecker(data.knowledge);
CMS.registerCustomFormat(FEATURE_FORMAT, 'mdx', format);
CMS.registerWidget(DESK_WIDGETS.slug, slugWidget(h, createClass, new RegExp(data.slugPattern)));
CMS.registerWidget(DESK_WIDGETS.date, dateWidget(h, createClass));
CMS.registerWidget(
  DESK_WIDGETS.body,
  bodyWidget(h, createClass, {
    components: DESK_COMPONENTS,
    check: (props: WidgetProps, body: string) => checkEntry(props.entry, body),
    where,
  }),
);
// The same check once more as the entry is saved: nothing with an error reaches the repository.
CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    const body = asText((entry.get('data') as ImmutableLike).get('body'));
    const errors = checkEntry(entry, body).filter((d) => d.severity === 'error');
    if (errors.length > 0)
      throw new Error(`${t.body.blocked(errors.length)}：${errors.map((d) => `${where(d)}：${d.zh}`).join('；')}`);
    return undefined;
  },
});
// On this machine (localhost) a decap-server behind the same address serves a local copy of
// the repository (npm test; docs/编辑指南.md). Elsewhere Decap never asks for it.
CMS.init({ config: { ...data.config, local_backend: { url: `${location.origin}/api/v1` } } });
nameUnnamedControls();
