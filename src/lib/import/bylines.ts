/**
 * Bylines: "记者 王赛华", "本报记者杨丽萍通讯员王令晖文图",
 * "郑报全媒体记者 范光华 张改华 通讯员 徐克镜 郭佳星 文/图", or a bare line of names.
 */
export interface Byline {
  name: string;
  role: string;
}

export interface ParsedByline {
  bylines: Byline[];
  /** True when the line ends in 文/图 or 图/文: the same people took the photos. */
  alsoPhotos: boolean;
  /** Set when a name could not be split with certainty (e.g. four Han characters run together). */
  doubt?: string;
}

const ROLES = [
  '郑报全媒体记者',
  '全媒体记者',
  '本报特约记者',
  '特约记者',
  '本报记者',
  '记者',
  '本报通讯员',
  '通讯员',
  '实习生',
  '摄影',
  '撰稿',
];
const ROLE = new RegExp(`(${ROLES.join('|')})`, 'u');
const PHOTO_SUFFIX = /[\s\u3000]*(?:文\s*[/／]\s*图|图\s*[/／]\s*文|文图|图文)$/u;
const NAME = /^\p{Script=Han}{2,4}$/u;

/** A line that only carries a byline, or undefined. */
export function parseByline(line: string): ParsedByline | undefined {
  let text = line.trim();
  if (text.length === 0 || text.length > 60 || /[，。！？：；,!?;:“”]/u.test(text)) return undefined;
  const alsoPhotos = PHOTO_SUFFIX.test(text);
  text = text.replace(PHOTO_SUFFIX, '').trim();
  const parts = text.split(ROLE).map((p) => p.trim());
  // parts: [before, role, names, role, names, …]
  const bylines: Byline[] = [];
  let doubt: string | undefined;
  if (parts.length > 1) {
    if (parts[0] !== '' && !/^[（(]?[\p{Script=Han}]{0,8}报[）)]?$/u.test(parts[0]!)) return undefined;
    for (let i = 1; i < parts.length; i += 2) {
      const role = `${i === 1 && parts[0] ? parts[0] : ''}${parts[i]}`;
      const names = (parts[i + 1] ?? '').split(/[\s\u3000、,，]+/u).filter(Boolean);
      if (names.length === 0) return undefined;
      for (const name of names) {
        if (!NAME.test(name)) return undefined;
        if (name.length === 4) doubt = `“${name}”可能是两个人名连写，请核对`;
        bylines.push({ name, role });
      }
    }
    return { bylines, alsoPhotos, ...(doubt ? { doubt } : {}) };
  }
  // A bare line of names ("刘地 边峰 闫彩彦"): at least two, separated by spaces.
  const names = text.split(/[\s\u3000]+/u).filter(Boolean);
  if (names.length < 2 || names.length > 6 || !names.every((n) => /^\p{Script=Han}{2,3}$/u.test(n))) return undefined;
  return {
    bylines: names.map((name) => ({ name, role: alsoPhotos ? '文/图' : '文' })),
    alsoPhotos,
    doubt: `版面只印了姓名“${names.join(' ')}”，身份暂记为“文”，请核对`,
  };
}
