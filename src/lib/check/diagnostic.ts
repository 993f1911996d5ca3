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
