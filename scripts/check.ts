/**
 * `npm run check`: every feature under content/features, and the districts and topics they
 * point to, checked in one run — frontmatter against the content contract, references, MDX,
 * photos — and every error and warning printed at its file and line, sorted, with a count.
 * The build runs the same check first (src/integrations/content-check.ts).
 *
 *   npm run check [-- --fix] [--dir content/features]
 *
 * --fix turns half-width punctuation in Chinese text full-width, and shrinks photos longer than
 * 2,400 px on their long side to that size, in place.
 * Errors exit 1; warnings are printed and do not fail.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fitPhotos } from '../src/lib/check/fit-photos.ts';
import { fixPunctuation } from '../src/lib/check/fix.ts';
import { checkContent } from '../src/lib/check/index.ts';
import { summarize } from '../src/lib/check/report.ts';
import { formatDiagnostic } from '../src/lib/content/diagnostic.ts';
import { readFeatures } from '../src/lib/features/source.ts';
import { siteAddress } from '../src/lib/site-url.ts';

const { values } = parseArgs({
  options: {
    fix: { type: 'boolean', default: false },
    dir: { type: 'string', default: 'content/features' },
  },
});
const dir = resolve(values.dir);
// Files are named from the project that holds the content (content/features/<slug>/index.mdx), wherever it is.
const root = resolve(dir, '..', '..');

if (values.fix) {
  for (const feature of readFeatures(dir, root)) {
    // A file that is not UTF-8 would be written back with its unreadable bytes lost.
    const { source, fixed } = feature.badLines.length ? { source: '', fixed: 0 } : fixPunctuation(feature);
    if (fixed) {
      writeFileSync(resolve(root, feature.file), source);
      console.log(`✓ ${feature.file}: ${fixed} 处半角标点改为全角 / ${fixed} punctuation mark(s) made full-width`);
    }
    for (const { src, before, after } of await fitPhotos(feature, resolve(dir, feature.slug))) {
      const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
      console.log(
        `✓ ${feature.file}: ${src} 缩小 / shrunk ${before.width}×${before.height} → ${after.width}×${after.height}, ${mb(before.bytes)} → ${mb(after.bytes)}`,
      );
    }
  }
}

// Links written with the site's own path are reported for the address the build will use.
const diagnostics = await checkContent(dir, root, { base: siteAddress(process.env['SITE_URL']).base });
for (const d of diagnostics) console.log(formatDiagnostic(d));
console.log(summarize(diagnostics));
// Not process.exit(): piped to a file or `less`, a long report would be cut off mid-write.
process.exitCode = diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
