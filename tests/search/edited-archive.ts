/**
 * An archive that has lived: the generated archive of archive-site.ts goes through a seeded
 * random sequence of builds, each editing, adding and removing features (a new article, a new
 * title, a year filter changed, a feature taken down), and each indexed by the real indexer
 * the way a site build indexes it — from the last build's index in the cache, reading only the
 * pages whose signature changed (index-build.ts). Beside it, the same final pages indexed anew
 * in one go. The search tests then ask both the same questions (edited-archive.spec.ts).
 *
 *   node tests/search/edited-archive.ts <built site> <out dir> [features] [builds] [seed]
 *
 * Writes <out>/incremental/ and <out>/fresh/, and <out>/ghosts.json: text that the archive
 * printed at some point and took back (old versions of edited features, removed features),
 * which must no longer be found where it is gone.
 */
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSearchIndex, htmlFiles, type SearchIndexResult } from '../../src/lib/search/index-build.ts';
import { seeded } from '../support/random.ts';
import { declareIndex, featureMaker, writeArchive, writeFeature } from './archive-site.ts';

export interface EditedArchive {
  incremental: string;
  fresh: string;
  /** The features of the final archive. */
  slugs: string[];
  /** Pages as they were before an edit or a removal: their text may be gone from the archive. */
  ghosts: string[];
  /** What each incremental build did. */
  builds: SearchIndexResult[];
}

/** Signatures as Astro's incremental build gives them: the same for a page that did not change. */
function signatures(site: string): Map<string, string> {
  return new Map(
    htmlFiles(site).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(path.join(site, file)))
        .digest('hex'),
    ]),
  );
}

export async function editedArchive(
  site: string,
  out: string,
  { features = 200, builds = 6, seed = 11 } = {},
): Promise<EditedArchive> {
  const random = seeded(seed);
  const incremental = path.join(out, 'incremental');
  const fresh = path.join(out, 'fresh');
  const cacheDir = path.join(out, 'cache');
  rmSync(out, { recursive: true, force: true });
  const slugs = writeArchive(site, incremental, features, random);
  const make = featureMaker(site, random);
  const ghosts: string[] = [];
  const file = (slug: string) => path.join(incremental, 'features', slug, 'index.html');
  // Every version of a feature prints a note of its own, so text taken back is found nowhere after.
  const chars = [...new Set(readFileSync(file(slugs[0]!), 'utf8').match(/\p{Script=Han}/gu) ?? [])];
  const noted = (html: string) => {
    const note = `<p>编辑部${Array.from({ length: 12 }, () => random.pick(chars)).join('')}。</p>`;
    return html.replace(/(<div class="feature-body[^"]*"[^>]*>)/u, `$1${note}`);
  };
  const version = (slug: string) => noted(make.page(slug, next + slugs.length));
  for (const slug of slugs) writeFeature(incremental, slug, noted(readFileSync(file(slug), 'utf8')));
  const results: SearchIndexResult[] = [await buildSearchIndex(incremental, { cacheDir })];
  let next = features;
  for (let build = 0; build < builds; build++) {
    for (let change = random.int(1, 8); change > 0; change--) {
      const kind = random.pick(['edit', 'edit', 'edit', 'add', 'remove', 'year'] as const);
      if (kind === 'add' || slugs.length === 0) {
        const slug = `archive-${String(next++).padStart(3, '0')}`;
        writeFeature(incremental, slug, version(slug));
        slugs.push(slug);
        continue;
      }
      const slug = random.pick(slugs);
      const old = readFileSync(file(slug), 'utf8');
      if (kind === 'remove') {
        ghosts.push(old);
        rmSync(path.dirname(file(slug)), { recursive: true });
        slugs.splice(slugs.indexOf(slug), 1);
      } else if (kind === 'year') {
        writeFeature(incremental, slug, make.otherYear(old));
      } else {
        ghosts.push(old);
        writeFeature(incremental, slug, version(slug));
      }
    }
    declareIndex(incremental, slugs.length);
    results.push(await buildSearchIndex(incremental, { cacheDir, signatures: signatures(incremental) }));
  }
  cpSync(incremental, fresh, { recursive: true, filter: (source) => !/[/\\]pagefind$/u.test(source) });
  await buildSearchIndex(fresh);
  writeFileSync(path.join(out, 'ghosts.json'), JSON.stringify(ghosts));
  return { incremental, fresh, slugs: slugs.sort(), ghosts, builds: results };
}

if (import.meta.main) {
  const [site = 'dist', out = 'test-results/edited-archive', features = '200', builds = '6', seed = '11'] =
    process.argv.slice(2);
  const started = performance.now();
  const archive = await editedArchive(path.resolve(site), path.resolve(out), {
    features: Number(features),
    builds: Number(builds),
    seed: Number(seed),
  });
  for (const [i, build] of archive.builds.entries()) {
    console.log(
      `build ${i}: ${build.pageCount} pages, ${build.read} read, ${build.indexed} indexed, ${build.removed} removed, ` +
        `${build.rewrittenChunks}/${build.chunks} chunks written`,
    );
  }
  console.log(
    `edited-archive: ${archive.slugs.length} features in ${out} (${readdirSync(out).join(', ')}), ` +
      `${Math.round(performance.now() - started)} ms`,
  );
}
