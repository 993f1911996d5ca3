/**
 * What an editor reads of `npm run build`'s log. Astro prints a line per page and per image
 * (1,000 features: some 1,300 page lines and hundreds of image lines), and a failure as an
 * error with a stack trace into the bundle. Read line by line, the log is passed on with each
 * of those runs of progress lines folded into one count, and the build ends with the
 * editor-facing findings seen on the way (formatDiagnostic's `file:line: 错误 error [code] …`
 * and its English line), errors first: the last thing on screen is what to fix.
 */

/** A progress line Astro prints per page (├─ /features/x/index.html) or per image (▶ /_astro/…). */
const PAGE = /^\S*\s+[├└]─ \//;
const IMAGE = /^\S*\s+▶ \//;
/** formatDiagnostic's first line, or formatForLog's count of warnings not shown, wherever a logger prefix put it. */
const FINDING = /(\S+:\d+(?::\d+)?: (?:错误 error|提醒 warning) \[[\w-]+\] .*|… 还有 \d+ 条 \[[\w-]+\] 提醒.*)$/;
// Astro colours its log on a terminal; lines are matched on plain text.
const ANSI = /\u001b\[[0-9;]*m/g;

export class BuildReport {
  private pages = 0;
  private images = 0;
  private readonly findings = new Map<string, { text: string; error: boolean }>();
  private last: string | undefined;
  private readonly verbose: boolean;

  /** `verbose`: pass every line on as it is (`npm run build -- --full-log`). */
  constructor(verbose = false) {
    this.verbose = verbose;
  }

  /** The lines to show for one line of the log (none while a run of progress lines goes on). */
  read(line: string): string[] {
    const plain = line.replace(ANSI, '');
    if (!this.verbose && PAGE.test(plain)) {
      this.pages++;
      return [];
    }
    if (!this.verbose && IMAGE.test(plain)) {
      this.images++;
      return [];
    }
    const out = this.flush();
    const finding = FINDING.exec(plain)?.[1];
    if (finding) {
      this.last = finding;
      this.findings.set(finding, { text: finding, error: finding.includes(': 错误 error [') });
    } else if (this.last && /^ {4}\S/.test(plain)) {
      // The English line that follows a finding.
      const entry = this.findings.get(this.last);
      if (entry && !entry.text.includes('\n')) entry.text += `\n${plain}`;
      this.last = undefined;
    } else this.last = undefined;
    out.push(line);
    return out;
  }

  /** The count line for a run of progress lines just ended, if any. */
  private flush(): string[] {
    const out: string[] = [];
    if (this.pages)
      out.push(`  … ${this.pages} 个页面 / ${this.pages} page(s) (npm run build -- --full-log lists them)`);
    if (this.images)
      out.push(`  … ${this.images} 张图片 / ${this.images} image(s) (npm run build -- --full-log lists them)`);
    this.pages = 0;
    this.images = 0;
    return out;
  }

  /** What ends the log: the findings seen, errors first, or nothing when there were none. */
  summary(): string[] {
    const all = [...this.findings.values()];
    const errors = all.filter((f) => f.error);
    const warnings = all.filter((f) => !f.error);
    const out = this.flush();
    // A "… 还有 N 条" line stands for N warnings not shown one by one.
    const count = warnings.reduce((n, f) => n + Number(/^… 还有 (\d+) 条/.exec(f.text)?.[1] ?? 1), 0);
    if (warnings.length)
      out.push('', `内容提醒 ${count} 条 / ${count} content warning(s):`, ...warnings.map((f) => f.text));
    if (errors.length)
      out.push('', `要改的错误 ${errors.length} 个 / ${errors.length} error(s) to fix:`, ...errors.map((f) => f.text));
    return out;
  }
}
