/** Layout facts the text-size and read-aloud tests check in the page. */
import type { Page } from '@playwright/test';

/**
 * The page's layout shift so far, from its first paint (every `layout-shift` entry the browser
 * buffered, reader input or not): 0 when nothing on it moved by itself.
 */
export const layoutShift = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) total += (entry as PerformanceEntry & { value: number }).value;
        }).observe({ type: 'layout-shift', buffered: true });
        // Buffered entries are delivered in the observer's first callback, on a task of its own.
        setTimeout(() => {
          resolve(total);
        }, 50);
      }),
  );
