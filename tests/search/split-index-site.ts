/**
 * A copy of the built site whose search index is split into parts, as an archive of several
 * thousand features is (src/lib/search/index-plan.ts), so the browser tests can check that
 * searching the merged parts finds exactly what the one index finds.
 *
 *   node tests/search/split-index-site.ts <built site> <out dir> [pages per part, default 3]
 *
 * The seven seed features fit one index; here the real planner splits them with a limit of
 * three pages a part (three parts, by the hash of each feature's id), the feature pages and the
 * search page are given the parts that plan names — what the build writes for a larger
 * archive — and the real indexer and the build's verification run over the copy.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSearchIndex } from '../../src/integrations/pagefind.ts';
import { verifyDist } from '../../src/lib/build/verify-dist.ts';
import { planSearchIndexes } from '../../src/lib/search/index-plan.ts';

export async function splitIndexSite(site: string, out: string, pagesPerPart: number): Promise<string[]> {
  rmSync(out, { recursive: true, force: true });
  cpSync(site, out, { recursive: true, filter: (source) => !/[/\\]pagefind(?:-[0-9]+)?$/u.test(source) });
  const featuresDir = path.join(out, 'features');
  const pages = readdirSync(featuresDir).map((slug) => {
    const file = path.join(featuresDir, slug, 'index.html');
    return { id: slug, slug, file, html: readFileSync(file, 'utf8') };
  });
  const parts = planSearchIndexes(pages, pagesPerPart, pagesPerPart);
  for (const { dir, features } of parts) {
    for (const page of features) {
      writeFileSync(page.file, page.html.replace(/data-search-index="[^"]*"/u, `data-search-index="${dir}"`));
    }
  }
  const searchPage = path.join(out, 'search', 'index.html');
  const declared = parts.map((part) => `${part.dir}:${part.features.length}`);
  writeFileSync(
    searchPage,
    readFileSync(searchPage, 'utf8').replace(
      /data-search-indexes="[^"]*"/u,
      `data-search-indexes="${declared.join(' ')}"`,
    ),
  );
  const { parts: written } = await buildSearchIndex(out);
  const problems = verifyDist(
    out,
    pages.map(({ slug }) => ({ slug, draft: false })),
  ).filter((problem) => problem.severity === 'error');
  if (problems.length > 0) throw new Error(problems.map((problem) => problem.en).join('\n'));
  return written.map((part) => `${part.dir}/ (${part.pageCount})`);
}

if (import.meta.main) {
  const [site = 'dist', out = 'test-results/split-index-site', pagesPerPart = '3'] = process.argv.slice(2);
  const written = await splitIndexSite(path.resolve(site), path.resolve(out), Number(pagesPerPart));
  console.log(`split-index-site: ${out} indexed as ${written.join(', ')}`);
}
