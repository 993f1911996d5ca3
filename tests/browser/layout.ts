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

/**
 * What a reader would see broken in the page's layout as it is now, one line each:
 *   - the page scrolls sideways (the document is wider than the window);
 *   - an element's box or a line of text reaches past the window's left or right edge;
 *   - a line of text is cut off by a box that hides its overflow (overflow hidden or clip).
 * Left out on purpose: what is not drawn, text meant for screen readers only (.sr-only), the
 * inside of a box that scrolls (a wide table scrolls inside itself), a summary cut to a few
 * lines with an ellipsis (-webkit-line-clamp), the skip link until it is focused.
 */
export const layoutProblems = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth > width) problems.push(`the page scrolls sideways: ${root.scrollWidth} px in ${width} px`);
    const name = (element: Element) =>
      `<${element.localName}${element.className && typeof element.className === 'string' ? ` class="${element.className.replace(/\s*astro-\S+/gu, '')}"` : ''}>`;
    const exempt = (element: Element) =>
      !element.checkVisibility({ visibilityProperty: true }) ||
      element.closest('.sr-only, .skip-link:not(:focus)') !== null;
    /**
     * The boxes (nearest first) that clip what overflows them, and whether each scrolls: from
     * `first` up — an element's ancestors for its box, a text's own element and up for its lines.
     */
    const clippers = (first: Element | null) => {
      const found: { box: Element; scrolls: boolean; clamped: boolean }[] = [];
      for (let box = first; box && box !== root; box = box.parentElement) {
        const style = getComputedStyle(box);
        const values = [style.overflowX, style.overflowY];
        if (values.every((value) => value === 'visible')) continue;
        found.push({
          box,
          scrolls: values.some((value) => value === 'auto' || value === 'scroll'),
          clamped: style.getPropertyValue('-webkit-line-clamp') !== 'none',
        });
      }
      return found;
    };
    const inScroller = (element: Element) => clippers(element.parentElement).some(({ scrolls }) => scrolls);
    for (const element of document.body.querySelectorAll('*')) {
      if (exempt(element) || inScroller(element)) continue;
      const { left, right } = element.getBoundingClientRect();
      if (right - left > 0 && (left < -0.5 || right > width + 0.5))
        problems.push(
          `${name(element)} reaches past the window: ${Math.round(left)}–${Math.round(right)} px of ${width}`,
        );
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const element = node.parentElement;
      if (!text.trim() || !element || exempt(element)) continue;
      const boxes = clippers(element);
      if (boxes.some(({ scrolls, clamped }) => scrolls || clamped)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      let lines = [...range.getClientRects()];
      const offWindow = (rect: DOMRect) => rect.left < -0.5 || rect.right > width + 0.5;
      const outsideOf = (rect: DOMRect, box: Element) => {
        const edge = box.getBoundingClientRect();
        return (
          rect.left < edge.left - 0.5 ||
          rect.right > edge.right + 0.5 ||
          rect.top < edge.top - 0.5 ||
          rect.bottom > edge.bottom + 0.5
        );
      };
      const outside = (rect: DOMRect) => offWindow(rect) || boxes.some(({ box }) => outsideOf(rect, box));
      // A space at the end of a line may hang past the edge (an ideographic space does): only
      // characters that show count, looked at one by one when the whole text is suspect.
      if (lines.some(outside))
        lines = [...text].flatMap((character, index, characters) => {
          if (!character.trim()) return [];
          const start = characters.slice(0, index).join('').length;
          range.setStart(node, start);
          range.setEnd(node, start + character.length);
          return [...range.getClientRects()];
        });
      for (const line of lines) {
        if (line.width === 0) continue;
        const where = `“${text.trim().slice(0, 24)}” in ${name(element)}`;
        if (offWindow(line))
          problems.push(`${where} runs off the window: ${Math.round(line.left)}–${Math.round(line.right)} px`);
        for (const { box } of boxes) if (outsideOf(line, box)) problems.push(`${where} is cut off by ${name(box)}`);
      }
    }
    return [...new Set(problems)];
  });
