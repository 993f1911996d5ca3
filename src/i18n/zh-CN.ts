/**
 * Every string a reader sees in the site's chrome, in one typed object, grouped by area.
 * Content (headlines, body text) lives in content/; this file is only the interface.
 *
 * Add a key with a small in-place edit in the group it belongs to. Functions are used
 * where a string needs a value, so word order stays in Chinese hands, not in templates.
 */
export const ui = {
  site: {
    name: '专版',
    /** Shown after the page title in <title>: 「九龙办事处｜专版」. */
    titleSeparator: '｜',
    tagline: '报纸专版里的街道、乡镇与社区',
    description: '把报纸上的专版文章整理成便于手机阅读的网页：按区、按话题浏览街道、乡镇与社区的故事。',
  },
  nav: {
    label: '主导航',
    home: '首页',
    districts: '按区浏览',
    topics: '按话题浏览',
    about: '关于',
  },
  a11y: {
    skipToContent: '跳到正文',
    header: '网站页眉',
    footer: '网站页脚',
    main: '正文',
  },
  footer: {
    about: '本站收录报纸专版中关于街道、乡镇与社区的报道，文字依见报原文整理。',
    placeholderNotice: '标有“占位图”的图片为示意占位图，并非见报原图。',
  },
  feature: {
    kicker: '引题',
    subtitle: '副题',
    bylines: '作者',
    dateInferredSuffix: '（推断）',
    dateNoteSummary: '日期说明',
    coverPlaceholderNotice: '题图为占位图，原报照片暂缺。',
    source: '见报',
    /** 「原载《郑州日报》第05版」 */
    sourceLine: (newspaper: string, page?: string) => `原载《${newspaper}》${page ? ` ${page}` : ''}`,
    photoCredit: '图片',
    metaLabel: '文章信息',
    separator: ' · ',
  },
  figure: {
    placeholderBadge: '占位图',
    placeholderDescription: '（占位图）',
    /** Accessible name of the button that opens the lightbox. */
    open: (description: string) => `查看大图：${description}`,
    close: '关闭',
    dialogLabel: (description: string) => `大图：${description}`,
  },
  gallery: {
    label: '组图',
  },
  editorNote: {
    heading: '编者按',
  },
  pullQuote: {
    label: '摘句',
  },
  share: {},
  search: {},
  list: {},
  about: {},
  notFound: {},
} as const;

export type UI = typeof ui;
