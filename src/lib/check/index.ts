/**
 * `npm run check`, the content-check integration (at the start of every build) and the tests
 * all run this: every feature under content/features, and the districts and topics they point
 * to, checked in one run — the content contract (src/lib/content/schema.ts) in-process, the
 * references, the MDX, the photos — each finding at its file and line, sorted.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { SLUG_PATTERN } from '../import/index.ts';
import { CheckCache, featureKey, type CheckedFeature } from './cache.ts';
import { checkComponentProps } from './components.ts';
import { checkBody, checkDate, checkFigures } from './content-checks.ts';
import type { Diagnostic } from './diagnostic.ts';
import { checkEncoding } from './encoding.ts';
import { frontmatterLine, readFeatureSource, type FeatureSource, type ReadOptions } from './feature-source.ts';
import { checkFrontmatter, contentSchema, type ContentSchema } from './frontmatter-checks.ts';
import { checkImages } from './images.ts';
import { guardMdx } from './mdx-guard.ts';
import { mdxSyntaxError } from './mdx-syntax.ts';
import { checkPunctuation } from './punctuation.ts';
import { readTaxonomy } from './taxonomy.ts';

export type { Diagnostic } from './diagnostic.ts';
export { formatDiagnostic, summarize } from './diagnostic.ts';

/** The feature folders under `featuresDir`: those with an index.mdx, not the importer's dot-folders. */
function featureFolders(featuresDir: string): string[] {
  if (!existsSync(featuresDir)) return [];
  return readdirSync(featuresDir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && !entry.name.startsWith('.') && existsSync(join(featuresDir, entry.name, 'index.mdx')),
    )
    .map((entry) => entry.name);
}

export function readFeatures(featuresDir: string, cwd = process.cwd(), options: ReadOptions = {}): FeatureSource[] {
  return featureFolders(featuresDir).map((slug) => {
    const folder = join(featuresDir, slug);
    const file = join(folder, 'index.mdx');
    return readFeatureSource(relative(cwd, file) || file, folder, slug, readFileSync(file), options);
  });
}

/** Checks that look across features: slugs and titles must be unique. */
export function checkCollection(features: readonly Omit<CheckedFeature, 'diagnostics'>[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const slugs = new Map<string, { file: string }>();
  const titles = new Map<string, { file: string }>();
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
    const title = feature.title;
    if (title?.trim()) {
      const t = title.replace(/\s/g, '');
      const same = titles.get(t);
      if (same)
        out.push({
          file: feature.file,
          line: feature.titleLine,
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

export async function checkFeature(feature: FeatureSource, schema: ContentSchema): Promise<Diagnostic[]> {
  const out: Diagnostic[] = checkFrontmatter(feature, schema);
  // Without its --- lines the frontmatter reads as body text: anything found there follows from that.
  if (!feature.frontmatter.found) return [...checkEncoding(feature.file, feature.bytes, feature), ...out];
  const syntax = mdxSyntaxError(feature);
  if (syntax) out.push(syntax);
  out.push(
    ...guardMdx(feature),
    ...checkComponentProps(feature),
    ...checkFigures(feature),
    ...checkBody(feature),
    ...checkPunctuation(feature),
    ...checkDate(feature),
    ...(await checkImages(feature)),
  );
  // A line with bytes that are not UTF-8 gets that one message: the rest is what the garbled text caused.
  const bad = new Set(feature.badLines);
  return [...checkEncoding(feature.file, feature.bytes, feature), ...out.filter((d) => !bad.has(d.line))];
}

export interface CheckOptions {
  /** A file to keep results in between runs (src/lib/check/cache.ts); without it every feature is checked. */
  cacheFile?: string;
}

export async function checkContent(
  featuresDir: string,
  cwd = process.cwd(),
  { cacheFile }: CheckOptions = {},
): Promise<Diagnostic[]> {
  // districts.yaml and topics.yaml sit beside the features folder (content/).
  const { taxonomy, diagnostics: taxonomyDiagnostics } = readTaxonomy(dirname(featuresDir), cwd);
  const schema = contentSchema(taxonomy);
  // Whether a feature's district and tags are valid depends on the lists: a change to them re-checks every feature.
  const cache = new CheckCache(cacheFile, JSON.stringify(taxonomy));
  const checked: CheckedFeature[] = [];
  for (const slug of featureFolders(featuresDir)) {
    const folder = join(featuresDir, slug);
    const path = join(folder, 'index.mdx');
    const file = relative(cwd, path) || path;
    const bytes = readFileSync(path);
    const key = featureKey(file, folder, bytes);
    const saved = cache.get(folder, key);
    if (saved) {
      checked.push(saved);
      continue;
    }
    const feature = readFeatureSource(file, folder, slug, bytes);
    const title = feature.data['title'];
    const result: CheckedFeature = {
      file,
      slug,
      title: typeof title === 'string' ? title : undefined,
      titleLine: frontmatterLine(feature, ['title']),
      diagnostics: await checkFeature(feature, schema),
    };
    cache.set(folder, key, result);
    checked.push(result);
  }
  cache.save();
  const out = [
    ...taxonomyDiagnostics,
    ...checkCollection(checked),
    ...checked.flatMap((feature) => feature.diagnostics),
  ];
  return sortDiagnostics(out);
}

/** By file, then line, then column: the order an editor works through them. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0),
  );
}
