/**
 * Chinese text through the site's Markdown pipeline: emphasis next to full-width quotes
 * (remark-cjk-friendly) and hard-wrapped lines (remark-cjk-line-breaks). The fixture is the
 * opening of seed 000 as the print page wraps it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { joinCjkLines } from './remark-cjk-line-breaks.ts';
import { renderMarkdown } from '../../../tests/support/markdown-processor.ts';

const hardWrapped = readFileSync(new URL('../../../tests/fixtures/markdown/hard-wrapped.md', import.meta.url), 'utf8');

/** Two Han characters with whitespace between them: what a reader sees as a stray gap. */
const GAP_BETWEEN_HAN = /\p{Script=Han}\s+\p{Script=Han}/u;

describe('emphasis beside Chinese punctuation', () => {
  it('closes ** right after a full-width quote followed by Han text', async () => {
    expect(await renderMarkdown('**“老家”**品牌')).toBe('<p><strong>“老家”</strong>品牌</p>');
  });

  it('opens ** after a Han character', async () => {
    expect(await renderMarkdown('打造**“老家”**社区品牌')).toBe('<p>打造<strong>“老家”</strong>社区品牌</p>');
  });
});

describe('line breaks in Chinese text', () => {
  it('joins a hard-wrapped paragraph into one line with no gap between characters', async () => {
    const html = await renderMarkdown(hardWrapped);
    expect(html).not.toMatch(GAP_BETWEEN_HAN);
    expect(html).toContain('国庄村采访，昔日的国庄村已改名为“锦龙花园”，而小区正大门的一块巨石上“老家国庄”');
  });

  it('joins lines next to inline markup', async () => {
    const html = await renderMarkdown(hardWrapped);
    expect(html).toContain('这是九龙办事处精心打造的<strong>“老家”</strong>社区品牌。锦龙花园率先安装');
    expect(await renderMarkdown('记者来到\n**国庄村**\n采访')).toBe('<p>记者来到<strong>国庄村</strong>采访</p>');
  });

  it('keeps the break between Latin words and between Latin and Chinese', async () => {
    const html = await renderMarkdown('为全市品质“三城”建设 and\n全区建设\nPPT 展示\nand more');
    expect(html).toBe('<p>为全市品质“三城”建设 and\n全区建设\nPPT 展示\nand more</p>');
  });

  it('keeps a hard break (two trailing spaces) as <br>', async () => {
    expect(await renderMarkdown('第一行  \n第二行')).toBe('<p>第一行<br>\n第二行</p>');
  });

  it('joinCjkLines leaves text without CJK-to-CJK breaks alone', () => {
    expect(joinCjkLines('省领导\n来到')).toBe('省领导来到');
    expect(joinCjkLines('6月\n28日')).toBe('6月\n28日');
    expect(joinCjkLines('and\nmore')).toBe('and\nmore');
  });
});

describe('section ids', () => {
  it('numbers h2 and h3 with ASCII ids, restarting h3 under each h2', async () => {
    const html = await renderMarkdown('## 党建共建促发展\n\n### 一\n\n### 二\n\n## 社会治理再创新\n\n### 三');
    expect([...html.matchAll(/<(h[23]) id="([^"]+)">/g)].map(([, tag, id]) => `${tag}#${id}`)).toEqual([
      'h2#section-1',
      'h3#section-1-1',
      'h3#section-1-2',
      'h2#section-2',
      'h3#section-2-1',
    ]);
  });
});
