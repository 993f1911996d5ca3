/** Helpers of the text-size tests. */
import type { Page } from '@playwright/test';
import type { TextSize } from '../../src/lib/text-size.ts';

/** Shows the page at `size` as the control does: the attribute on <html> the stylesheet reads. */
export async function showAt(page: Page, size: TextSize): Promise<void> {
  await page.evaluate((value) => {
    document.documentElement.setAttribute('data-text-size', value);
  }, size);
}
