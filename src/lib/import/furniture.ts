/**
 * Page furniture: what the layout system prints around stories but is not part of one —
 * jump lines ("(上接第一版)"), image-slot markers ("图五" on its own), rules ("------"),
 * page headers and production credits. The importer drops these and lists each one.
 */
const RULES: { pattern: RegExp; reason: string }[] = [
  {
    pattern: /^[(（]\s*(?:上接|下转|转|接|紧接|续)第?\s*[\d一二三四五六七八九十]+\s*版\s*[)）]$/u,
    reason: '转版提示',
  },
  { pattern: /^图\s*[一二三四五六七八九十\d]+$/u, reason: '图片位置标记' },
  { pattern: /^[-—_=*·.]{3,}$/u, reason: '分隔线' },
  {
    pattern: /^(?:责任编辑|美术编辑|编辑|校对|版式|组版|审读)[:：\s]/u,
    reason: '编辑署名（版面信息）',
  },
  {
    pattern: /^第\s*[\d一二三四五六七八九十]+\s*版(?:\s|$)/u,
    reason: '版面页眉',
  },
  {
    pattern: /^\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天]/u,
    reason: '版面页眉（日期）',
  },
];

/** Why this line is furniture, or undefined when it is content. */
export function furnitureReason(line: string): string | undefined {
  const text = line.trim();
  return RULES.find((rule) => rule.pattern.test(text))?.reason;
}

/** A page-wide photo credit ("本版图片除署名外均由办事处提供"): not text, but the features' photoCredit. */
export function pagePhotoCredit(line: string): string | undefined {
  const text = line.trim();
  return /^本版(?:图片|照片).{0,20}(?:提供|摄)$/u.test(text) ? text : undefined;
}

/** A trailing rule glued to a line ("安居乐业在长兴------"): returns the line without it. */
export function stripTrailingRule(line: string): string {
  return line.replace(/[-—_=]{4,}\s*$/u, '');
}
