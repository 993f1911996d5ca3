/**
 * Runs mutations against a copy of the real content, through the code `npm run check` runs
 * (checkContent, with its cache, so each run re-checks only the changed feature), and judges
 * what the check said against contract.ts's verdict.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { formatDiagnostic, type Diagnostic } from '../../src/lib/content/diagnostic.ts';
import { checkContent } from '../../src/lib/check/index.ts';
import { readAsBuilt, verdictOf, type Lists, type PhotoFacts, type Verdict } from './contract.ts';
import type { FeatureFixture, Mutation } from './mutations.ts';

export const REPO = new URL('../../', import.meta.url).pathname;

async function photoFacts(folder: string): Promise<Map<string, PhotoFacts>> {
  const facts = new Map<string, PhotoFacts>();
  for (const name of readdirSync(folder).filter((n) => /\.(?:jpe?g|png|webp|avif)$/i.test(n))) {
    const path = join(folder, name);
    let width: number | undefined;
    let intact = false;
    try {
      width = (await sharp(path).metadata()).autoOrient.width;
      // Decoded to the last pixel, as the build's photo step reads it.
      intact = Boolean(await sharp(path).raw().toBuffer());
    } catch {
      intact = false;
    }
    facts.set(name, { width, intact, bytes: statSync(path).size });
  }
  return facts;
}

function lists(): Lists {
  const ids = (file: string) =>
    new Set([...readFileSync(join(REPO, 'content', file), 'utf8').matchAll(/^- id: (\S+)$/gm)].map((m) => m[1]!));
  return { districts: ids('districts.yaml'), topics: ids('topics.yaml') };
}

export interface Outcome {
  mutation: Mutation;
  verdict: Verdict;
  diagnostics: Diagnostic[];
  /** What is wrong with what the check said; empty when the mutation was caught properly. */
  problems: string[];
}

/** A copy of content/ in a temporary project, one mutation applied at a time. */
export class Workspace {
  readonly root: string;
  readonly featuresDir: string;
  private readonly cacheFile: string;
  private readonly lists = lists();
  private readonly before = new Map<string, Map<string, PhotoFacts>>();
  private readonly originals = new Map<string, ReturnType<typeof readAsBuilt>>();

  /** `root`: a project folder to copy content/ into (a scaffolded site project); a temporary one by default. */
  constructor(root = mkdtempSync(join(tmpdir(), 'zhuanban-mutations-'))) {
    this.root = root;
    this.featuresDir = join(root, 'content', 'features');
    this.cacheFile = join(root, '.cache', 'mutation-check.json');
    cpSync(join(REPO, 'content'), join(root, 'content'), { recursive: true });
  }

  folder(slug: string): string {
    return join(this.featuresDir, slug);
  }

  /** The check over the whole copy, as `npm run check` would run it. */
  check(): Promise<Diagnostic[]> {
    return checkContent(this.featuresDir, this.root, { cacheFile: this.cacheFile });
  }

  /** Writes the mutation into the copy; the function returned puts the feature back as it was. */
  apply(mutation: Mutation, feature: FeatureFixture): () => void {
    const folder = this.folder(mutation.slug);
    const saved = new Map<string, Buffer | null>();
    for (const name of Object.keys(mutation.files ?? {})) {
      try {
        saved.set(name, readFileSync(join(folder, name)));
      } catch {
        saved.set(name, null);
      }
    }
    const write = (files: Iterable<[string, Uint8Array | null]>) => {
      for (const [name, bytes] of files) {
        if (bytes === null) rmSync(join(folder, name), { force: true });
        else writeFileSync(join(folder, name), bytes);
      }
    };
    writeFileSync(join(folder, 'index.mdx'), mutation.source);
    write(Object.entries(mutation.files ?? {}));
    return () => {
      writeFileSync(join(folder, 'index.mdx'), feature.source);
      write(saved);
    };
  }

  /** The contract's verdict on a mutation applied (contract.ts); the mutation must be in place. */
  private async judgeApplied(mutation: Mutation, feature: FeatureFixture): Promise<Verdict> {
    const folder = this.folder(mutation.slug);
    if (!this.originals.has(mutation.slug)) this.originals.set(mutation.slug, readAsBuilt(feature.source));
    return verdictOf({
      original: this.originals.get(mutation.slug)!,
      changed: readAsBuilt(mutation.source),
      photosBefore: this.before.get(mutation.slug)!,
      photosAfter: mutation.files ? await photoFacts(folder) : this.before.get(mutation.slug)!,
      lists: this.lists,
      declared: mutation.declared,
    });
  }

  /** The contract's verdict alone, without running the check. */
  async verdict(mutation: Mutation, feature: FeatureFixture): Promise<Verdict> {
    if (!this.before.has(mutation.slug)) this.before.set(mutation.slug, await photoFacts(this.folder(mutation.slug)));
    const restore = this.apply(mutation, feature);
    try {
      return await this.judgeApplied(mutation, feature);
    } finally {
      restore();
    }
  }

  async run(mutation: Mutation, feature: FeatureFixture): Promise<Outcome> {
    if (!this.before.has(mutation.slug)) this.before.set(mutation.slug, await photoFacts(this.folder(mutation.slug)));
    const restore = this.apply(mutation, feature);
    try {
      const verdict = await this.judgeApplied(mutation, feature);
      const diagnostics = await this.check();
      return { mutation, verdict, diagnostics, problems: judge(mutation, verdict, diagnostics) };
    } finally {
      restore();
    }
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** What makes a message one an editor can act on, whatever it says. */
export function messageProblems(d: Diagnostic, mutation: Mutation): string[] {
  const problems: string[] = [];
  const file = `content/features/${mutation.slug}/index.mdx`;
  const text = formatDiagnostic(d);
  const lines =
    typeof mutation.source === 'string'
      ? mutation.source.split('\n').length
      : Buffer.from(mutation.source).toString('utf8').split('\n').length;
  // A duplicate title is reported on the other feature too, naming this one.
  if (d.file !== file && !text.includes(file)) problems.push(`names ${d.file}, not ${file}`);
  if (d.file === file && (!Number.isInteger(d.line) || d.line < 1 || d.line > lines + 1))
    problems.push(`line ${d.line} is not a line of the file (${lines})`);
  if (!/^[a-z][a-z-]*$/.test(d.code)) problems.push(`code "${d.code}"`);
  if (!/\p{Script=Han}/u.test(d.zh)) problems.push('no Chinese');
  if (!/[A-Za-z]{3,}/.test(d.en) || d.en === d.zh) problems.push('no English');
  if (/undefined|\[object Object\]|\bNaN\b/.test(text)) problems.push('says undefined/[object Object]/NaN');
  if (/\n\s+at .+:\d+:\d+|Error: /.test(text)) problems.push('has a stack trace or a raw error');
  return problems.map((p) => `${p}: ${text}`);
}

export function judge(mutation: Mutation, verdict: Verdict, diagnostics: readonly Diagnostic[]): string[] {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const problems = diagnostics.flatMap((d) => messageProblems(d, mutation));
  if (verdict === 'harmless' && diagnostics.length)
    problems.push(`harmless, yet the check said: ${diagnostics.map(formatDiagnostic).join(' ‖ ')}`);
  if (verdict === 'legit' && errors.length)
    problems.push(`legit, yet the check failed: ${errors.map(formatDiagnostic).join(' ‖ ')}`);
  if (verdict === 'mistake') {
    if (!errors.length)
      problems.push(
        `a mistake the check did not catch${diagnostics.length ? ` (only: ${diagnostics.map((d) => d.code).join(', ')})` : ''}`,
      );
    else if (mutation.lines.length && !errors.some((d) => mutation.lines.includes(d.line)))
      problems.push(
        `no error at line ${mutation.lines.join('/')}: ${errors.map((d) => `${d.line} [${d.code}]`).join(', ')}`,
      );
  }
  return problems;
}
