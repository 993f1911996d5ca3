import { describe, expect, it } from 'vitest';
import { readFeatureText } from '../../features/feature.ts';
import { checkLinks, siteLinks, type SiteLink } from './links.ts';
import { linkTargets, type FeatureSummary } from './collection.ts';

const taxonomy = {
  districts: { file: 'content/districts.yaml', entries: [{ id: 'jingkai', name: '经开区' }] },
  topics: { file: 'content/topics.yaml', entries: [{ id: 'dangjian', name: '党建' }] },
};
const summary = (slug: string, more: Partial<FeatureSummary> = {}): FeatureSummary => ({
  file: `content/features/${slug}/index.mdx`,
  slug,
  title: slug,
  titleLine: 2,
  draft: false,
  district: 'jingkai',
  tags: ['dangjian'],
  links: [],
  anchors: ['section-1', 'section-2'],
  ...more,
});
const targets = linkTargets([summary('jiulong'), summary('erqi'), summary('caogao', { draft: true })], taxonomy);
const link = (href: string): SiteLink => ({ href, line: 30, column: 3 });

/** The code and the English message for each href, linked from jiulong. */
function judged(hrefs: string[], base = '/') {
  return checkLinks('content/features/jiulong/index.mdx', 'jiulong', hrefs.map(link), {
    anchors: ['section-1'],
    targets,
    base,
  }).map((d) => `${d.code}: ${d.en}`);
}

describe('links to the site’s own pages', () => {
  it('passes what the site publishes, relative or from the root, and anything on another site', () => {
    expect(
      judged([
        '/features/erqi/',
        '../erqi/',
        '/features/erqi/#section-2',
        '#section-1',
        '/',
        '/archive/',
        '/districts/jingkai/',
        '/districts/jingkai/rss.xml',
        '/topics/dangjian/',
        '/search/?q=党建',
        'https://www.zynews.cn/',
        'mailto:desk@example.cn',
      ]),
    ).toEqual([]);
  });

  it('names what is missing, with the address meant where there is one', () => {
    expect(judged(['/features/erqix/', '/features/erqi', '/features/caogao/', '/archive/2/', '#section-9', '/features/erqi/#section-7']))
      .toMatchInlineSnapshot(`
        [
          "link-page: the link /features/erqix/ leads to no page of this site; did you mean /features/erqi/?",
          "link-page: the link /features/erqi leads to no page of this site; did you mean /features/erqi/?",
          "link-page: the link /features/caogao/ leads to no page of this site (caogao is a draft, not published)",
          "link-page: the link /archive/2/ leads to no page of this site",
          "link-anchor: #section-9 points to no heading: the headings are #section-1",
          "link-anchor: /features/erqi/#section-7 points to no heading: the headings are #section-1, #section-2",
        ]
      `);
  });

  it('refuses the site’s own path written in, which breaks when the site moves', () => {
    expect(judged(['/zhuanban/archive/'], '/zhuanban/')).toEqual([
      "link-base: write /archive/, without the site's own path /zhuanban/: the build adds it, so the link survives a move",
    ]);
    // At the root, the same link is simply to no page.
    expect(judged(['/zhuanban/archive/'])).toEqual(['link-page: the link /zhuanban/archive/ leads to no page of this site']);
  });

  it('judges a feature’s own #anchors without the collection', () => {
    const own = checkLinks('a/index.mdx', 'a', [link('#section-3'), link('/nowhere/')], { anchors: ['section-1'] });
    expect(own.map((d) => d.code)).toEqual(['link-anchor']);
  });

  it('finds Markdown links and definitions, at their line, and leaves other sites alone', () => {
    const text = readFeatureText({
      file: 'a/index.mdx',
      slug: 'a',
      contents: '---\ntitle: x\n---\n\n见[全部](/archive/)和[外站](https://x.cn/)。\n\n[d]: #section-1\n',
    });
    expect(siteLinks(text).map((l) => `${l.line}:${l.column} ${l.href}`)).toEqual(['5:2 /archive/', '7:1 #section-1']);
  });
});
