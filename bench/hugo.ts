/**
 * The same corpus as a Hugo site, built side by side: the yardstick the issue sets.
 *
 *   node bench/hugo.ts <corpus-dir> [--scenario cold|unchanged] [--text]
 *
 * Converts <corpus>/content/features/*\/index.mdx into Hugo page bundles (Figures become a
 * shortcode, Gallery/InfoBox wrappers are dropped, the text is the same), with the photos
 * hard-linked in and resized to the same widths our Figure asks for, WebP only, quality 80.
 * Hugo's image cache is <hugo-site>/resources/_gen; "cold" deletes it. With --text, the same
 * pages with nothing resized and no photo published (`publishResources = false`): the
 * yardstick for a rebuild, Hugo doing only the text (bench/hugo-<corpus>-text/; build it
 * again with `hugo --quiet -s` that folder). Needs the Debian package `hugo`.
 */
import { spawn } from 'node:child_process';
import { linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WORK_DIR } from './generate.ts';
import { sampleTree } from './lib/process-tree.ts';

/** Every width Figure.astro encodes (inline widths and the lightbox's). */
export const HUGO_WIDTHS = [360, 720, 1080, 1440, 1600];

// Hugo names page resources without the "./" the MDX writes.
const SHORTCODE = `{{- $src := strings.TrimPrefix "./" (.Get "src") -}}
{{- $img := .Page.Resources.Get $src -}}
{{- $set := slice -}}
{{- range (slice ${HUGO_WIDTHS.join(' ')}) -}}
  {{- $r := $img.Resize (printf "%dx webp q80" .) -}}
  {{- $set = $set | append (printf "%s %dw" $r.RelPermalink $r.Width) -}}
{{- end -}}
{{- $fallback := $img.Resize "720x webp q80" -}}
<figure><img src="{{ $fallback.RelPermalink }}" srcset="{{ delimit $set ", " }}" sizes="(min-width: 46rem) 42.75rem, 100vw" alt="{{ .Get "alt" }}" loading="lazy" width="{{ $fallback.Width }}" height="{{ $fallback.Height }}"><figcaption>{{ .Get "caption" }}</figcaption></figure>
`;

const SINGLE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>
{{ .Content }}</main></body></html>
`;
const LIST = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head>
<body><main><ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>
`;

/** MDX body → Markdown with a shortcode per Figure; the cover becomes the first figure. */
export function toHugoMarkdown(mdx: string): string {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(mdx);
  if (!match) throw new Error('bench/hugo: feature without frontmatter');
  const front = match[1]!;
  const cover = /cover:\n\s+src: (\S+)\n\s+alt: (".*")\n\s+caption: (".*")/.exec(front);
  const body = match[2]!
    .replace(/<Figure ([^>]*?)\s*\/>/g, (_, attrs: string) => `{{< fig ${attrs} >}}`)
    .replace(/<\/?(Gallery|InfoBox|EditorNote|PullQuote)[^>]*>/g, '');
  const coverFigure = cover ? `{{< fig src="${cover[1]}" alt=${cover[2]} caption=${cover[3]} >}}\n\n` : '';
  return `---\n${front}\n---\n\n${coverFigure}${body}`;
}

/** Text only: a figure is its caption and a link to the original, nothing resized or published. */
const TEXT_SHORTCODE = `<figure><img src="{{ .Get "src" }}" alt="{{ .Get "alt" }}" loading="lazy"><figcaption>{{ .Get "caption" }}</figcaption></figure>
`;

export function writeHugoSite(corpus: string, text = false): string {
  const site = join(WORK_DIR, `hugo-${basename(corpus)}${text ? '-text' : ''}`);
  rmSync(join(site, 'content'), { recursive: true, force: true });
  for (const dir of ['content/features', 'layouts/_default', 'layouts/shortcodes']) {
    mkdirSync(join(site, dir), { recursive: true });
  }
  writeFileSync(
    join(site, 'hugo.toml'),
    // timeout: Hugo gives up on a page whose images take longer than 30 s by default, which a
    // cold build of camera photos on a busy 2-core machine reaches.
    'baseURL = "https://zhuanban.example.cn/"\ntitle = "专版"\nlanguageCode = "zh-CN"\nhasCJKLanguage = true\ndisableKinds = ["taxonomy", "term", "RSS"]\ntimeout = "2h"\n' +
      (text ? '[[cascade]]\n[cascade._build]\npublishResources = false\n' : ''),
  );
  writeFileSync(join(site, 'layouts/shortcodes/fig.html'), text ? TEXT_SHORTCODE : SHORTCODE);
  writeFileSync(join(site, 'layouts/_default/single.html'), SINGLE);
  writeFileSync(join(site, 'layouts/_default/list.html'), LIST);
  writeFileSync(join(site, 'layouts/index.html'), LIST);
  const features = join(corpus, 'content/features');
  for (const slug of readdirSync(features)) {
    const bundle = join(site, 'content/features', slug);
    mkdirSync(bundle, { recursive: true });
    writeFileSync(join(bundle, 'index.md'), toHugoMarkdown(readFileSync(join(features, slug, 'index.mdx'), 'utf8')));
    for (const file of readdirSync(join(features, slug))) {
      if (/\.(jpe?g|png|webp)$/i.test(file)) linkSync(join(features, slug, file), join(bundle, file));
    }
  }
  return site;
}

export async function runHugo(
  site: string,
  scenario: 'cold' | 'unchanged',
): Promise<{ wallMs: number; cpuMs: number; peakRss: number; exitCode: number }> {
  if (scenario === 'cold') {
    for (const dir of ['resources', 'public']) rmSync(join(site, dir), { recursive: true, force: true });
  }
  const started = performance.now();
  const child = spawn('hugo', ['--quiet'], { cwd: site, stdio: ['ignore', 'inherit', 'inherit'] });
  let cpuMs = 0;
  let peakRss = 0;
  const timer = setInterval(() => {
    const tree = sampleTree(child.pid!);
    if (tree.processes > 0) cpuMs = tree.cpuMs;
    peakRss = Math.max(peakRss, tree.rssBytes);
  }, 200);
  const exitCode = await new Promise<number>((done) =>
    child.on('close', (code) => {
      done(code ?? 1);
    }),
  );
  clearInterval(timer);
  return { wallMs: performance.now() - started, cpuMs, peakRss, exitCode };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { scenario: { type: 'string', default: 'cold' }, text: { type: 'boolean', default: false } },
  });
  const corpus = positionals[0];
  if (!corpus) {
    console.error('usage: node bench/hugo.ts <corpus-dir> [--scenario cold|unchanged] [--text]');
    process.exit(2);
  }
  const site = writeHugoSite(resolve(corpus), values.text);
  const scenario = values.scenario === 'unchanged' ? 'unchanged' : 'cold';
  const result = await runHugo(site, scenario);
  if (result.exitCode !== 0) throw new Error(`bench/hugo: hugo failed (exit ${result.exitCode}) in ${site}`);
  console.log(
    `hugo${values.text ? ' (text only)' : ''} · ${basename(corpus)} · ${scenario}: ${(result.wallMs / 1000).toFixed(1)} s wall, ${(result.cpuMs / 1000).toFixed(1)} s CPU, ${Math.round(result.peakRss / 2 ** 20)} MB peak`,
  );
}
