import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFeatureText } from '../../features/feature.ts';
import { guardMdx, isAllowedImport } from './mdx-guard.ts';

const hostile = (name: string) => {
  const source = readFileSync(new URL(`../../../../tests/fixtures/hostile/${name}.mdx`, import.meta.url), 'utf8');
  const feature = readFeatureText({ file: `${name}.mdx`, slug: 'hostile', contents: source });
  return guardMdx(feature).map((d) => `${d.file}:${d.line} [${d.code}] ${d.zh}`);
};

describe('the MDX guard', () => {
  it('refuses export', () => {
    expect(hostile('export')).toMatchInlineSnapshot(`
      [
        "export.mdx:7 [mdx-export] 稿件里不能写 export：它会在构建时执行代码。请删去这一行",
      ]
    `);
  });
  it('refuses <script>', () => {
    expect(hostile('script')).toMatchInlineSnapshot(`
      [
        "script.mdx:7 [mdx-html] 不允许使用 <script> 标签：稿件中不能嵌入脚本、样式、框架或表单。请删去，图片请用 <Figure>",
      ]
    `);
  });
  it('refuses inline event handlers', () => {
    expect(hostile('event-handler')).toMatchInlineSnapshot(`
      [
        "event-handler.mdx:7 [mdx-event-handler] <span> 上不能写 onClick：事件处理会在读者浏览器中执行代码。请删去",
      ]
    `);
  });
  it('refuses imports of anything but own photos and site components', () => {
    expect(hostile('imports')).toMatchInlineSnapshot(`
      [
        "imports.mdx:5 [mdx-import] 不允许导入“node:fs”：稿件只能使用网站自带的组件（Figure、Gallery、EditorNote、InfoBox、PullQuote，无需 import）和本文件夹里的照片。请删去这一行",
        "imports.mdx:5 [mdx-import] 不允许导入“../../../src/pages/index.astro”：稿件只能使用网站自带的组件（Figure、Gallery、EditorNote、InfoBox、PullQuote，无需 import）和本文件夹里的照片。请删去这一行",
      ]
    `);
  });
  it('refuses expressions but allows comments', () => {
    expect(hostile('expression')).toMatchInlineSnapshot(`
      [
        "expression.mdx:7 [mdx-expression] 不能写 {…} 表达式（“{await import("node:child_proce}”）：它会在构建时执行代码。若要显示花括号，请写 \\{ 和 \\}",
      ]
    `);
  });
  it('refuses unknown components, iframes, javascript: links, expression and spread attributes', () => {
    expect(hostile('components')).toMatchInlineSnapshot(`
      [
        "components.mdx:5 [mdx-component] 没有名为 <Evil> 的组件。可用的组件：Figure、Gallery、EditorNote、InfoBox、PullQuote（见编辑指南，注意大小写）",
        "components.mdx:7 [mdx-html] 不允许使用 <iframe> 标签：稿件中不能嵌入脚本、样式、框架或表单。请删去，图片请用 <Figure>",
        "components.mdx:9 [mdx-url] 链接不能是 javascript:/data: 地址",
        "components.mdx:11 [mdx-attribute] <Figure> 的 caption 只能写成 caption="文字"，不能用 {…}",
        "components.mdx:11 [mdx-attribute] <Figure> 上不能写 {…} 展开属性。请改成 名称="文字"",
      ]
    `);
  });
  it('passes every real feature', () => {
    for (const slug of ['jiulong', 'erqi', 'gouzhao']) {
      const source = readFileSync(new URL(`../../../../content/features/${slug}/index.mdx`, import.meta.url), 'utf8');
      expect(guardMdx(readFeatureText({ file: `content/features/${slug}/index.mdx`, slug, contents: source }))).toEqual(
        [],
      );
    }
  });
  it('allows only an image in the feature folder or a site MDX component', () => {
    const folder = 'content/features/jiulong';
    expect(isAllowedImport('./photo-1.jpg', folder)).toBe(true);
    expect(isAllowedImport('../../../src/components/mdx/Figure.astro', folder)).toBe(true);
    expect(isAllowedImport('../erqi/photo-1.jpg', folder)).toBe(false);
    expect(isAllowedImport('./sub/photo-1.jpg', folder)).toBe(false);
    expect(isAllowedImport('../../../src/components/Header.astro', folder)).toBe(false);
    expect(isAllowedImport('node:fs', folder)).toBe(false);
    expect(isAllowedImport('./notes.js', folder)).toBe(false);
  });
});
