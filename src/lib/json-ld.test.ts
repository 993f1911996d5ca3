import { describe, expect, it } from 'vitest';
import { parseFeatureDate, type FeatureDate } from './feature-date.ts';
import { newsArticleJsonLd, serializeJsonLd, webSiteJsonLd, type NewsArticleInput } from './json-ld.ts';

const parseDate = (text: string): FeatureDate => {
  const date = parseFeatureDate(text);
  if (!date) throw new Error(`bad fixture date ${text}`);
  return date;
};

// The 二七区 seed feature's front matter, as SeoHead passes it.
const erqi: NewsArticleInput = {
  url: 'https://zhuanban.example.cn/features/erqi/',
  title: '二七区：高品质擘画“三项工程、一项管理”美丽新画卷',
  kicker: '坚持党建引领　做优基层治理',
  summary: '去年以来，二七区按照市委、市政府工作部署，坚持党建引领，强化组织保障，发挥先锋作用。',
  date: parseDate('2019'),
  bylines: [
    { name: '范光华', role: '郑报全媒体记者' },
    { name: '徐克镜', role: '通讯员' },
  ],
  office: '二七区',
  city: '郑州市',
  district: { name: '二七区', fullName: '郑州市二七区' },
  topics: ['党建引领', '基层治理'],
  image: {
    url: 'https://zhuanban.example.cn/_astro/photo-1.abc.jpg',
    width: 1200,
    height: 800,
    alt: '改造后的京广路试验段',
    caption: '京广路试验段道路综合改造',
    credit: '郑报全媒体记者 范光华 张改华 通讯员 徐克镜 郭佳星',
    placeholder: false,
  },
  source: { newspaper: '郑州日报', page: '第05版' },
  site: { name: '专版', url: 'https://zhuanban.example.cn/' },
};

describe('newsArticleJsonLd', () => {
  it('describes a feature as a NewsArticle', () => {
    expect(newsArticleJsonLd(erqi)).toMatchInlineSnapshot(`
      {
        "@context": "https://schema.org",
        "@id": "https://zhuanban.example.cn/features/erqi/#article",
        "@type": "NewsArticle",
        "about": [
          {
            "@type": "GovernmentOrganization",
            "location": {
              "@type": "Place",
              "containedInPlace": {
                "@type": "AdministrativeArea",
                "alternateName": "二七区",
                "containedInPlace": {
                  "@type": "City",
                  "name": "郑州市",
                },
                "name": "郑州市二七区",
              },
              "name": "二七区",
            },
            "name": "二七区",
          },
          {
            "@type": "Thing",
            "name": "党建引领",
          },
          {
            "@type": "Thing",
            "name": "基层治理",
          },
        ],
        "alternativeHeadline": "坚持党建引领　做优基层治理",
        "author": [
          {
            "@type": "Person",
            "jobTitle": "郑报全媒体记者",
            "name": "范光华",
          },
          {
            "@type": "Person",
            "jobTitle": "通讯员",
            "name": "徐克镜",
          },
        ],
        "contentLocation": {
          "@type": "Place",
          "containedInPlace": {
            "@type": "AdministrativeArea",
            "alternateName": "二七区",
            "containedInPlace": {
              "@type": "City",
              "name": "郑州市",
            },
            "name": "郑州市二七区",
          },
          "name": "二七区",
        },
        "datePublished": "2019",
        "description": "去年以来，二七区按照市委、市政府工作部署，坚持党建引领，强化组织保障，发挥先锋作用。",
        "headline": "二七区：高品质擘画“三项工程、一项管理”美丽新画卷",
        "image": {
          "@type": "ImageObject",
          "caption": "京广路试验段道路综合改造",
          "contentUrl": "https://zhuanban.example.cn/_astro/photo-1.abc.jpg",
          "copyrightNotice": "郑报全媒体记者 范光华 张改华 通讯员 徐克镜 郭佳星",
          "creditText": "郑报全媒体记者 范光华 张改华 通讯员 徐克镜 郭佳星",
          "description": "改造后的京广路试验段",
          "height": 800,
          "url": "https://zhuanban.example.cn/_astro/photo-1.abc.jpg",
          "width": 1200,
        },
        "inLanguage": "zh-CN",
        "isPartOf": {
          "@type": "Newspaper",
          "name": "郑州日报",
        },
        "keywords": "党建引领,基层治理",
        "mainEntityOfPage": "https://zhuanban.example.cn/features/erqi/",
        "printPage": "第05版",
        "publisher": {
          "@type": "Organization",
          "name": "专版",
          "url": "https://zhuanban.example.cn/",
        },
        "url": "https://zhuanban.example.cn/features/erqi/",
      }
    `);
  });

  it('gives the date only as precisely as it is known', () => {
    for (const iso of ['2019', '2023-06', '2019-07-01']) {
      expect(newsArticleJsonLd({ ...erqi, date: parseDate(iso) }).datePublished).toBe(iso);
    }
  });

  it('joins kicker and subtitle, and leaves out what the feature lacks', () => {
    const bare = newsArticleJsonLd({
      ...erqi,
      kicker: undefined,
      subtitle: undefined,
      bylines: [],
      topics: [],
      source: { newspaper: '郑州日报' },
      image: undefined,
    });
    for (const key of ['alternativeHeadline', 'author', 'keywords', 'image', 'printPage'])
      expect(bare).not.toHaveProperty(key);
    expect(bare).toHaveProperty('isPartOf', { '@type': 'Newspaper', name: '郑州日报' });
    expect(newsArticleJsonLd({ ...erqi, subtitle: '副题' }).alternativeHeadline).toBe(
      '坚持党建引领　做优基层治理 副题',
    );
    expect(newsArticleJsonLd({ ...erqi, source: undefined })).not.toHaveProperty('isPartOf');
  });

  it('credits no one for a placeholder photo', () => {
    if (!erqi.image) throw new Error('the fixture has an image');
    const image = newsArticleJsonLd({ ...erqi, image: { ...erqi.image, placeholder: true } }).image;
    expect(image).not.toHaveProperty('creditText');
    expect(image).not.toHaveProperty('copyrightNotice');
    expect(image).toHaveProperty('description', '改造后的京广路试验段');
  });
});

describe('webSiteJsonLd', () => {
  it('describes the site', () => {
    expect(webSiteJsonLd({ name: '专版', url: 'https://zhuanban.example.cn/', description: '报纸专版' })).toEqual({
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: '专版',
      url: 'https://zhuanban.example.cn/',
      description: '报纸专版',
      inLanguage: 'zh-CN',
    });
  });
});

describe('serializeJsonLd', () => {
  it('cannot close its <script> element or open a comment, and parses back to the same data', () => {
    const data = { headline: '</script><script>alert(1)</script> <!-- & \u2028' };
    const json = serializeJsonLd(data);
    expect(json).toMatchInlineSnapshot(
      `"{"headline":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u003c!-- \\u0026 \\u2028"}"`,
    );
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});
