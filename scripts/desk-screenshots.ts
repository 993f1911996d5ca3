/**
 * The screenshots of docs/编辑指南.md 第十节, taken from the real desk: the built site's /admin/
 * with decap-server in git mode over a copy of the content (test-results/desk-shots), so the
 * editorial workflow (draft → in review → ready) shows as it does on GitLab or GitHub.
 *
 *   npm run build && node scripts/desk-screenshots.ts [dist]
 *
 * Writes docs/images/desk-*.png.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startDesk } from '../tests/desk/desk-server.ts';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const copy = path.join(root, 'test-results/desk-shots');
const images = path.join(root, 'docs/images');
const photo = path.join(root, 'content/features/erqi/photo-2.jpg');

rmSync(copy, { recursive: true, force: true });
mkdirSync(copy, { recursive: true });
cpSync(path.join(root, 'content'), path.join(copy, 'content'), { recursive: true });
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=编辑部', '-c', 'user.email=desk@example.cn', ...args], { cwd: copy });
git('init', '-q', '-b', 'main');
git('add', '.');
git('commit', '-q', '-m', '专版稿件');

const desk = await startDesk(dist, copy, 'git');
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1200, height: 760 } });
mkdirSync(images, { recursive: true });
const shot = async (name: string, target: Page = page) => {
  await target.waitForTimeout(400);
  await target.screenshot({ path: path.join(images, `desk-${name}.png`) });
  console.log(`docs/images/desk-${name}.png`);
};

try {
  await page.goto(`${desk.url}/admin/`);
  await page.getByRole('button', { name: '登录' }).waitFor({ timeout: 60_000 });
  await shot('1-sign-in');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('＋ 稿件').waitFor();
  await shot('2-features');

  await page.getByText('＋ 稿件').click();
  await page.getByLabel('文件夹名（网址）').fill('jianzhongjie');
  await page.getByLabel('主标题', { exact: true }).fill('建中街办事处：把服务送到居民家门口');
  await page
    .getByLabel('导语', { exact: true })
    .fill('建中街办事处以党建为引领，把便民服务送到居民家门口，老旧小区改造、社区公园建设让居民的日子越过越舒心。');
  await page.getByLabel('单位全称', { exact: true }).fill('建中街办事处');
  await shot('3-new-feature');
  for (const [label, option] of [
    ['单位类型', '办事处'],
    ['所属区', '二七区（erqi）'],
  ] as const) {
    await page.getByLabel(label, { exact: true }).click();
    await page.getByText(option, { exact: true }).click();
  }
  await page.getByLabel('城市', { exact: true }).fill('郑州市');
  await page.getByLabel('精度').selectOption('month');
  await page.getByLabel('年', { exact: true }).fill('2020');

  await page.getByRole('button', { name: '选择图片' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type="file"]').setInputFiles(photo);
  await dialog.getByText(path.basename(photo)).waitFor();
  await shot('4-photos');
  const choose = dialog.getByRole('button', { name: '选用已选中项目' });
  if (await choose.isDisabled()) await dialog.getByText(path.basename(photo)).click();
  await choose.click();
  await page.getByLabel('题图替代文本', { exact: true }).fill('街道办事处门前，居民排队办事');

  const body = page.getByLabel('正文', { exact: true });
  await body.fill('建中街办事处把服务送到居民家门口。\n');
  await page.getByRole('button', { name: /插入 InfoBox/ }).click();
  await page.getByLabel(/^标题/).fill('建中街办事处概况');
  await page.getByLabel('里面的文字').fill('辖区面积3平方公里，常住人口5万人。');
  await page.locator('.desk-insert').scrollIntoViewIfNeeded();
  await shot('5-components');
  await page.getByRole('button', { name: '插入到光标处' }).click();
  await page.getByRole('button', { name: /插入 Figure/ }).click();
  await page.getByLabel(/^照片文件/).fill('./photo-2.jpg');
  await page.getByRole('button', { name: '插入到光标处' }).click();
  await page.locator('.desk-insert').scrollIntoViewIfNeeded();
  await shot('6-mistake');
  await page.getByRole('button', { name: '取消' }).click();

  // Saved in the editorial workflow: a branch of its own, shown on the workflow board.
  await page.getByRole('button', { name: '保存' }).click();
  await page
    .getByText('修改已保存')
    .waitFor({ timeout: 30_000 })
    .catch(() => undefined);
  await shot('7-saved');
  await page.goto(`${desk.url}/admin/#/workflow`);
  await page.getByText('建中街办事处：把服务送到居民家门口').first().waitFor({ timeout: 30_000 });
  await shot('8-workflow');
} finally {
  await browser.close();
  await desk.close();
}
