/**
 * Issue 20: a build skips what did not change — Astro restores pages by their cacheKey, the
 * features loader keeps entries by digest, the search index is updated from the cache and
 * reads back only pages whose signature changed. Skipping must never leave anything stale.
 *
 * A scratch project (a copy of src/ and content/, so code can change too) is built once, then
 * each kind of input is changed in turn and the site built again from the caches: a
 * feature's text, a photo, a topic's name, a district's name, a component, a style, the
 * config, SITE_URL, the lockfile. After each, the pages that differ from the build before (bench/equivalence.ts)
 * must be the ones that should change — all that must, and none that may not — and the
 * build must equal a fresh build of the same inputs (no Astro cache, no content store, no
 * search index kept; only the photo copies, named by content, are reused), page for page
 * and word for word in the search index.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editedFeature } from '../../bench/build.ts';
import { compareSites } from '../../bench/equivalence.ts';
import { scaffoldSiteProject } from '../../bench/lib/site-project.ts';
import { runNode, tail } from '../support/child-process.ts';
import { indexContents, indexDifferences } from '../support/index-contents.ts';
import { repo } from '../support/site.ts';

/** Each step builds twice (from the caches, and fresh): 10–20 s each on two cores. */
const TIMEOUT = 5 * 60_000;
/** The project's config with the caches moved, for the fresh builds. */
const FRESH_CONFIG = 'astro.fresh.config.mjs';

let project = '';
let build = 0;
let previous = '';

/** Files of a built site, relative, with forward slashes (pages, feeds, sitemaps). */
function pages(site: string): string[] {
  return readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:html|xml)$/u.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name).slice(site.length + 1))
    .filter((file) => !file.startsWith('pagefind'))
    .sort();
}

/** `astro build` of `folder` into a new output folder; returns it and the log. */
async function astroBuild(
  folder: string,
  env: Record<string, string>,
  config = 'astro.config.mjs',
): Promise<{ out: string; log: string }> {
  const out = join(project, `out-${build++}`);
  const astro = join(repo, 'node_modules/astro/bin/astro.mjs');
  const result = await runNode([astro, 'build', '--config', config, '--outDir', out], folder, env);
  expect(result.status, tail(result.output)).toBe(0);
  return { out, log: result.output };
}

/**
 * The same inputs built fresh: the project's own files (the same paths, so the same scoping
 * ids), through a config that only moves the caches — none kept but the photo copies.
 */
async function freshBuild(env: Record<string, string>): Promise<string> {
  const caches = join(project, '.cache-fresh');
  for (const name of existsSync(join(caches, 'astro')) ? readdirSync(join(caches, 'astro')) : []) {
    if (name !== 'zhuanban-photos') rmSync(join(caches, 'astro', name), { recursive: true, force: true });
  }
  rmSync(join(caches, 'vite'), { recursive: true, force: true });
  return (await astroBuild(project, env, FRESH_CONFIG)).out;
}

function scaffold(folder: string): void {
  scaffoldSiteProject(folder, {
    name: 'zhuanban-incremental-inputs',
    generatedBy: 'tests/build/incremental-inputs.test.ts',
  });
  // Its own copy of the site's code, and its own lockfile: both are inputs a step changes.
  cpSync(join(repo, 'src'), join(folder, 'src'), { recursive: true });
  cpSync(join(repo, 'package-lock.json'), join(folder, 'package-lock.json'));
  const config = readFileSync(join(folder, 'astro.config.mjs'), 'utf8');
  writeFileSync(
    join(folder, 'astro.config.mjs'),
    config.replace(/srcDir: "[^"]*"/u, `srcDir: ${JSON.stringify(join(folder, 'src'))}`),
  );
  rmSync(join(folder, 'content'), { recursive: true, force: true });
  cpSync(join(repo, 'content'), join(folder, 'content'), { recursive: true });
  writeFileSync(
    join(folder, FRESH_CONFIG),
    `import config from './astro.config.mjs';\n\nexport default { ...config, cacheDir: './.cache-fresh/astro', vite: { ...config.vite, cacheDir: './.cache-fresh/vite' } };\n`,
  );
  // The seven features' photo copies, named by content, as the site's own build left them.
  const copies = join(repo, 'node_modules', '.astro', 'zhuanban-photos');
  for (const cache of ['.cache', '.cache-fresh']) {
    mkdirSync(join(folder, cache, 'astro'), { recursive: true });
    if (existsSync(copies)) cpSync(copies, join(folder, cache, 'astro', 'zhuanban-photos'), { recursive: true });
  }
}

beforeAll(async () => {
  mkdirSync(join(repo, 'test-results'), { recursive: true });
  project = mkdtempSync(join(repo, 'test-results', 'incremental-inputs-'));
  scaffold(project);
  previous = (await astroBuild(project, {})).out;
}, TIMEOUT);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

/** Published features with their tags and the photos their figures show (not the cover). */
function features(): { slug: string; tags: string[]; figures: string[]; cover: string }[] {
  const dir = join(project, 'content', 'features');
  return readdirSync(dir)
    .filter((slug) => existsSync(join(dir, slug, 'index.mdx')))
    .map((slug) => {
      const mdx = readFileSync(join(dir, slug, 'index.mdx'), 'utf8');
      const cover = /^\s+src: (\S+)$/mu.exec(mdx)?.[1] ?? '';
      const tags = (/^tags: \[(.*)\]$/mu.exec(mdx)?.[1] ?? '').split(/,\s*/u).filter(Boolean);
      const figures = [...mdx.matchAll(/<Figure[^>]*\bsrc="(\.\/[^"]+)"/gu)]
        .map((m) => m[1]!)
        .filter((src) => src !== cover);
      return { slug, tags, figures, cover };
    });
}

const featurePage = (slug: string) => `features/${slug}/index.html`;

interface Step {
  name: string;
  /** Change the input; returns the pages that must change, and those that may. */
  change: () => Promise<{ must: string[]; may: string[] }> | { must: string[]; may: string[] };
  env?: Record<string, string>;
}

/** Feeds (the site's and the districts') that carry the feature. */
const feedsWith = (site: string, slug: string) =>
  pages(site).filter(
    (file) => file.endsWith('rss.xml') && readFileSync(join(site, file), 'utf8').includes(`/features/${slug}/`),
  );

const steps: Step[] = [
  {
    name: "a feature's text",
    change: () => {
      const file = join(project, 'content/features/jiulong/index.mdx');
      writeFileSync(file, editedFeature(readFileSync(file, 'utf8')));
      const must = [featurePage('jiulong')];
      return { must, may: [...must, ...feedsWith(previous, 'jiulong')] };
    },
  },
  {
    name: 'a photo in a feature',
    change: async () => {
      const feature = features().find((candidate) => candidate.figures.length > 0)!;
      const file = join(project, 'content/features', feature.slug, feature.figures[0]!.slice(2));
      writeFileSync(file, await sharp(readFileSync(file)).flop().jpeg({ quality: 90 }).toBuffer());
      const must = [featurePage(feature.slug)];
      return { must, may: [...must, ...feedsWith(previous, feature.slug)] };
    },
  },
  {
    name: "a topic's name",
    change: () => {
      const tagged = features();
      const counts = new Map<string, number>();
      for (const feature of tagged) for (const tag of feature.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      const [topic] = [...counts].sort(([, a], [, b]) => a - b)[0]!;
      const file = join(project, 'content/topics.yaml');
      const yaml = readFileSync(file, 'utf8');
      const name = new RegExp(`(- id: ${topic}\\n\\s+name: )(.*)`, 'u').exec(yaml)![2]!;
      writeFileSync(file, yaml.replace(`id: ${topic}\n  name: ${name}`, `id: ${topic}\n  name: ${name}（新）`));
      const must = [
        `topics/${topic}/index.html`,
        ...tagged.filter((f) => f.tags.includes(topic)).map((f) => featurePage(f.slug)),
      ];
      // Wherever the name was printed: the topic's pages, its features, lists of topics, feeds.
      const may = pages(previous).filter((page) => readFileSync(join(previous, page), 'utf8').includes(name));
      return { must, may };
    },
  },
  {
    name: "a district's name",
    change: () => {
      const dir = join(project, 'content', 'features');
      const districtOf = (slug: string) =>
        /^district: (\S+)$/mu.exec(readFileSync(join(dir, slug, 'index.mdx'), 'utf8'))?.[1];
      const slugs = features().map((feature) => feature.slug);
      const counts = new Map<string, number>();
      for (const slug of slugs) counts.set(districtOf(slug)!, (counts.get(districtOf(slug)!) ?? 0) + 1);
      const [district] = [...counts].sort(([, a], [, b]) => a - b)[0]!;
      const file = join(project, 'content/districts.yaml');
      const yaml = readFileSync(file, 'utf8');
      const name = new RegExp(`- id: ${district}\\n\\s+name: (.*)`, 'u').exec(yaml)![1]!;
      writeFileSync(file, yaml.replace(`id: ${district}\n  name: ${name}`, `id: ${district}\n  name: ${name}（新）`));
      const must = [
        `districts/${district}/index.html`,
        ...slugs.filter((slug) => districtOf(slug) === district).map(featurePage),
      ];
      // Wherever the name was printed: the district's pages, its features, lists, feeds.
      const may = pages(previous).filter((page) => readFileSync(join(previous, page), 'utf8').includes(name));
      return { must, may };
    },
  },
  {
    name: 'a component',
    change: () => {
      const file = join(project, 'src/components/ReadingTime.astro');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('<span class="reading-time"', '<span class="reading-time" role="note"'),
      );
      const all = features().map((feature) => featurePage(feature.slug));
      return { must: all, may: all };
    },
  },
  {
    name: 'a style',
    change: () => {
      const file = join(project, 'src/styles/tokens.css');
      writeFileSync(file, readFileSync(file, 'utf8').replace('--color-rule: #d8cfbf;', '--color-rule: #d7cebe;'));
      const html = pages(previous).filter((page) => page.endsWith('.html'));
      // Every page that links the site's stylesheet; the desk (/admin/) has styles of its own.
      const styled = html.filter((page) =>
        /<link[^>]+rel="stylesheet"[^>]+_astro\//u.test(readFileSync(join(previous, page), 'utf8')),
      );
      return { must: styled, may: html };
    },
  },
  {
    name: 'the config',
    change: () => {
      const file = join(project, 'astro.config.mjs');
      writeFileSync(file, readFileSync(file, 'utf8').replace('  srcDir:', '  compressHTML: false,\n  srcDir:'));
      // Pages, and the feeds, which carry each feature's HTML.
      const html = pages(previous).filter((page) => page.endsWith('.html'));
      return { must: html, may: pages(previous) };
    },
  },
  {
    name: 'SITE_URL',
    env: { SITE_URL: 'https://news.example.cn/zhuanban/' },
    change: () => {
      const all = pages(previous).filter((page) => !page.endsWith('404.html'));
      return { must: all, may: pages(previous) };
    },
  },
  {
    name: 'a dependency in the lockfile',
    env: { SITE_URL: 'https://news.example.cn/zhuanban/' },
    change: () => {
      const file = join(project, 'package-lock.json');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          /("version": ")(\d+)/u,
          (_, head: string, major: string) => `${head}${Number(major) + 1}`,
        ),
      );
      // Every page is built again — Astro cannot know what a dependency changes — and here it changes none.
      return { must: [], may: [] };
    },
  },
];

describe('a build from the caches, after each kind of input changes', { concurrent: false }, () => {
  for (const step of steps) {
    it(
      `after ${step.name}: changes what it must and nothing else, and equals a fresh build`,
      async () => {
        const { must, may } = await step.change();
        const { out, log } = await astroBuild(project, step.env ?? {});
        const changed = compareSites(previous, out).differences.map((difference) => difference.file);
        // The next step starts from this build, whatever this one finds.
        rmSync(previous, { recursive: true, force: true });
        previous = out;
        const read = Number(/\((\d+) read back/u.exec(log)?.[1]);
        console.log(`${step.name}: ${changed.length} pages changed; search index: ${read} pages read back`);
        expect(
          changed.filter((file) => !may.includes(file)),
          'changed, but should not have',
        ).toEqual([]);
        expect(
          must.filter((file) => !changed.includes(file)),
          'should have changed, but did not',
        ).toEqual([]);
        const reference = await freshBuild(step.env ?? {});
        expect(compareSites(out, reference).differences).toEqual([]);
        expect(
          indexDifferences(indexContents(join(out, 'pagefind')), indexContents(join(reference, 'pagefind'))),
        ).toEqual([]);
        // Astro cannot know what a dependency changes: every page is built and read again.
        if (step.name.includes('lockfile'))
          expect(read).toBe(pages(out).filter((page) => page.endsWith('.html')).length);
        rmSync(reference, { recursive: true, force: true });
      },
      TIMEOUT,
    );
  }
});
