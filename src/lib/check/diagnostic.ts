/** One finding of `npm run check`: where, how bad, and what to do — in Chinese, then English. */
export interface Diagnostic {
  file: string;
  line: number;
  column?: number;
  severity: 'error' | 'warning';
  /** A stable code an editor can look up in docs/编辑指南.md, e.g. figure-alt. */
  code: string;
  zh: string;
  en: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}${d.column ? `:${d.column}` : ''}`;
  const label = d.severity === 'error' ? '错误 error' : '提醒 warning';
  return `${where}: ${label} [${d.code}] ${d.zh}\n    ${d.en}`;
}

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
