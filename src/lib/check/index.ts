/**
 * `npm run check`, the content-check integration and the tests all run this: every feature
 * under content/features, checked for what the schema cannot see.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SLUG_PATTERN } from '../import/index.ts';
import { checkDate, checkFigures, checkPunctuation } from './content-checks.ts';
import type { Diagnostic } from './diagnostic.ts';
import { frontmatterLine, readFeatureSource, type FeatureSource } from './feature-source.ts';
import { checkImages } from './images.ts';
import { guardMdx } from './mdx-guard.ts';

export type { Diagnostic } from './diagnostic.ts';
export { formatDiagnostic, summarize } from './diagnostic.ts';

export function readFeatures(featuresDir: string, cwd = process.cwd()): FeatureSource[] {
  if (!existsSync(featuresDir)) return [];
  return readdirSync(featuresDir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && !entry.name.startsWith('.') && existsSync(join(featuresDir, entry.name, 'index.mdx')),
    )
    .map((entry) => {
      const folder = join(featuresDir, entry.name);
      const file = join(folder, 'index.mdx');
      return readFeatureSource(relative(cwd, file) || file, folder, entry.name, readFileSync(file, 'utf8'));
    });
}

/** Checks that look across features: slugs and titles must be unique. */
export function checkCollection(features: readonly FeatureSource[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const slugs = new Map<string, FeatureSource>();
  const titles = new Map<string, FeatureSource>();
  for (const feature of features) {
    if (!SLUG_PATTERN.test(feature.slug)) {
      out.push({
        file: feature.file,
        line: 1,
        severity: 'error',
        code: 'slug',
        zh: `文件夹名“${feature.slug}”不能用作网址：只用小写拼音、数字和连字符，如 jiulong`,
        en: `folder name "${feature.slug}" is not a valid slug: use lowercase letters, digits and hyphens`,
      });
    }
    const key = feature.slug.toLowerCase();
    const other = slugs.get(key);
    if (other)
      out.push({
        file: feature.file,
        line: 1,
        severity: 'error',
        code: 'slug-duplicate',
        zh: `文件夹名与 ${other.file} 只差大小写，网址会冲突。请改名`,
        en: `folder name differs from ${other.file} only in case; the URLs clash; rename one`,
      });
    slugs.set(key, feature);
    const title = feature.data['title'];
    if (typeof title === 'string' && title.trim()) {
      const t = title.replace(/\s/g, '');
      const same = titles.get(t);
      if (same)
        out.push({
          file: feature.file,
          line: frontmatterLine(feature, ['title']),
          severity: 'error',
          code: 'title-duplicate',
          zh: `标题与 ${same.file} 相同：“${title}”。两篇稿件标题相同，读者无法区分，请修改其一`,
          en: `same title as ${same.file}; readers cannot tell them apart; change one`,
        });
      titles.set(t, feature);
    }
  }
  return out;
}

export async function checkFeature(feature: FeatureSource): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  if (feature.frontmatterError) {
    out.push({
      file: feature.file,
      line: feature.frontmatterError.line,
      severity: 'error',
      code: 'frontmatter',
      zh: `文件开头 --- 之间的设置格式有误：${feature.frontmatterError.reason}。请对照编辑指南检查冒号、缩进和引号`,
      en: `the frontmatter is not valid YAML: ${feature.frontmatterError.reason}`,
    });
  }
  if (feature.parseError) {
    out.push({
      file: feature.file,
      line: feature.parseError.line,
      ...(feature.parseError.column ? { column: feature.parseError.column } : {}),
      severity: 'error',
      code: 'mdx-syntax',
      zh: `正文不是有效的 MDX：${feature.parseError.reason}。常见原因：标签没有闭合，或正文里有未转义的 < { }（写成 \\< \\{ \\}）`,
      en: `the body is not valid MDX: ${feature.parseError.reason}`,
    });
  }
  out.push(
    ...guardMdx(feature),
    ...checkFigures(feature),
    ...checkPunctuation(feature),
    ...checkDate(feature),
    ...(await checkImages(feature)),
  );
  return out;
}

export async function checkContent(featuresDir: string, cwd = process.cwd()): Promise<Diagnostic[]> {
  const features = readFeatures(featuresDir, cwd);
  const out = checkCollection(features);
  for (const feature of features) out.push(...(await checkFeature(feature)));
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
