/**
 * PullQuote's markup as read-aloud and search read it: left out of the search index, where
 * it would count its sentence twice, and read aloud where the page shows it (issue 21). The
 * browser test tests/browser/read-aloud.spec.ts puts this markup into a feature page.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parse } from 'node-html-parser';
import { expect, it } from 'vitest';
import PullQuote from '../../src/components/mdx/PullQuote.astro';

it('is left out of search and read aloud', async () => {
  const container = await AstroContainer.create();
  const html = await container.renderToString(PullQuote, {
    props: { cite: '社区居民 张晓凯' },
    slots: { default: '有了党支部，就找到了主心骨。' },
  });
  const figure = parse(html).querySelector('figure.pull-quote');
  expect(figure?.hasAttribute('data-pagefind-ignore')).toBe(true);
  expect(figure?.hasAttribute('data-read-aloud')).toBe(true);
  expect(figure?.querySelector('blockquote')?.textContent).toBe('有了党支部，就找到了主心骨。');
  expect(figure?.querySelector('figcaption')?.textContent).toBe('——社区居民 张晓凯');
});
