/**
 * MDX is code: a feature file can run JavaScript at build time and in readers' browsers.
 * Editors need none of that, so a feature may use only the site's own components and its
 * own photos. Everything else fails the check, with the line and what to write instead:
 *
 * - `export …` and `import …` (except an image beside the feature or a site MDX component);
 * - `{expressions}` other than comments;
 * - `<script>`, `<style>`, `<iframe>` and other elements that load or run code;
 * - components the site does not have; `on…=` event handlers; `{…}` attribute values and spreads;
 * - `javascript:` / `data:` / `vbscript:` links;
 * - images written as Markdown (`![…](…)`) or `<img>`: a photo is a <Figure>, which the site
 *   encodes, sizes and captions; anything else would show a broken or foreign picture.
 */
import type { Program } from 'estree';
import type { Nodes } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { COMPONENT_NAMES, isComponentName } from '../components.ts';
import type { Diagnostic } from '../diagnostic.ts';
import { nearest } from '../nearest.ts';
import { isPhotoFile } from '../photos.ts';
import { reporter, type FeatureText, type Report } from './feature.ts';

/** Plain HTML an editor may need inside text; nothing that loads, embeds or runs anything. */
const SAFE_HTML = new Set([
  'br',
  'sup',
  'sub',
  'ruby',
  'rt',
  'rp',
  'abbr',
  'small',
  'mark',
  'del',
  'ins',
  'u',
  's',
  'strong',
  'em',
  'b',
  'i',
  'span',
  'cite',
  'q',
]);
const UNSAFE_URL = /^\s*(?:javascript|vbscript|data):/i;

/** `folder` joined with a relative `path`, `.` and `..` resolved: join('a/b', '../c') → 'a/c'. */
function join(folder: string, path: string): string {
  const parts: string[] = [];
  for (const part of `${folder}/${path}`.replaceAll('\\', '/').split('/')) {
    if (part === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/** May a feature import this? Only an image in its own folder, or a site MDX component. */
export function isAllowedImport(specifier: string, featureFolder: string): boolean {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return false;
  const resolved = join(featureFolder, specifier);
  const folder = join(featureFolder, '.');
  if (isPhotoFile(specifier) && resolved.startsWith(`${folder}/`) && !resolved.slice(folder.length + 1).includes('/'))
    return true;
  return (
    /(?:^|\/)src\/components\/mdx\/[A-Z][A-Za-z]*\.astro$/.test(resolved) &&
    COMPONENT_NAMES.some((c) => resolved.endsWith(`/${c}.astro`))
  );
}

function checkEsm(
  program: Program | undefined,
  value: string,
  feature: FeatureText,
  at: Parameters<Report>[0],
  report: Report,
): void {
  for (const statement of program?.body ?? []) {
    if (statement.type === 'ImportDeclaration') {
      const specifier = String(statement.source.value);
      if (!isAllowedImport(specifier, feature.file.replace(/\/[^/]*$/, ''))) {
        report(
          at,
          'mdx-import',
          `不允许导入“${specifier}”：稿件只能使用网站自带的组件（${COMPONENT_NAMES.join('、')}，无需 import）和本文件夹里的照片。请删去这一行`,
          `import of "${specifier}" is not allowed: features use the site's components (no import needed) and their own photos only; delete this line`,
        );
      }
    } else if (statement.type.startsWith('Export')) {
      report(
        at,
        'mdx-export',
        '稿件里不能写 export：它会在构建时执行代码。请删去这一行',
        '`export` is not allowed in a feature: it runs code at build time; delete it',
      );
    } else {
      report(
        at,
        'mdx-code',
        '稿件里不能写代码语句。请删去这一行',
        'code statements are not allowed in a feature; delete this line',
      );
    }
  }
  if (!program && value.trim())
    report(
      at,
      'mdx-code',
      '稿件里不能写 import/export 代码。请删去这一行',
      'import/export code is not allowed in a feature; delete this line',
    );
}

function checkElement(node: MdxJsxFlowElement | MdxJsxTextElement, report: Report): void {
  const name = node.name;
  if (name === null) {
    report(node, 'mdx-fragment', '不能使用 <> </> 片段。请删去', 'fragments (<> </>) are not allowed; remove them');
  } else if (/^[A-Z]/.test(name) || name.includes('.')) {
    if (!isComponentName(name)) {
      const near = nearest(name, COMPONENT_NAMES);
      report(
        node,
        'mdx-component',
        `没有名为 <${name}> 的组件${near.length ? `，是不是 <${near.join('>、<')}>？` : '。'}可用的组件：${COMPONENT_NAMES.join('、')}（见编辑指南，注意大小写）`,
        `there is no component <${name}>${near.length ? `; did you mean <${near.join('>, <')}>?` : ''} Use one of ${COMPONENT_NAMES.join(', ')}`,
      );
    }
  } else if (name.toLowerCase() === 'img') {
    const src = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'src')?.value;
    photoSyntax(node, typeof src === 'string' ? src : undefined, { zh: '<img>', en: '<img>' }, report);
  } else if (!SAFE_HTML.has(name.toLowerCase())) {
    // <figure> for <Figure>: a site component written in lower case.
    const near = nearest(name, COMPONENT_NAMES);
    report(
      node,
      'mdx-html',
      `不允许使用 <${name}> 标签：稿件中不能嵌入脚本、样式、框架或表单。${near.length ? `组件名要大写开头：是不是 <${near.join('>、<')}>？` : '请删去，图片请用 <Figure>'}`,
      `<${name}> is not allowed in a feature (no scripts, styles, frames or forms)${near.length ? `; did you mean <${near.join('>, <')}>?` : '; remove it, use <Figure> for photos'}`,
    );
  }
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(
        node,
        'mdx-attribute',
        `<${name ?? ''}> 上不能写 {…} 展开属性。请改成 名称="文字"`,
        `spread attributes {…} are not allowed on <${name ?? ''}>; write name="text"`,
      );
      continue;
    }
    if (/^on/i.test(attribute.name)) {
      report(
        node,
        'mdx-event-handler',
        `<${name ?? ''}> 上不能写 ${attribute.name}：事件处理会在读者浏览器中执行代码。请删去`,
        `${attribute.name} on <${name ?? ''}> is not allowed: event handlers run code in readers' browsers; remove it`,
      );
    } else if (attribute.value && typeof attribute.value === 'object') {
      report(
        node,
        'mdx-attribute',
        `<${name ?? ''}> 的 ${attribute.name} 只能写成 ${attribute.name}="文字"，不能用 {…}`,
        `${attribute.name} on <${name ?? ''}> must be a quoted string, not {…}`,
      );
    } else if (typeof attribute.value === 'string' && UNSAFE_URL.test(attribute.value)) {
      report(
        node,
        'mdx-url',
        `${attribute.name} 不能是 javascript:/data: 地址`,
        `${attribute.name} must not be a javascript:/data: URL`,
      );
    }
  }
}

/** A picture written as Markdown or <img>: the Figure to write instead. */
function photoSyntax(
  node: Parameters<Report>[0],
  src: string | undefined,
  written: { zh: string; en: string },
  report: Report,
): void {
  const local = src?.startsWith('./') ?? false;
  const figure = `<Figure src="${local ? src : './photo-2.jpg'}" alt="…" caption="…" />`;
  report(
    node,
    'photo-syntax',
    `照片要写成 ${figure}，不能用 ${written.zh}${local ? '' : '；照片文件要放进稿件文件夹，网站不显示外站的图片'}`,
    `write photos as ${figure}, not ${written.en}${local ? '' : '; put the photo file beside index.mdx: the site shows no images from elsewhere'}`,
  );
}

export function guardMdx(feature: FeatureText): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = reporter(feature, diagnostics);
  if (!feature.tree) return diagnostics;
  visit(feature.tree, (node: Nodes) => {
    switch (node.type) {
      case 'mdxjsEsm':
        checkEsm(node.data?.estree as Program | undefined, node.value, feature, node, report);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const program = node.data?.estree as Program | undefined;
        if (!program || program.body.length > 0) {
          report(
            node,
            'mdx-expression',
            `不能写 {…} 表达式（“{${node.value.trim().slice(0, 30)}}”）：它会在构建时执行代码。若要显示花括号，请写 \\{ 和 \\}`,
            'expressions {…} are not allowed: they run code at build time; to show a brace write \\{ or \\}',
          );
        }
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, report);
        break;
      case 'link':
      case 'definition':
        if (UNSAFE_URL.test(node.url))
          report(node, 'mdx-url', '链接不能是 javascript:/data: 地址', 'links must not be javascript:/data: URLs');
        break;
      case 'image':
        if (UNSAFE_URL.test(node.url))
          report(node, 'mdx-url', '链接不能是 javascript:/data: 地址', 'links must not be javascript:/data: URLs');
        else photoSyntax(node, node.url, { zh: 'Markdown 图片 ![…](…)', en: 'Markdown image syntax ![…](…)' }, report);
        break;
      case 'imageReference':
        photoSyntax(node, undefined, { zh: 'Markdown 图片 ![…][…]', en: 'Markdown image syntax ![…][…]' }, report);
        break;
      case 'html':
        report(
          node,
          'mdx-html',
          '不能写 HTML 注释或原始 HTML。注释请写成 {/* … */}',
          'raw HTML is not allowed; write comments as {/* … */}',
        );
        break;
      default:
        break;
    }
  });
  return diagnostics;
}
