import { expect, it } from 'vitest';
import { BuildReport } from './build-report.ts';
import { formatForLog } from '../check/report.ts';
import type { Diagnostic } from '../content/diagnostic.ts';

const LOG = `16:43:52 [WARN] [zhuanban:content-check] content/features/a/index.mdx:9: 提醒 warning [punctuation] 中文里用了半角标点
    half-width punctuation in Chinese text
16:30:56 [build] Building static entrypoints...
 generating static routes 
16:30:56   ├─ /404.html (+22ms) 
16:30:56   ├─ /features/a/index.html (+8ms) 
16:30:56   └─ /index.html (+25ms) 
16:30:56 ✓ Completed in 635ms.
16:30:56   ▶ /_astro/photo-1.CEpT9oqG_ZO6NtI.avif (before: 397kB, after: 5kB) (+89ms) (1/2)
16:30:56   ▶ /_astro/photo-1.DVDY-c9c_Z200QA7.avif (reused cache entry) (2/2)
16:43:52 [ERROR] Render failed: content/features/b/index.mdx:7: 错误 error [unknown-district] district（所属区）“nowhere”不在 content/districts.yaml 里
    district "nowhere" is not an id in content/districts.yaml
  Stack trace:
    at render (file:///x/chunk.mjs:1:1)`;

it('folds runs of page and image lines into a count, and ends with the findings, errors last', () => {
  const report = new BuildReport();
  const shown = LOG.split('\n').flatMap((line) => report.read(line));
  expect([...shown, ...report.summary()].join('\n')).toMatchInlineSnapshot(`
    "16:43:52 [WARN] [zhuanban:content-check] content/features/a/index.mdx:9: 提醒 warning [punctuation] 中文里用了半角标点
        half-width punctuation in Chinese text
    16:30:56 [build] Building static entrypoints...
     generating static routes 
      … 3 个页面 / 3 page(s) (npm run build -- --full-log lists them)
    16:30:56 ✓ Completed in 635ms.
      … 2 张图片 / 2 image(s) (npm run build -- --full-log lists them)
    16:43:52 [ERROR] Render failed: content/features/b/index.mdx:7: 错误 error [unknown-district] district（所属区）“nowhere”不在 content/districts.yaml 里
        district "nowhere" is not an id in content/districts.yaml
      Stack trace:
        at render (file:///x/chunk.mjs:1:1)

    内容提醒 1 条 / 1 content warning(s):
    content/features/a/index.mdx:9: 提醒 warning [punctuation] 中文里用了半角标点
        half-width punctuation in Chinese text

    要改的错误 1 个 / 1 error(s) to fix:
    content/features/b/index.mdx:7: 错误 error [unknown-district] district（所属区）“nowhere”不在 content/districts.yaml 里
        district "nowhere" is not an id in content/districts.yaml"
  `);
});

it('shows every line with --full-log', () => {
  const report = new BuildReport(true);
  expect(LOG.split('\n').flatMap((line) => report.read(line))).toEqual(LOG.split('\n'));
});

it('shows every error but only the first few warnings of a kind in the build log, then how many more', () => {
  const at = (line: number, severity: Diagnostic['severity'], code: string): Diagnostic => ({
    file: `content/features/f${line}/index.mdx`,
    line,
    severity,
    code,
    zh: '说明',
    en: 'what',
  });
  const diagnostics = [
    ...Array.from({ length: 5 }, (_, i) => at(i + 1, 'warning', 'photo-oversized')),
    ...Array.from({ length: 4 }, (_, i) => at(i + 10, 'error', 'unknown-district')),
  ];
  const shown = formatForLog(diagnostics);
  expect(shown.filter((d) => d.error)).toHaveLength(4);
  expect(shown.filter((d) => !d.error).map((d) => d.text.split('\n')[0])).toEqual([
    'content/features/f1/index.mdx:1: 提醒 warning [photo-oversized] 说明',
    'content/features/f2/index.mdx:2: 提醒 warning [photo-oversized] 说明',
    'content/features/f3/index.mdx:3: 提醒 warning [photo-oversized] 说明',
    '… 还有 2 条 [photo-oversized] 提醒，运行 npm run check 列出全部 / 2 more [photo-oversized] warning(s): npm run check lists them all',
  ]);
  const report = new BuildReport();
  for (const { text } of shown)
    for (const line of text.split('\n')) report.read(`12:00:00 [WARN] [zhuanban:content-check] ${line}`);
  expect(report.summary().filter((line) => line.includes('还有'))).toHaveLength(1);
  expect(report.summary()).toContain('内容提醒 5 条 / 5 content warning(s):');
});
