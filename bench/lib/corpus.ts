/**
 * Realistic synthetic features, recombined from the seed stories' own paragraphs.
 *
 * Benchmarks are only worth their numbers if the content looks like ours: long CJK
 * paragraphs without spaces, two-level sections, captioned Figures, the odd Gallery and
 * InfoBox, frontmatter that passes the real schema. So nothing here is lorem ipsum: every
 * paragraph, heading and caption comes from content/features/*\/index.mdx, recombined by a
 * seeded PRNG so the same N always gives the same corpus (byte for byte).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** xorshift32: small, deterministic, good enough to shuffle paragraphs. */
export function prng(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

export interface SeedPool {
  paragraphs: string[];
  headings: string[];
  captions: { caption: string; alt: string }[];
  titles: string[];
  summaries: string[];
  names: string[];
  districts: string[];
  topics: string[];
}

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** Split one feature's MDX into the pieces a synthetic feature is recombined from. */
export function harvest(mdx: string, pool: SeedPool): void {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(mdx);
  if (!match) return;
  const front = parseYaml(match[1] ?? '') as Record<string, unknown>;
  if (typeof front['title'] === 'string') pool.titles.push(front['title']);
  if (typeof front['summary'] === 'string') pool.summaries.push(front['summary']);
  for (const byline of (front['bylines'] as { name?: string }[] | undefined) ?? []) {
    if (byline.name) pool.names.push(byline.name);
  }
  for (const block of (match[2] ?? '').split(/\n\s*\n/)) {
    const text = block.trim();
    if (/^#{2,3} /.test(text)) pool.headings.push(text.replace(/^#+ /, ''));
    for (const tag of text.match(/<Figure\b[^>]*>/g) ?? []) {
      const caption = attribute(tag, 'caption');
      const alt = attribute(tag, 'alt');
      if (caption && alt) pool.captions.push({ caption, alt });
    }
    // Plain prose only: no JSX, lists, tables, quotes or headings, and long enough to be a paragraph.
    if (/^[^<#\-|>*\s]/.test(text) && !text.includes('\n') && [...text].length >= 40) pool.paragraphs.push(text);
  }
}

/** Read every seed feature and the district/topic ids the schema will accept. */
export function loadSeedPool(projectRoot: string): SeedPool {
  const pool: SeedPool = {
    paragraphs: [],
    headings: [],
    captions: [],
    titles: [],
    summaries: [],
    names: [],
    districts: [],
    topics: [],
  };
  const featuresDir = join(projectRoot, 'content/features');
  for (const slug of readdirSync(featuresDir).sort()) {
    try {
      harvest(readFileSync(join(featuresDir, slug, 'index.mdx'), 'utf8'), pool);
    } catch {
      // A folder a helper is still writing: skip it, the others are enough.
    }
  }
  const ids = (file: string) =>
    (parseYaml(readFileSync(join(projectRoot, 'content', file), 'utf8')) as { id: string }[]).map((e) => e.id);
  pool.districts = ids('districts.yaml');
  pool.topics = ids('topics.yaml');
  if (pool.paragraphs.length < 10 || pool.headings.length < 3 || pool.captions.length < 3) {
    throw new Error(
      `bench: content/features has too little seed text to recombine (${pool.paragraphs.length} paragraphs, ` +
        `${pool.headings.length} headings, ${pool.captions.length} captions); at least 10/3/3 are needed.`,
    );
  }
  return pool;
}

/** Place-name syllables for synthetic offices, so titles and search results differ. */
// Deduplicated: officeName() relies on every syllable being distinct.
const SYLLABLES = [
  ...new Set(
    '金水中原管城惠济上街巩义新密登封荥阳新郑航空港经开高新郑东龙湖花园南阳北林西湖东风建设文化人民桐柏嵩山陇海淮河黄河紫荆枫杨梧桐石佛沟赵须水',
  ),
];
const OFFICE_TYPES = ['办事处', '街道', '镇', '区'] as const;
const ROLES = ['记者', '本报记者', '通讯员', '郑报全媒体记者'];
/**
 * A distinct three-syllable office name per index (a bijection scrambled by a prime), so no
 * two features share a title: the content check rejects duplicate titles, as it should.
 */
export function officeName(index: number): string {
  const n = SYLLABLES.length;
  let code = (index * 7_919 + 104_729) % n ** 3;
  const chars: string[] = [];
  for (let i = 0; i < 3; i++) {
    chars.push(SYLLABLES[code % n]!);
    code = Math.floor(code / n);
  }
  return chars.join('');
}
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export interface SyntheticPhoto {
  /** The path written in the MDX, relative to the feature folder. */
  src: string;
  caption: string;
  alt: string;
}

export interface SyntheticFeature {
  slug: string;
  mdx: string;
  /** Every photo the MDX names; the cover is the first. */
  photos: SyntheticPhoto[];
}

/** A quoted YAML string that survives any CJK punctuation or quote inside. */
const yamlString = (text: string): string => JSON.stringify(text);
const jsxAttr = (text: string): string => text.replace(/"/g, '“');

export interface FeatureOptions {
  /** Photo path for figure `k` (0 = cover) of feature `index`. */
  photoPath: (index: number, k: number) => string;
}

/** The slug of the i-th synthetic feature: sorts in creation order. */
export const syntheticSlug = (index: number): string => `bench-${String(index).padStart(5, '0')}`;

/**
 * One feature: 2–5 figures (cover included, sometimes three of them in a Gallery), 2–4
 * sections, 6–14 paragraphs, an InfoBox one time in five. Same index → same feature.
 */
export function syntheticFeature(pool: SeedPool, index: number, options: FeatureOptions): SyntheticFeature {
  const random = prng(index * 2654435761 + 1);
  const slug = syntheticSlug(index);
  const office = officeName(index);
  const officeType = pick(random, OFFICE_TYPES);
  const year = 2012 + Math.floor(random() * 13);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const precision = random();
  const date =
    precision < 0.6
      ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
      : precision < 0.85
        ? `${year}-${String(month).padStart(2, '0')}`
        : `${year}`;
  const figureCount = 2 + Math.floor(random() * 4);
  const photos: SyntheticPhoto[] = Array.from({ length: figureCount }, (_, k) => {
    const { caption, alt } = pick(random, pool.captions);
    return { src: options.photoPath(index, k), caption, alt };
  });
  const tags = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, pool.topics)))];
  const bylines = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
    name: pick(random, pool.names.length ? pool.names : ['王赛华']),
    role: pick(random, ROLES),
  }));
  const headline = pick(random, pool.titles).replace(/^[^：]*：/, '');
  const summary = pick(random, pool.summaries);

  const front = [
    '---',
    `title: ${yamlString(`${office}${officeType}：${headline}`)}`,
    `summary: ${yamlString(summary)}`,
    `office: ${yamlString(office + officeType)}`,
    `officeType: ${officeType}`,
    `district: ${pick(random, pool.districts)}`,
    'city: 郑州市',
    `date: "${date}"`,
    // The content check wants a day-precise date backed by the text or a note, as editors must.
    ...(precision < 0.6 ? [`dateNote: ${yamlString(`版面日期：${year}年${month}月${day}日`)}`] : []),
    'bylines:',
    ...bylines.map((b) => `  - { name: ${b.name}, role: ${b.role} }`),
    'photoCredit: 本报记者 摄',
    'cover:',
    `  src: ${photos[0]!.src}`,
    `  alt: ${yamlString(photos[0]!.alt)}`,
    `  caption: ${yamlString(photos[0]!.caption)}`,
    `tags: [${tags.join(', ')}]`,
    'source:',
    '  newspaper: 郑州日报',
    'draft: false',
    '---',
  ];

  const body: string[] = [];
  const figureTag = (photo: SyntheticPhoto) =>
    `<Figure src="${photo.src}" alt="${jsxAttr(photo.alt)}" caption="${jsxAttr(photo.caption)}" />`;
  const inline = photos.slice(1);
  const gallery = inline.length >= 3 && random() < 0.4 ? inline.splice(inline.length - 3, 3) : [];
  const sections = 2 + Math.floor(random() * 3);
  const paragraphs = 6 + Math.floor(random() * 9);
  body.push(pick(random, pool.paragraphs));
  for (let s = 0; s < sections; s++) {
    body.push(`## ${pick(random, pool.headings)}`);
    const share = Math.max(1, Math.round(paragraphs / sections));
    for (let p = 0; p < share; p++) {
      body.push(pick(random, pool.paragraphs));
      if (p === 0 && inline.length > 0) body.push(figureTag(inline.shift()!));
    }
    if (s === 0 && random() < 0.2) {
      body.push(`<InfoBox title="${office}${officeType}概况">\n\n- ${pick(random, pool.paragraphs)}\n\n</InfoBox>`);
    }
  }
  for (const photo of inline) body.push(figureTag(photo));
  if (gallery.length > 0) body.push(`<Gallery>\n${gallery.map((p) => `  ${figureTag(p)}`).join('\n')}\n</Gallery>`);

  return { slug, photos, mdx: `${front.join('\n')}\n\n${body.join('\n\n')}\n` };
}
