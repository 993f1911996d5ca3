/**
 * Check = build, as a property. For a seeded random sample of the mutation table (every
 * frontmatter field × every edit, the body, photos and whole files, character edits: tests/editors/)
 * and of the mistakes that show on a page (pictures, links and anchors, headings of every level,
 * every component inside every other, empty components, damaged photos: page-mutations.ts), the
 * verdict of `npm run check`'s code on the changed content must be the verdict of building it:
 *
 * - the check rejects it: it has an error;
 * - the build rejects it: the features loader refuses it (its message must be the check's own,
 *   every line `file:line: 错误 error […]`), rendering its body with the site's real components
 *   throws (Astro's container API), or the rendered body is not a sound page — what a reader
 *   would meet broken: a second h1 or a gap in the outline, a picture that is not one of the
 *   site's photos, a link or #anchor to nothing, an empty box, a photo in a quote, a box in a
 *   paragraph, text that vanished, a photo that does not decode to its last pixel.
 *
 * The page's soundness is judged here, from the rendered HTML, apart from the rules: a rule
 * missing from the contract lets a broken page through the check and the loader alike, and
 * this test sees the page. `npm run check` and `npm run build` themselves run a sample of the
 * same table (tests/editors/check-cli.test.ts, tests/build/editor-mutations.test.ts).
 *
 * CHECK_BUILD_SEED draws another sample.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { z } from 'astro/zod';
import { parse, type HTMLElement } from 'node-html-parser';
import remarkGfm from 'remark-gfm';
import sharp from 'sharp';
import { visit } from 'unist-util-visit';
import { afterAll, expect, it } from 'vitest';
import FeatureBody from '../../src/components/FeatureBody.astro';
import { formatDiagnostic, type Diagnostic } from '../../src/lib/content/diagnostic.ts';
import { photoPath } from '../../src/lib/content/fields.ts';
import { featureSchema, FIELDS } from '../../src/lib/content/schema.ts';
import { sitePages } from '../../src/lib/content/site-pages.ts';
import { featureContentOf } from '../../src/lib/features/content.ts';
import { featuresLoader } from '../../src/lib/features/loader.ts';
import type { FeatureContent } from '../../src/lib/features/tree.ts';
import { bodyMutations, photoVariants } from '../editors/body-mutations.ts';
import { messageProblems, Workspace } from '../editors/harness.ts';
import { drawMutations, fixtures } from '../editors/mutation-run.ts';
import type { Mutation } from '../editors/mutations.ts';
import { loaderContext } from '../support/loader-context.ts';
import { letters } from '../support/site.ts';

const SEED = Number(process.env['CHECK_BUILD_SEED'] ?? 1818);
/** Drawn from the mutation table, and from the page's mistakes: about a minute and a half together. */
const FROM_TABLE = 120;
const FROM_PAGE = 80;

// ── The build's side: the features loader over the workspace, its stored body rendered ──────

const container = await AstroContainer.create();
/** The collection's schema as src/content.config.ts gives it, references as plain ids. */
const schema = featureSchema({ photo: photoPath(FIELDS.coverSrc), district: z.string(), topic: z.string() });

function loaderFor(root: string) {
  const { context, entries } = loaderContext(root, {
    parseData: ({ id, data }) => {
      const result = schema.safeParse(data);
      // Astro stops the build on an entry its schema refuses.
      if (!result.success) throw new Error(`${id}: data does not match collection schema`);
      return Promise.resolve(result.data);
    },
  });
  const loader = featuresLoader({ base: 'content/features' });
  return {
    load: () => loader.load(context),
    content: (slug: string): FeatureContent | undefined => featureContentOf(entries.get(slug)?.rendered?.metadata),
  };
}

const request = (slug: string) => new Request(`https://zhuanban.example.cn/features/${slug}/`);
const render = async (slug: string, content: FeatureContent) =>
  parse(
    await container.renderToString(FeatureBody, {
      props: { nodes: content.body, photos: content.photos },
      request: request(slug),
    }),
  );

// ── What a sound page is, read from the rendered body ───────────────────────────────────────

const decoded = new Map<string, boolean>();
/** Does the photo file decode to its last pixel, as the build's photo step reads it? */
async function decodes(path: string): Promise<boolean> {
  const { size, mtimeMs } = statSync(path);
  const key = `${path}\0${size}\0${mtimeMs}`;
  if (!decoded.has(key))
    decoded.set(
      key,
      await sharp(path)
        .raw()
        .toBuffer()
        .then(
          () => true,
          () => false,
        ),
    );
  return decoded.get(key)!;
}

/** The Han text of every text node of an MDX body, as MDX itself reads it (with GFM's tables and the like). */
function writtenText(source: string): string[] {
  const body = source.replace(/^\uFEFF?\s*---[\s\S]*?\n---/, '');
  const texts: string[] = [];
  try {
    visit(createProcessor({ remarkPlugins: [remarkGfm] }).parse(body), 'text', (node) => {
      if (/\p{Script=Han}/u.test(node.value)) texts.push(letters(node.value));
    });
  } catch {
    // Not MDX: the loader refuses it before anything renders.
  }
  return texts;
}

interface SiteFacts {
  pages: ReadonlySet<string>;
  /** The ids in each published feature's rendered body. */
  ids: (slug: string) => Promise<ReadonlySet<string>>;
}

const BOXES = '.pull-quote, .info-box, .editor-note, figure.figure, .gallery';
const BLOCK_COMPONENTS = 'figure.figure, .gallery, .editor-note, .info-box, figure.pull-quote';

/** What a reader would find broken in a rendered body, in words; none for a sound page. */
async function pageProblems(
  page: HTMLElement,
  slug: string,
  folder: string,
  content: FeatureContent,
  source: string,
  site: SiteFacts,
): Promise<string[]> {
  const problems: string[] = [];
  const all = (selector: string) => page.querySelectorAll(selector);
  if (all('h1').length) problems.push('a second h1: the page has its own');
  let level = 1;
  for (const heading of all('h2, h3, h4, h5, h6')) {
    const depth = Number(heading.tagName.slice(1));
    if (depth > level + 1) problems.push(`<${heading.tagName.toLowerCase()}> after h${level}: a gap in the outline`);
    level = depth;
  }
  for (const img of all('img')) {
    const src = img.getAttribute('src') ?? '';
    if (!img.closest('picture') || !src.startsWith('/_astro/'))
      problems.push(`a picture that is not a site photo: ${src}`);
  }
  const ids = new Set(all('[id]').map((element) => element.id));
  for (const a of all('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue;
    const url = new URL(href, `https://site.invalid/features/${slug}/`);
    const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : undefined;
    if (!site.pages.has(url.pathname)) {
      problems.push(`a link to no page: ${href}`);
      continue;
    }
    const target = url.pathname === `/features/${slug}/` ? ids : /^\/features\/([^/]+)\/$/.exec(url.pathname)?.[1];
    const known = typeof target === 'string' ? await site.ids(target) : target;
    if (fragment !== undefined && known && !known.has(fragment)) problems.push(`an anchor to nothing: ${href}`);
  }
  for (const gallery of all('.gallery'))
    if (!gallery.querySelector('figure.figure')) problems.push('a Gallery with no photo');
  for (const box of all('.pull-quote-text, .info-box-body, .editor-note-body'))
    if (!letters(box.textContent)) problems.push(`an empty ${box.classNames}`);
  for (const gallery of all('.gallery'))
    if (gallery.children.some((child) => !child.matches('figure.figure, dialog')))
      problems.push('something other than photos in a Gallery');
  for (const box of all(BOXES)) {
    const inner = box
      .querySelectorAll(BLOCK_COMPONENTS)
      .filter((el) => !(box.matches('.gallery') && el.matches('figure.figure')));
    if (inner.length) problems.push(`${box.classNames} holds ${inner[0]!.classNames}`);
    if (box.querySelector('h2, h3, h4, h5, h6') && !box.matches('.editor-note'))
      problems.push(`a heading inside ${box.classNames}`);
    if (box.matches('.pull-quote') && box.querySelector('.pull-quote-text')?.querySelector('ul, ol, table, blockquote'))
      problems.push('a list or table in a quotation');
  }
  for (const block of all(BLOCK_COMPONENTS))
    if (block.closest('p, li, a, h2, h3, h4, h5, h6, blockquote')) problems.push(`${block.classNames} inside text`);
  const shown = letters(page.textContent);
  for (const text of writtenText(source)) if (!shown.includes(text)) problems.push(`text lost: ${text.slice(0, 20)}`);
  for (const src of Object.keys(content.photos))
    if (!(await decodes(join(folder, src.slice(2))))) problems.push(`${src} does not decode to its last pixel`);
  return problems;
}

// ── The sample, and the two verdicts ────────────────────────────────────────────────────────

const tableBody = bodyMutations(fixtures, await photoVariants());
const workspace = new Workspace();
afterAll(() => {
  workspace.dispose();
});

interface Case {
  mutation: Mutation;
  check: Diagnostic[];
  /** Why the build refused it: the loader's message, a render error, or the page's problems. */
  build: { by: 'loader' | 'render' | 'page'; why: string } | undefined;
}

it(
  `the check's verdict is the build's, over ${FROM_TABLE + FROM_PAGE} changes drawn (seed ${SEED})`,
  { timeout: 600_000 },
  async () => {
    const loader = loaderFor(workspace.root);
    await loader.load();
    const rendered = new Map<string, Set<string>>();
    const site: SiteFacts = {
      pages: pagesOf(),
      ids: async (slug) => {
        if (!rendered.has(slug)) {
          const content = loader.content(slug);
          rendered.set(
            slug,
            new Set(content ? (await render(slug, content)).querySelectorAll('[id]').map((e) => e.id) : []),
          );
        }
        return rendered.get(slug)!;
      },
    };

    const cases: Case[] = [];
    for (const mutation of drawMutations(SEED, tableBody, FROM_TABLE, FROM_PAGE)) {
      const feature = fixtures.find((f) => f.slug === mutation.slug)!;
      const restore = workspace.apply(mutation, feature);
      try {
        const check = await workspace.check();
        let build: Case['build'];
        try {
          await loader.load();
          const content = loader.content(mutation.slug);
          if (!content) throw new Error(`${mutation.slug}: not loaded`);
          let page: HTMLElement | undefined;
          try {
            page = await render(mutation.slug, content);
          } catch (error) {
            build = { by: 'render', why: error instanceof Error ? error.message : String(error) };
          }
          if (page) {
            const source = Buffer.from(mutation.source).toString('utf8');
            const problems = await pageProblems(
              page,
              mutation.slug,
              workspace.folder(mutation.slug),
              content,
              source,
              site,
            );
            if (problems.length) build = { by: 'page', why: problems.join('; ') };
          }
        } catch (error) {
          build = { by: 'loader', why: error instanceof Error ? error.message : String(error) };
        }
        cases.push({ mutation, check, build });
      } finally {
        restore();
      }
    }
    await loader.load();

    const rejected = (c: Case) => c.check.some((d) => d.severity === 'error');
    const disagree = cases
      .filter((c) => rejected(c) !== (c.build !== undefined))
      .map((c) =>
        rejected(c)
          ? `${c.mutation.id}: the check refused it (${c.check
              .filter((d) => d.severity === 'error')
              .map((d) => d.code)
              .join(', ')}), the build did not`
          : `${c.mutation.id}: the check passed it, the build refused it (${c.build!.by}): ${c.build!.why}`,
      );
    // Refused by both: every message names file:line, and the loader's are the check's own.
    const improper = cases.flatMap((c) => {
      if (!rejected(c) || !c.build) return [];
      const own = new Set(c.check.map(formatDiagnostic));
      const problems = c.check.flatMap((d) => messageProblems(d, c.mutation));
      if (c.build.by === 'loader') {
        const lines = c.build.why.split(/\n(?! {4})/);
        if (!lines.every((line) => own.has(line)))
          problems.push(`the loader said what the check did not: ${lines.filter((l) => !own.has(l)).join(' ‖ ')}`);
      }
      return problems.map((p) => `${c.mutation.id}: ${p}`);
    });
    const by = (kind: NonNullable<Case['build']>['by']) =>
      cases.filter((c) => rejected(c) && c.build?.by === kind).length;
    console.log(
      `check = build over ${cases.length} changes drawn (seed ${SEED}; ${FROM_TABLE} from the mutation table, ${FROM_PAGE} of the page's): ` +
        `${cases.length - disagree.length} agreed, ${disagree.length} disagreed; ` +
        `both refused ${cases.filter((c) => rejected(c) && c.build).length} (the loader with the check's own messages ${by('loader')}, rendering ${by('render')}, the page ${by('page')}), ` +
        `both accepted ${cases.filter((c) => !rejected(c) && !c.build).length}`,
    );
    expect(disagree).toEqual([]);
    expect(improper).toEqual([]);
    expect(cases.filter(rejected).length).toBeGreaterThan(0);
    expect(cases.filter((c) => !rejected(c)).length).toBeGreaterThan(0);
  },
);

/**
 * The pages of the real content: its seven features, their districts and topics (site-pages.ts
 * is held to the routes by tests/build/site-pages.test.ts). A case changes one feature's body or
 * fields; the links the page's cases write point at pages no field edit removes.
 */
function pagesOf(): Set<string> {
  const features = fixtures.map((f) => ({
    slug: f.slug,
    district: /^district: (\S+)$/m.exec(f.source)?.[1],
    tags: (/^tags: \[(.*)\]$/m.exec(f.source)?.[1] ?? '').split(',').map((t) => t.trim()),
  }));
  return sitePages(features, {
    districts: features.map((f) => f.district ?? ''),
    topics: features.flatMap((f) => f.tags),
  });
}
