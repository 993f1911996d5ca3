/**
 * The editors' desk (/admin/) in Chromium, over the built site, against Decap's local-repository
 * server writing to a copy of the content (test-results/desk-site, a project the real site
 * builds: scripts/test.mjs checks and builds it afterwards and runs reader tests over it).
 *
 * It opens in Chinese with the seven features, with no console error and no CSP violation, and
 * axe finds nothing; every feature (and a sample of the generated archive) saved through the
 * form with an edit and its undo is the same file again; an editor creates a feature with two
 * photos, a Figure and an InfoBox, edits an existing one, and is stopped, in Chinese, by an
 * unknown district and a Figure without alt.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { loadSeedPool, syntheticFeature } from '../../bench/lib/corpus.ts';
import { scaffoldSiteProject } from '../../bench/lib/site-project.ts';
import { expect, test } from '../browser/fixtures.ts';
import { seeded } from '../support/random.ts';
import { checkFeatureSource } from '../../src/lib/features/feature.ts';
import { readTaxonomy } from '../../src/lib/features/source.ts';
import { startDesk, type Desk } from './desk-server.ts';

export const DESK_SITE = path.resolve('test-results/desk-site');
const dist = path.resolve(process.env['DIST'] ?? 'dist');
const features = path.join(DESK_SITE, 'content/features');
const originals = new Map<string, string>();
const photo = path.resolve('content/features/erqi/photo-2.jpg');
const photo2 = path.resolve('content/features/erqi/photo-3.jpg');
/** Planted in the copy: a feature whose district is misspelled, as an editor's git commit might leave it. */
const MISSPELT = 'cuowu-quhao';

let desk: Desk;

// Serial: later tests read what earlier ones wrote. The desk's 5 MB script loads slowly on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  rmSync(DESK_SITE, { recursive: true, force: true });
  scaffoldSiteProject(DESK_SITE, { name: 'zhuanban-desk-site', generatedBy: 'tests/desk/desk.spec.ts' });
  cpSync(path.resolve('content/features'), features, { recursive: true });
  // A sample of the generated archive, its photos stand-ins of camera size.
  const pool = loadSeedPool(process.cwd());
  const random = seeded(1919);
  for (const index of Array.from({ length: 4 }, () => random.int(1, 5000))) {
    const feature = syntheticFeature(pool, index, { photoPath: (_, k) => `./photo-${k + 1}.jpg` });
    mkdirSync(path.join(features, feature.slug), { recursive: true });
    writeFileSync(path.join(features, feature.slug, 'index.mdx'), feature.mdx);
    for (const [k] of feature.photos.entries())
      copyFileSync(photo, path.join(features, feature.slug, `photo-${k + 1}.jpg`));
  }
  mkdirSync(path.join(features, MISSPELT));
  const jiulong = readFileSync(path.join(features, 'jiulong/index.mdx'), 'utf8');
  writeFileSync(
    path.join(features, MISSPELT, 'index.mdx'),
    jiulong.replace('district: jingkai', 'district: jingkia').replace(/^title: .*$/m, 'title: 区名写错的稿件'),
  );
  copyFileSync(photo, path.join(features, MISSPELT, 'photo-1.jpg'));
  for (const slug of readdirSync(features))
    originals.set(slug, readFileSync(path.join(features, slug, 'index.mdx'), 'utf8'));
  desk = await startDesk(dist, DESK_SITE);
});

test.afterAll(async () => {
  await desk.close();
});

const fileOf = (slug: string) => path.join(features, slug, 'index.mdx');
const read = (slug: string) => (existsSync(fileOf(slug)) ? readFileSync(fileOf(slug), 'utf8') : '');

async function signIn(page: Page): Promise<void> {
  await page.goto(`${desk.url}/admin/`);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('＋ 稿件')).toBeVisible({ timeout: 30_000 });
}

/** Opens a feature and waits until the form holds what its file holds now. */
async function openEntry(page: Page, slug: string): Promise<void> {
  // By way of the list, so Decap closes the feature open before and reads this one afresh.
  await page.goto(`${desk.url}/admin/#/collections/features`);
  await expect(page.getByText('＋ 稿件')).toBeVisible({ timeout: 30_000 });
  await page.goto(`${desk.url}/admin/#/collections/features/entries/${slug}/index`);
  const title = /^title: "?(.*?)"?$/m.exec(read(slug))?.[1];
  // The first load reads the desk's 5 MB script: slow on a busy machine.
  if (title) await expect(page.getByLabel('主标题')).toHaveValue(title, { timeout: 30_000 });
  else await expect(page.getByLabel('主标题')).toBeVisible({ timeout: 30_000 });
}

/** Publishes the entry (the local server has no review step: it writes the file at once). */
async function publish(page: Page): Promise<void> {
  await expect(page.getByText('含未保存的修改')).toBeVisible();
  await page.getByRole('button', { name: '发布' }).click();
  await page.getByText('立即发布').click();
}

/** Publishes and waits until the desk has read the entry back. */
async function publishAndWait(page: Page, slug: string, check: (text: string) => boolean): Promise<void> {
  await publish(page);
  await expect.poll(() => check(read(slug)), { message: `${slug}: written` }).toBe(true);
  await expect(page.getByText('修改已保存')).toBeVisible();
}

/** Replaces a field's text as an editor does (select all, type), which Decap's inputs follow after a save too. */
async function fillAndWait(field: Locator, value: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.page().keyboard.insertText(value);
  await expect(field).toHaveValue(value);
}

test('opens in Chinese, lists the features and has no axe violation', async ({ page }) => {
  await page.goto(`${desk.url}/admin/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const audit = async () => {
    await page.evaluate(axe);
    const results = await page.evaluate(() =>
      (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      }),
    );
    return results.violations.map(
      (v) =>
        `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${n.failureSummary ?? ''}`).join(', ')}`,
    );
  };
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  expect(await audit(), 'sign-in page').toEqual([]);
  await page.getByRole('button', { name: '登录' }).click();
  for (const slug of ['jiulong', 'jiuzhoulu', 'erqi', 'huayuankou', 'changxinglu', 'gouzhao', 'fengyang']) {
    const title = /^title: (.*)$/m.exec(originals.get(slug) ?? '')?.[1] ?? slug;
    await expect(page.getByText(`${title.replace(/^"|"$/g, '')}（${slug}）`)).toBeVisible();
  }
  expect(await audit(), 'the list of features').toEqual([]);
  await openEntry(page, 'jiulong');
  expect(await audit(), 'a feature in the form').toEqual([]);
});

test('saving an edit and its undo leaves every feature the same file', async ({ page }) => {
  test.setTimeout(360_000);
  await signIn(page);
  const slugs = [...originals.keys()].filter((s) => s !== MISSPELT);
  const titles = new Map<string, string>();
  // Every feature edited, then every one put back: the desk opens another feature in between,
  // so each is read afresh from its file.
  for (const slug of slugs) {
    await openEntry(page, slug);
    const title = page.getByLabel('主标题');
    const value = await title.inputValue();
    titles.set(slug, value);
    await fillAndWait(title, `${value}（改）`);
    await publishAndWait(page, slug, (text) => text.includes(`${value}（改）`));
  }
  for (const slug of slugs) {
    await openEntry(page, slug);
    const value = titles.get(slug) ?? '';
    await fillAndWait(page.getByLabel('主标题'), value);
    // The undo gives the file back, byte for byte (polled: the file is written while we look).
    await publishAndWait(page, slug, (text) => text === originals.get(slug));
  }
});

/** Chooses `file` in Decap's media library, uploading it into the feature's folder. */
async function uploadPhoto(page: Page, file: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type="file"]').setInputFiles(file);
  await expect(dialog.getByText(path.basename(file))).toBeVisible();
  const choose = dialog.getByRole('button', { name: '选用已选中项目' });
  // A photo just uploaded is selected already.
  if (await choose.isDisabled()) await dialog.getByText(path.basename(file)).click();
  await choose.click();
  await expect(dialog).toBeHidden();
}

/** Picks an option of one of Decap's select widgets, by its label. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByText(option, { exact: true }).click();
}

test('an editor creates a feature with two photos, a Figure and an InfoBox', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const uploads = testInfo.outputPath('uploads');
  mkdirSync(uploads, { recursive: true });
  const cover = path.join(uploads, 'kaimen.jpg');
  const inside = path.join(uploads, 'gongyuan.jpg');
  copyFileSync(photo, cover);
  copyFileSync(photo2, inside);
  await signIn(page);
  await page.getByText('＋ 稿件').click();
  await page.getByLabel('文件夹名（网址）').fill('xinzeng-bianji');
  await page.getByLabel('主标题', { exact: true }).fill('编辑台新建的专版稿件');
  await page
    .getByLabel('导语', { exact: true })
    .fill(
      '这是一篇在编辑台里从头写成的专版稿件，用来检查表单、照片上传、组件插入和保存都完整无误，写进仓库的文件能通过检查并生成网页。',
    );
  await page.getByLabel('单位全称', { exact: true }).fill('建中街办事处');
  await choose(page, '单位类型', '办事处');
  await choose(page, '所属区', '二七区（erqi）');
  await page.getByLabel('城市', { exact: true }).fill('郑州市');
  await page.getByLabel('精度').selectOption('month');
  await page.getByLabel('年', { exact: true }).fill('2020');
  await page.getByLabel('月', { exact: true }).selectOption('03');
  await page.getByRole('button', { name: '选择图片' }).click();
  await uploadPhoto(page, cover);
  await page.getByLabel('题图替代文本', { exact: true }).fill('街道办事处门前，居民排队办事');

  const body = page.getByLabel('正文', { exact: true });
  await body.fill('建中街办事处把服务送到居民家门口。\n');
  await page.getByRole('button', { name: /插入 Figure/ }).click();
  await page.getByRole('button', { name: '选择或上传照片' }).click();
  await uploadPhoto(page, inside);
  await page.getByLabel(/^替代文本/).fill('改造后的社区公园，老人在树下下棋');
  await page.getByLabel('图注', { exact: true }).fill('改造后的社区公园。');
  await page.getByRole('button', { name: '插入到光标处' }).click();
  await page.getByRole('button', { name: /插入 InfoBox/ }).click();
  await page.getByLabel(/^标题/).fill('建中街办事处概况');
  await page.getByLabel('里面的文字').fill('辖区面积3平方公里，常住人口5万人。');
  await page.getByRole('button', { name: '插入到光标处' }).click();
  await expect(page.getByText('没有发现问题。')).toBeVisible();
  await publish(page);

  const folder = path.join(features, 'xinzeng-bianji');
  await expect.poll(() => read('xinzeng-bianji')).toContain('<InfoBox title="建中街办事处概况">');
  const text = read('xinzeng-bianji');
  expect(text).toContain('cover:\n  src: ./kaimen.jpg\n  alt: 街道办事处门前，居民排队办事\n');
  expect(text).toContain('date: "2020-03"\n');
  expect(text).toContain('district: erqi\n');
  expect(text).toContain(
    '<Figure src="./gongyuan.jpg" alt="改造后的社区公园，老人在树下下棋" caption="改造后的社区公园。" />',
  );
  // decap-server writes the photos after index.mdx.
  await expect.poll(() => readdirSync(folder).sort()).toEqual(['gongyuan.jpg', 'index.mdx', 'kaimen.jpg']);
});

test('an editor edits an existing feature: only that field changes', async ({ page }) => {
  await signIn(page);
  await openEntry(page, 'huayuankou');
  const before = read('huayuankou');
  await page.getByLabel('题图替代文本', { exact: true }).fill('花园口镇的黄河大堤，堤上新栽的树成行');
  await publishAndWait(page, 'huayuankou', (text) => text.includes('花园口镇的黄河大堤'));
  const changed = read('huayuankou')
    .split('\n')
    .filter((line, i) => line !== before.split('\n')[i]);
  expect(changed).toEqual(['  alt: 花园口镇的黄河大堤，堤上新栽的树成行']);
});

test.describe('mistakes', () => {
  // Decap logs the save it refused, with the desk's message, as a console error, and lets the
  // refusal (its own error object) go unhandled.
  test.use({ expectedProblems: /改好后才能保存|^uncaught error on [^ ]*\/admin\/[^ ]*: Object$/ });

  test('are stopped with the Chinese message: an unknown district, a Figure without alt', async ({ page }) => {
    await signIn(page);
    // The district is chosen from content/districts.yaml: the form offers no other.
    await openEntry(page, MISSPELT);
    await page.getByLabel('所属区', { exact: true }).click();
    const districts = await page.locator('[class*="-option"]').allTextContents();
    expect(districts).toEqual([
      '经开区（jingkai）',
      '淇滨区（qibin）',
      '二七区（erqi）',
      '惠济区（huiji）',
      '高新区（gaoxin）',
    ]);
    await page.keyboard.press('Escape');
    // A file that already names an unknown one (written outside the desk) is flagged where it is.
    const finding = page.locator('.desk-finding[data-code="unknown-district"]');
    await expect(finding).toContainText('设置项“所属区”');
    await expect(finding).toContainText('district（所属区）“jingkia”不在 content/districts.yaml 里。是不是 jingkai？');
    // Saving is refused while it stands, and the file is untouched.
    await page.getByLabel('主标题').fill('区名写错的稿件（改）');
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('立即发布').click();
    await expect(
      page.getByText('有 1 个错误，改好后才能保存：设置项“所属区”：district（所属区）“jingkia”不在'),
    ).toBeVisible();
    expect(read(MISSPELT)).toBe(originals.get(MISSPELT));
    await choose(page, '所属区', '经开区（jingkai）');
    // Decap redraws the body (and its findings) when the body changes: a keystroke there.
    await page.getByLabel('正文', { exact: true }).press('End');
    await page.getByLabel('正文', { exact: true }).press('Space');
    await page.getByLabel('正文', { exact: true }).press('Backspace');
    await expect(page.getByText('没有发现问题。')).toBeVisible();

    // A Figure without alt is not inserted: the form names what is missing.
    await page.getByRole('button', { name: /插入 Figure/ }).click();
    await page.getByLabel(/^照片文件/).fill('./photo-1.jpg');
    await page.getByRole('button', { name: '插入到光标处' }).click();
    await expect(page.locator('.desk-insert [role="alert"]')).toHaveText(
      '<Figure> 缺少 alt（替代文本：一句话说清照片里有什么）：请填写后再插入。',
    );
    await expect(page.getByLabel('正文', { exact: true })).not.toHaveValue(/<Figure src="\.\/photo-1\.jpg"/);
    await page.getByRole('button', { name: '取消' }).click();
    await publish(page);
    await expect.poll(() => read(MISSPELT)).toContain('district: jingkai\n');
  });
});

test('a body mistake is marked on its line as it is typed, with the contract’s message, and goes when fixed', async ({
  page,
}) => {
  await signIn(page);
  await openEntry(page, 'erqi');
  const body = page.getByLabel('正文', { exact: true });
  await expect(page.getByText('没有发现问题。')).toBeVisible();
  const typed = '# 二七区\n\n![社区活动](./photo-1.jpg)\n\n';
  await body.click();
  await body.press('ControlOrMeta+Home');
  await page.keyboard.insertText(typed);
  // What the contract says of the same file (npm run check's function), at the lines typed: body lines 1 and 3.
  const original = read('erqi');
  const at = original.indexOf('\n', original.indexOf('\n---\n') + 4) + 1;
  const text = original.slice(0, at) + original.slice(at).replace(/^\n*/, (gap) => gap + typed);
  const { taxonomy } = readTaxonomy(path.join(DESK_SITE, 'content'), DESK_SITE);
  const expected = checkFeatureSource(
    { file: 'content/features/erqi/index.mdx', slug: 'erqi', contents: text },
    { taxonomy, files: readdirSync(path.join(features, 'erqi')) },
  ).filter((d) => d.severity === 'error');
  expect(expected.map((d) => d.code)).toEqual(['heading-level', 'photo-syntax']);
  for (const [d, line] of expected.map((d, i) => [d, i * 2 + 1] as const))
    await expect(page.locator(`.desk-finding[data-code="${d.code}"]`)).toHaveText(`正文第 ${line} 行：${d.zh}`);
  // Fixed: the lines typed taken out again, and the findings are gone.
  await body.press('ControlOrMeta+Home');
  for (let i = 0; i < 4; i++) await body.press('Shift+ArrowDown');
  await body.press('Delete');
  await expect(page.getByText('没有发现问题。')).toBeVisible();
  await expect(page.locator('.desk-finding')).toHaveCount(0);
});

test('what the desk wrote passes npm run check', () => {
  const result = spawnSync('npm', ['run', 'check', '--', '--dir', features], { encoding: 'utf8' });
  expect(result.stdout.split('\n').filter((line) => line.includes('错误 error'))).toEqual([]);
  expect(result.status, result.stdout).toBe(0);
});
