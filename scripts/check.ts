/**
 * `npm run check`: the content checks (what the schema cannot see), then the schema itself
 * via `astro sync`, which loads every collection entry and reports bad fields by file.
 *
 *   npm run check [-- --fix] [--no-schema]
 *
 * --fix turns half-width punctuation in Chinese text full-width, and shrinks photos longer than
 * 2,400 px on their long side to that size, in place.
 * Errors exit 1; warnings are printed and do not fail.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fixPunctuation } from '../src/lib/check/content-checks.ts';
import { fitPhotos } from '../src/lib/check/fit-photos.ts';
import { checkContent, formatDiagnostic, readFeatures, summarize } from '../src/lib/check/index.ts';
import { schemaDiagnostics } from '../src/lib/check/schema-errors.ts';

const { values } = parseArgs({
  options: {
    fix: { type: 'boolean', default: false },
    'no-schema': { type: 'boolean', default: false },
    dir: { type: 'string', default: 'content/features' },
  },
});
const dir = resolve(values.dir);

if (values.fix) {
  for (const feature of readFeatures(dir)) {
    const { source, fixed } = fixPunctuation(feature);
    if (fixed) {
      writeFileSync(resolve(feature.file), source);
      console.log(`✓ ${feature.file}: ${fixed} 处半角标点改为全角 / ${fixed} punctuation mark(s) made full-width`);
    }
    for (const { src, before, after } of await fitPhotos(feature)) {
      const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
      console.log(
        `✓ ${feature.file}: ${src} 缩小 / shrunk ${before.width}×${before.height} → ${after.width}×${after.height}, ${mb(before.bytes)} → ${mb(after.bytes)}`,
      );
    }
  }
}

const diagnostics = await checkContent(dir);
for (const d of diagnostics) console.log(formatDiagnostic(d));
console.log(summarize(diagnostics));
let failed = diagnostics.some((d) => d.severity === 'error');

if (!values['no-schema']) {
  console.log('\n检查 frontmatter 字段（astro sync）/ checking frontmatter fields against the schema…');
  const run = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'sync'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const output = `${run.stdout}\n${run.stderr}`;
  const features = new Map(readFeatures(dir).map((feature) => [resolve(feature.file), feature]));
  const schema = schemaDiagnostics(output, (file) => features.get(resolve(file)));
  // Astro names the file and field but not the line; show ours when we could map it, else Astro's own words.
  if (schema.length > 0) for (const d of schema) console.log(formatDiagnostic(d));
  else if (run.status !== 0) console.log(output);
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
