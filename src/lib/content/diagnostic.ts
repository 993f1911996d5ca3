/**
 * One finding about content: where, how bad, and what to do — in Chinese, then English. Every
 * rule of the contract reports these, and `npm run check`, the features loader and the
 * editors' desk all show them the same way.
 */
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

/** By file, then line, then column: the order an editor works through them. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0),
  );
}

/**
 * Content that breaks the contract, met where the site reads it (the features loader, a page
 * following a reference): its message is the check's own, every finding at its file and line.
 */
export class ContentError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'ContentError';
    this.diagnostics = diagnostics;
    // The message is the whole story: a stack trace into the loader would only bury it.
    this.stack = this.message;
  }
}
