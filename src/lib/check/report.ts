/** The check's findings as `npm run check` and the build log print them. */
import { formatDiagnostic, type Diagnostic } from '../content/diagnostic.ts';

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors} 个错误，${warnings} 个提醒 / ${errors} error(s), ${warnings} warning(s)`;
}

/**
 * The findings as a build log shows them: every error, and the warnings with at most `perCode`
 * of each kind — 779 cameras' originals are one thing to do, not 1,558 lines to scroll past.
 * `npm run check` lists every one.
 */
export function formatForLog(diagnostics: readonly Diagnostic[], perCode = 3): { error: boolean; text: string }[] {
  const shown = new Map<string, number>();
  const out: { error: boolean; text: string }[] = [];
  for (const d of diagnostics) {
    if (d.severity === 'error') {
      out.push({ error: true, text: formatDiagnostic(d) });
      continue;
    }
    const count = (shown.get(d.code) ?? 0) + 1;
    shown.set(d.code, count);
    if (count <= perCode) out.push({ error: false, text: formatDiagnostic(d) });
  }
  for (const [code, count] of shown) {
    if (count > perCode)
      out.push({
        error: false,
        text: `… 还有 ${count - perCode} 条 [${code}] 提醒，运行 npm run check 列出全部 / ${count - perCode} more [${code}] warning(s): npm run check lists them all`,
      });
  }
  return out;
}
