/**
 * The `test` every browser test uses: it fails a test when the page it drove logged a
 * console error, threw, had a request fail, or broke its Content-Security-Policy — things a
 * reader may not see but that mean something on the page is broken.
 */
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ pageProblems: string[]; expectedProblems: RegExp | undefined }>({
  /** Problems a test provokes on purpose (a save the desk refuses logs its message as an error). */
  expectedProblems: [undefined, { option: true }],
  pageProblems: [
    async ({ page, expectedProblems }, use) => {
      const problems: string[] = [];
      // Chromium logs a blocked script, style or request as a console error too; the event
      // also catches what it only reports (a report-only policy, an inline style attribute).
      await page.exposeFunction('__reportCspViolation', (text: string) => problems.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
          report(
            `CSP violation on ${location.href}: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
          );
        });
      });
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // "Failed to load resource" names no file in its text; the location does.
        const source = message.location().url;
        problems.push(`console error on ${page.url()}: ${message.text()}${source ? ` (${source})` : ''}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught error on ${page.url()}: ${error.message}`));
      page.on('requestfailed', (request) => {
        const reason = request.failure()?.errorText ?? '';
        // Leaving a page cancels its pending requests (lazy photos below the fold): not a fault.
        if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${reason})`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      await use(problems);
      expect(
        problems.filter((problem) => !expectedProblems?.test(problem)),
        'console errors or failed requests',
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
