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
  feed: {
    /** A district's feed, as feed readers list it: 「二七区的专版｜专版」. */
    districtTitle: (name: string) => `${name}的专版`,
    districtDescription: (fullName: string) => `${fullName}最新的专版报道，附全文。`,
    /** The link to a district's feed on its page. */
    subscribe: 'RSS 订阅',
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
    /** Appended to the site name on the masthead link: 「专版，返回首页」. */
    homeSuffix: '，返回首页',
  },
  footer: {
    about: '本站收录报纸专版中关于街道、乡镇与社区的报道，文字依见报原文整理。',
    placeholderNotice: '标有“占位图”的图片为示意占位图，并非见报原图。',
    /** Printed before the page's address at the foot of a printout. */
    printUrl: '本页网址：',
  },
  feature: {
    /** Accessible name of the line with office, district and date. */
    metaLabel: '文章信息',
    /** Shown after a date the editor inferred: 「2019年（推断）」. */
    dateInferredSuffix: '（推断）',
    /** The <summary> that opens the editor's note on how the date was inferred. */
    dateNoteSummary: '日期从何推断',
    coverPlaceholderNotice: '题图为占位图，并非见报原图。',
    /** The article's closing notes: where it was printed, who took the photos, its topics. */
    provenanceLabel: '出处',
    /** 「原载《郑州日报》第05版」 */
    sourceLine: (newspaper: string, page?: string) => `原载《${newspaper}》${page ?? ''}`,
    photoCreditLabel: '图片：',
    topicsLabel: '话题：',
    /** Between facts on one line: 「九龙办事处 · 2019年」. */
    separator: ' · ',
  },
  figure: {
    placeholderBadge: '占位图',
    placeholderDescription: '（占位图）',
    /** Accessible name of the button that opens the lightbox: 「查看大图：」 and what the photo shows. */
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
  share: {
    heading: '分享本文',
    linkLabel: '本文链接',
    copy: '复制链接',
    copied: '链接已复制',
    copyFailed: '未能自动复制，请长按上面的链接手动复制',
    wechat: '微信',
    wechatQrAlt: '用微信扫码阅读本文',
    wechatHint: '用微信“扫一扫”打开本文，再转发给朋友',
    weibo: '分享到微博',
    opensInNewTab: '（在新窗口打开）',
    /** Screen-reader text of the “#” link beside a section heading. */
    sectionLink: (heading: string) => `本节链接：${heading}`,
  },
  /** 字号: the header's text-size control (TextSize.astro). */
  textSize: {
    button: '字号',
    legend: '选择字号',
    steps: { standard: '标准', large: '大', larger: '特大', largest: '超大' },
  },
  /** 朗读: reading a feature aloud with the browser's own voice (ReadAloud.astro). */
  readAloud: {
    label: '朗读',
    play: '朗读全文',
    pause: '暂停',
    resume: '继续',
    next: '下一节',
    stop: '停止',
    /** Said before a photo's caption: 「图：九州路办事处……」. */
    caption: '图：',
  },
  /** Reading time, previous/next and related features on a feature page. */
  more: {
    readingTime: (minutes: number) => `约 ${minutes} 分钟读完`,
    wordCount: (units: number) => `全文约 ${units} 字`,
    navLabel: '上一篇与下一篇',
    previous: '上一篇',
    next: '下一篇',
    relatedHeading: '相关专版',
  },
  search: {
    title: '搜索',
    description: '按单位、地名、人名或政策搜索全部专版文章。',
    /** The header entry: its visible text and the keyboard hint beside it. */
    entry: '搜索',
    entryLabel: '搜索专版文章（快捷键 / 或 Ctrl+K）',
    shortcutHint: '/',
    placeholder: '搜索单位、地名、人名、政策…',
    inputLabel: '搜索词',
    filtersLabel: '筛选',
    filterNames: { district: '区', officeType: '类型', topic: '话题', year: '年份' },
    resultsLabel: '搜索结果',
    /** The status line above the results: 「找到 12 篇文章」 */
    resultCount: (count: number | string) => `找到 ${count} 篇文章`,
    showMore: '显示更多结果',
    loadError: '搜索暂时无法使用，请稍后刷新页面再试。',
    /** A result whose card could not be loaded (a network error). */
    cardError: '这条结果没能加载，请刷新页面再试。',
    emptyHeading: '可以从这些话题找起',
    emptyHint: '输入词语即可搜索，例如“海绵城市”“路长制”。',
    /** How a query is read (src/lib/search/query.ts), for older readers: one rule per line. */
    queryRules: [
      '几个词之间用空格、逗号、顿号等隔开，找到的文章同时包含这几个词，例如：三项工程，一项管理',
      '要找带标点的原话，请加上引号，例如：“三项工程、一项管理”',
      '数字和字母不会被拆开，例如：35.97、2,500、PM2.5',
    ],
    noResults: (query: string) => `没有找到包含“${query}”的文章。换个说法试试，或者从下面的话题找起。`,
    noScript: '搜索需要浏览器开启 JavaScript。你也可以按区或按话题浏览全部文章：',
    browseDistricts: '按区浏览',
    browseTopics: '按话题浏览',
  },
  list: {
    latestHeading: '最新专版',
    moreHeading: '更多专版',
    featureCount: (count: number) => `${count} 篇`,
    districtsHeading: '按区浏览',
    districtsIntro: '本站专版所涉及的区（县、开发区），点击查看该区的全部报道。',
    topicsHeading: '按话题浏览',
    topicsIntro: '每篇专版标有若干话题，点击查看同一话题下的全部报道。',
    /** 「二七区的专版」 */
    districtTitle: (name: string) => `${name}的专版`,
    /** 「话题：党建引领」 */
    topicTitle: (name: string) => `话题：${name}`,
    topicDescription: (name: string, count: number) => `标有“${name}”话题的 ${count} 篇专版报道。`,
    districtDescription: (fullName: string, count: number) => `${fullName}的 ${count} 篇专版报道，按单位类型分组。`,
    /** Group heading on a district page: 「街道」「镇」… */
    officeTypeHeading: (officeType: string) => officeType,
    topicsLabel: '话题',
    breadcrumbLabel: '位置',
    archiveHeading: '全部专版',
    archiveDescription: (count: number) => `本站全部 ${count} 篇专版报道，按见报日期从新到旧排列。`,
    /** The link under the home page's cards: 「浏览全部 1000 篇专版」. */
    archiveLink: (count: number) => `浏览全部 ${count} 篇专版`,
  },
  pagination: {
    label: '分页',
    previous: '上一页',
    next: '下一页',
    /** A page-number link's accessible name: 「第 3 页」. */
    page: (page: number) => `第 ${page} 页`,
    /** Stands for the page numbers left out of the row. */
    gap: '…',
    /** After a list page's title from page 2 on: 「二七区的专版（第 2 页）」. */
    titleOnPage: (title: string, page: number) => (page === 1 ? title : `${title}（第 ${page} 页）`),
    /** Under the heading of a list cut into pages: 「第 2 页，共 5 页」. */
    position: (page: number, last: number) => `第 ${page} 页，共 ${last} 页`,
  },
  about: {
    title: '关于本站',
    description: '本站收录河南省报纸专版中关于街道、乡镇与社区的报道：日期如何标注、图片从何而来、怎样查找文章。',
  },
  notFound: {
    title: '找不到这个页面',
    body: '您要找的页面不存在，可能是网址有误，或者页面已经移动。',
    suggestions: '您可以：',
    home: '回到首页',
    districts: '按区浏览专版',
    topics: '按话题浏览专版',
  },
  /** The editors' desk at /admin/ (Decap CMS brings its own strings in zh_Hans; these are ours). */
  desk: {
    title: '专版编辑台',
    loading: '编辑台正在加载……',
    noScript: '编辑台需要打开浏览器的 JavaScript。',
    /** The folder name of a feature that exists: it cannot change. */
    slugFixed: (slug: string) => `content/features/${slug}/（已发布的网址不能改）`,
    slugInvalid: '文件夹名只用小写拼音、数字和连字符，如 jiulong、huayuankou-2023',
    date: {
      precision: '精度',
      year: '年',
      month: '月',
      day: '日',
      precisions: { year: '只有年', month: '年和月', day: '年月日' },
      invalid: '日期不存在：请检查月和日',
    },
    body: {
      toolbar: '插入组件',
      insert: (name: string) => `插入 ${name}`,
      confirm: '插入到光标处',
      cancel: '取消',
      choosePhoto: '选择或上传照片',
      innerText: '里面的文字',
      required: '（必填）',
      missing: (component: string, prop: string, label: string) =>
        `<${component}> 缺少 ${prop}（${label}）：请填写后再插入。`,
      figures: '组图里的照片：插入后在 <Gallery> 和 </Gallery> 之间用“插入 Figure”逐张加入',
      findings: '检查结果',
      clean: '没有发现问题。',
      atField: (label: string) => `设置项“${label}”`,
      atBodyLine: (line: number) => `正文第 ${line} 行`,
      atFileLine: (line: number) => `文件第 ${line} 行`,
      blocked: (count: number) => `有 ${count} 个错误，改好后才能保存`,
    },
    a11y: {
      fold: '展开或收起',
      sortable: (summary: string) => `${summary}（可拖动调整顺序）`,
    },
    components: {
      Figure: '照片和图注',
      Gallery: '一组照片',
      EditorNote: '编者按',
      InfoBox: '资料框',
      PullQuote: '引语',
    } as Record<string, string>,
    props: {
      src: '照片文件',
      alt: '替代文本：一句话说清照片里有什么',
      caption: '图注',
      credit: '署名',
      label: '编号（组图里自动编号，一般不填）',
      placeholder: '还是占位图',
      title: '标题',
      cite: '说话人',
    } as Record<string, string>,
  },
} as const;

export type UI = typeof ui;
