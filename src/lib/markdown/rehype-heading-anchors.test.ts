import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../tests/support/markdown-processor.ts';

describe('section heading anchors, through the site’s Markdown processor', () => {
  it('puts a “#” link to the ASCII id beside each h2, named for screen readers', async () => {
    // Two headings of the 九州路 seed feature.
    const html = await renderMarkdown('## 党建不断加强，统领作用更加凸显\n\n正文\n\n## 经济长足发展，**支撑**更加有力');
    expect(html).toMatchInlineSnapshot(`
      "<div class="heading-wrapper"><h2 id="section-1">党建不断加强，统领作用更加凸显</h2><a class="heading-anchor" href="#section-1" data-pagefind-ignore=""><span aria-hidden="true">#</span><span class="sr-only">本节链接：党建不断加强，统领作用更加凸显</span></a></div>
      <p>正文</p>
      <div class="heading-wrapper"><h2 id="section-2">经济长足发展，<strong>支撑</strong>更加有力</h2><a class="heading-anchor" href="#section-2" data-pagefind-ignore=""><span aria-hidden="true">#</span><span class="sr-only">本节链接：经济长足发展，支撑更加有力</span></a></div>"
    `);
  });

  it('leaves h3 sub-headings without an anchor', async () => {
    const html = await renderMarkdown('## 城市道路综合改造\n\n### 临时党支部建在工地上');
    expect(html).toContain('<h3 id="section-1-1">临时党支部建在工地上</h3>');
    expect(html.match(/heading-anchor/g)).toHaveLength(1);
  });
});
