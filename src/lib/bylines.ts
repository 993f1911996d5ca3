/**
 * The byline as the paper prints it: each role once, followed by its names —
 * 「郑报全媒体记者 范光华 张改华　通讯员 徐克镜 郭佳星」 — rather than the role repeated
 * before every name. Only neighbouring bylines of one role are joined, so the order the
 * editor wrote (which is the printed order) is kept.
 */
export interface Byline {
  name: string;
  role: string;
}

export interface BylineGroup {
  role: string;
  names: string[];
}

export function groupBylines(bylines: readonly Byline[]): BylineGroup[] {
  const groups: BylineGroup[] = [];
  for (const { name, role } of bylines) {
    const last = groups.at(-1);
    if (last?.role === role) last.names.push(name);
    else groups.push({ role, names: [name] });
  }
  return groups;
}
