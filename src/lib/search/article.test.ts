import { describe, expect, it } from 'vitest';
import { readArticle } from './article.ts';
import { HEAD_SPAN, indexDocument, SEGMENT_CHARS } from './index-document.ts';
import { runsOf } from './tokens.ts';

/** A feature page cut down from the built 二七区 page: the markup the indexer reads. */
const PAGE = `<!doctype html><html lang="zh-CN"><head><title>x</title><script type="application/ld+json">{"headline":"二七区"}</script></head>
<body><header><nav><a href="/">专版</a></nav></header><main id="main">
<article class="feature flow-grid" data-pagefind-body>
<span hidden data-pagefind-meta="title:二七区：高品质擘画“三项工程、一项管理”美丽新画卷"></span>
<span hidden data-pagefind-meta="office:二七区"></span>
<span hidden data-pagefind-filter="区:二七区"></span><span hidden data-pagefind-filter="话题:党建引领"></span>
<header class="feature-header"><hgroup class="feature-headings">
<p class="feature-kicker" data-pagefind-weight="5">坚持党建引领　做优基层治理</p>
<h1 class="feature-title">二七区：高品质擘画“三项工程、一项管理”美丽新画卷</h1></hgroup>
<p class="feature-bylines"><span class="feature-byline"><span class="feature-byline-role">郑报全媒体记者</span> 范光华 张改华</span></p>
<div class="feature-meta"><span><time datetime="2019">2019年</time><span data-pagefind-ignore>（推断）</span></span></div>
<div class="feature-meta"><span class="reading-time" data-pagefind-ignore>约 11 分钟读完</span></div>
<details class="feature-date-note"><summary>日期从何推断</summary><p>版面未印日期；同版花园口镇报道…</p></details>
</header>
<figure class="figure"><button type="button" aria-label="查看大图"><img src="/a.webp" alt="京广路">
<span class="figure-badge" data-pagefind-ignore><span class="sr-only">（占位图）</span></span></button>
<figcaption class="figure-caption">京广路试验段道路综合改造</figcaption>
<dialog data-pagefind-ignore><p>京广路试验段道路综合改造（占位图）</p></dialog></figure>
<div class="feature-body prose"><p>记者看到，<strong>海绵</strong>城市理念&amp;透水砖，PM2.5<br>下降。</p>
<div class="heading-wrapper"><h2 id="section-1">城市道路综合改造</h2><a class="heading-anchor" href="#section-1" data-pagefind-ignore><span class="sr-only">本节链接</span></a></div>
<aside class="info-box"><p class="info-box-title">二七区概况</p><div class="info-box-body"><ul><li>面积 156 平方公里</li><li>人口 100 万</li></ul></div></aside>
<figure class="pull-quote" data-pagefind-ignore><blockquote><p>重复的一句</p></blockquote></figure>
</div>
<footer class="feature-footer" data-pagefind-ignore>据郑州日报</footer>
<div class="feature-after" data-pagefind-ignore="all"><a href="/features/jiulong/">九龙</a></div>
</article></main><footer>页脚</footer></body></html>`;

describe('readArticle', () => {
  const record = readArticle(PAGE, '/features/erqi/');

  it('reads the headline, the blocks in page order, and leaves the furniture out', () => {
    expect(record?.headline).toEqual([
      { kind: 'headline', text: '坚持党建引领　做优基层治理', weight: 5 },
      { kind: 'headline', text: '二七区：高品质擘画“三项工程、一项管理”美丽新画卷', level: 1 },
    ]);
    expect(record?.blocks.map((block) => [block.kind, block.text.trim()])).toEqual([
      ['text', '郑报全媒体记者 范光华 张改华'],
      ['text', '2019年'],
      ['caption', '京广路试验段道路综合改造'],
      ['text', '记者看到，海绵城市理念&透水砖，PM2.5 下降。'],
      ['heading', '城市道路综合改造'],
      ['text', '二七区概况'],
      ['text', '面积 156 平方公里'],
      ['text', '人口 100 万'],
    ]);
    const all = JSON.stringify(record);
    for (const furniture of [
      '推断',
      '分钟读完',
      '占位图',
      '版面未印日期',
      '本节链接',
      '重复的一句',
      '据郑州日报',
      '九龙',
      '页脚',
    ])
      expect(all).not.toContain(furniture);
  });

  it('reads the metadata and filters, and ignores pages with no article', () => {
    expect(record?.meta).toEqual({ title: '二七区：高品质擘画“三项工程、一项管理”美丽新画卷', office: '二七区' });
    expect(record?.filters).toEqual([
      ['区', '二七区'],
      ['话题', '党建引领'],
    ]);
    expect(readArticle('<html><body><main><p>列表</p></main></body></html>', '/archive/')).toBeUndefined();
  });
});

describe('indexDocument', () => {
  const record = readArticle(PAGE, '/features/erqi/');
  if (!record) throw new Error('fixture has no article');
  const document = indexDocument(record);

  it('hands Pagefind the headline first, padded to HEAD_SPAN, with headings and weights', () => {
    expect(document.html).toContain('<p data-pagefind-weight="5">坚持 持党');
    expect(document.html).toMatch(/<h1>二七 七区 区/u);
    expect(document.html).toMatch(/<p data-pagefind-weight="2">京广 广路/u);
    expect(document.html).toMatch(/<h2>城市 市道/u);
    expect(document.html).toContain('data-pagefind-meta="title:二七区：高品质擘画“三项工程、一项管理”美丽新画卷"');
    expect(document.html).toContain('data-pagefind-filter="区:二七区"');
    expect(document.html).not.toMatch(/海绵城市|透水砖/u);
  });

  it('gives every card block the stream position of its first character', () => {
    const blocks = document.segments.flat();
    expect(blocks[0]?.[0]).toBe(HEAD_SPAN);
    for (const [i, [position, text]] of blocks.entries()) {
      const next = blocks[i + 1]?.[0] ?? document.length;
      expect(next - position).toBe(runsOf(text).flat().length);
    }
    expect(blocks.map(([, text]) => text)).toContain('记者看到，海绵城市理念&透水砖，PM2.5 下降。');
  });

  it('cuts long articles into segments of about SEGMENT_CHARS characters at block boundaries', () => {
    const long = {
      ...record,
      blocks: Array.from({ length: 40 }, (_, i) => ({ kind: 'text' as const, text: `第${i}段${'字'.repeat(98)}` })),
    };
    const { segments } = indexDocument(long);
    expect(segments.length).toBeGreaterThan(5);
    for (const segment of segments.slice(0, -1)) {
      const span = (segment.at(-1)?.[0] ?? 0) - (segment[0]?.[0] ?? 0);
      expect(span).toBeLessThan(SEGMENT_CHARS);
      expect(span + 101).toBeGreaterThanOrEqual(SEGMENT_CHARS);
    }
  });
});
