/**
 * The search evaluation set: what a reader types, and which features must come back.
 *
 * Every expectation was checked against content/features/<slug>/index.mdx by counting the
 * query in the text (NFKC, spaces removed): `expect` lists every feature that contains the
 * query (all must be returned, no others may be), `best` the feature(s) any of which may
 * come first — the one that mentions it in its title or most often. Kinds follow the issue:
 * two-character words, phrases, names, places, numbers with units, mixed script,
 * full-width forms, traditional characters, several words (AND), and queries that must
 * return nothing (a place or name no feature mentions, though features share its characters,
 * and words that only the page around the article shows: reading time, date marks, badges).
 *
 * Text in frontmatter notes (dateNote, YAML comments) is not article text and is not expected.
 * When a feature's text changes, re-check with:  grep -c '<query>' content/features/<slug>/index.mdx
 */
export type Slug = 'jiulong' | 'jiuzhoulu' | 'erqi' | 'huayuankou' | 'changxinglu' | 'gouzhao' | 'fengyang';

export type QueryKind =
  'word' | 'phrase' | 'name' | 'place' | 'number' | 'mixed-script' | 'full-width' | 'traditional' | 'and' | 'none';

export interface EvalQuery {
  query: string;
  kind: QueryKind;
  /** Features that may come first. Empty for queries that must return nothing. */
  best: Slug[];
  /** Every feature that must be returned; nothing else may be. */
  expect: Slug[];
}

const q = (query: string, kind: QueryKind, best: Slug[], expect: Slug[] = best): EvalQuery => ({
  query,
  kind,
  best,
  expect,
});

export const evalSet: EvalQuery[] = [
  // Two-character words
  q('海绵', 'word', ['jiuzhoulu'], ['jiuzhoulu', 'erqi']),
  q('养老', 'word', ['jiuzhoulu'], ['jiuzhoulu', 'huayuankou']),
  q('物业', 'word', ['erqi'], ['erqi', 'jiuzhoulu']),
  q('长兴', 'word', ['changxinglu']),
  q('人才', 'word', ['erqi', 'jiuzhoulu'], ['erqi', 'jiuzhoulu']),
  q(
    '社区',
    'word',
    ['jiuzhoulu'],
    ['jiuzhoulu', 'erqi', 'fengyang', 'jiulong', 'changxinglu', 'gouzhao', 'huayuankou'],
  ),
  // Policies and longer phrases
  q('海绵城市', 'phrase', ['jiuzhoulu'], ['jiuzhoulu', 'erqi']),
  q('路长制', 'phrase', ['changxinglu', 'jiulong'], ['changxinglu', 'jiulong', 'erqi', 'fengyang']),
  q('党建引领', 'phrase', ['erqi'], ['erqi', 'gouzhao', 'changxinglu', 'huayuankou', 'jiulong', 'fengyang']),
  q('快乐老家', 'phrase', ['jiulong']),
  q('企业家接待日', 'phrase', ['gouzhao']),
  q('五个之城', 'phrase', ['gouzhao']),
  q('三项工程', 'phrase', ['erqi'], ['erqi', 'fengyang']),
  q('老旧小区', 'phrase', ['erqi']),
  q('乡村振兴', 'phrase', ['huayuankou']),
  // Only in the cover caption: checks that captions are indexed.
  q('不动产证', 'phrase', ['changxinglu']),
  q('金钥匙', 'phrase', ['huayuankou']),
  q('宜创宜业宜居', 'phrase', ['fengyang']),
  q('城市管理', 'phrase', ['jiulong'], ['jiulong', 'changxinglu', 'erqi', 'fengyang']),
  q('网格化', 'phrase', ['changxinglu', 'jiuzhoulu'], ['changxinglu', 'jiuzhoulu', 'huayuankou']),
  q('安居乐业', 'phrase', ['changxinglu'], ['changxinglu', 'huayuankou']),
  q('樱花文化节', 'phrase', ['jiuzhoulu']),
  // Names of people and offices
  q('刘全福', 'name', ['jiuzhoulu']),
  q('九龙办事处', 'name', ['jiulong']),
  q('九州路办事处', 'name', ['jiuzhoulu']),
  // fengyang names 沟赵办事处 only in its frontmatter notes, which are not article text.
  q('沟赵办事处', 'name', ['gouzhao']),
  q('枫杨办事处', 'name', ['fengyang']),
  // changxinglu names 花园口镇 only in its dateNote, which is not article text.
  q('花园口镇', 'name', ['huayuankou']),
  q('长兴路街道', 'name', ['changxinglu']),
  // Places
  q('天健湖', 'place', ['gouzhao']),
  q('天健湖公园', 'place', ['gouzhao']),
  q('同心亭', 'place', ['huayuankou']),
  q('湘江社区', 'place', ['jiuzhoulu']),
  q('天河嘉城', 'place', ['jiuzhoulu']),
  q('裕隆爱之城', 'place', ['jiuzhoulu']),
  q('黄河', 'place', ['huayuankou']),
  q('鹤壁', 'place', ['jiuzhoulu']),
  q('郑州', 'place', ['gouzhao'], ['gouzhao', 'changxinglu', 'erqi', 'huayuankou', 'fengyang', 'jiulong']),
  q('高新区', 'place', ['gouzhao'], ['gouzhao', 'fengyang']),
  q('惠济区', 'place', ['huayuankou'], ['huayuankou', 'changxinglu']),
  // Numbers with units
  q('35.97平方公里', 'number', ['gouzhao']),
  q('664套', 'number', ['jiuzhoulu']),
  q('86亿元', 'number', ['jiuzhoulu']),
  q('789名', 'number', ['gouzhao']),
  q('36平方公里', 'number', ['gouzhao']),
  // Mixed script
  q('PM2.5', 'mixed-script', ['jiuzhoulu']),
  q('PM10', 'mixed-script', ['jiuzhoulu']),
  q('5G', 'mixed-script', ['huayuankou']),
  q('58同城', 'mixed-script', ['jiuzhoulu']),
  // Full-width forms give the same results as half-width
  q('ＰＭ２．５', 'full-width', ['jiuzhoulu']),
  q('５Ｇ', 'full-width', ['huayuankou']),
  q('３５．９７平方公里', 'full-width', ['gouzhao']),
  q('５８同城', 'full-width', ['jiuzhoulu']),
  // Traditional characters find the simplified text
  q('黨建引領', 'traditional', ['erqi'], ['erqi', 'gouzhao', 'changxinglu', 'huayuankou', 'jiulong', 'fengyang']),
  q('海綿城市', 'traditional', ['jiuzhoulu'], ['jiuzhoulu', 'erqi']),
  q('劉全福', 'traditional', ['jiuzhoulu']),
  q('快樂老家', 'traditional', ['jiulong']),
  // Several words: every one must be in the feature
  q('海绵城市 刘全福', 'and', ['jiuzhoulu']),
  q('党建引领 天健湖', 'and', ['gouzhao']),
  q('郑州　黄河', 'and', ['huayuankou']),
  q('路长制 不动产证', 'and', ['changxinglu']),
  // Nothing: no feature mentions these, though features share their characters
  q('上海浦东', 'none', []),
  q('北京大学', 'none', []),
  q('深圳', 'none', []),
  q('垃圾分类', 'none', []),
  q('智慧城市', 'none', []),
  q('刘德华', 'none', []),
  q('海绵宝宝', 'none', []),
  q('5G基站', 'none', []),
  q('海绵城市 上海', 'none', []),
  // Page furniture, not article text: the reading time, the inferred-date mark, the placeholder
  // badge, an editor's date note
  q('分钟读完', 'none', []),
  q('推断', 'none', []),
  q('占位图', 'none', []),
  q('版面未印日期', 'none', []),
];
