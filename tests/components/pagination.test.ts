/**
 * The page links under a list cut into pages (src/pages/_components/Pagination.astro),
 * rendered by Astro's container API with the page objects Astro's paginate() makes.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import Pagination from '../../src/pages/_components/Pagination.astro';

const container = await AstroContainer.create();

/** What paginate() gives page `current` of `last` of /districts/erqi/ (trailingSlash: 'always'). */
function page(current: number, last: number) {
  const at = (n: number) => (n === 1 ? '/districts/erqi/' : `/districts/erqi/${n}/`);
  return {
    currentPage: current,
    lastPage: last,
    url: {
      current: at(current),
      prev: current > 1 ? at(current - 1) : undefined,
      next: current < last ? at(current + 1) : undefined,
      first: current > 1 ? at(1) : undefined,
      last: current < last ? at(last) : undefined,
    },
  };
}

async function render(current: number, last: number) {
  const html = await container.renderToString(Pagination, {
    props: { page: page(current, last), firstPageUrl: '/districts/erqi/' },
  });
  return parse(html);
}

describe('Pagination', () => {
  it('renders nothing for a list that fits on one page', async () => {
    expect((await render(1, 1)).querySelector('nav')).toBeNull();
  });

  it('links previous, every page number shown and next, marking the current page', async () => {
    const nav = (await render(5, 9)).querySelector('nav');
    expect(nav?.getAttribute('aria-label')).toBe('分页');
    const links = nav?.querySelectorAll('a') ?? [];
    expect(links.map((a) => [a.textContent.trim(), a.getAttribute('href')])).toEqual([
      ['上一页', '/districts/erqi/4/'],
      ['1', '/districts/erqi/'],
      ['4', '/districts/erqi/4/'],
      ['5', '/districts/erqi/5/'],
      ['6', '/districts/erqi/6/'],
      ['9', '/districts/erqi/9/'],
      ['下一页', '/districts/erqi/6/'],
    ]);
    expect(nav?.querySelectorAll('[aria-current="page"]').map((a) => a.getAttribute('aria-label'))).toEqual([
      '第 5 页',
    ]);
    // The two gaps (2–3 and 7–8) are visible dots, hidden from screen readers.
    expect(nav?.querySelectorAll('li[aria-hidden="true"]').map((li) => li.textContent.trim())).toEqual(['…', '…']);
  });

  it('has no previous link on the first page and no next link on the last', async () => {
    const first = (await render(1, 3)).querySelectorAll('a').map((a) => a.textContent.trim());
    const last = (await render(3, 3)).querySelectorAll('a').map((a) => a.textContent.trim());
    expect(first).toEqual(['1', '2', '3', '下一页']);
    expect(last).toEqual(['上一页', '1', '2', '3']);
  });
});
