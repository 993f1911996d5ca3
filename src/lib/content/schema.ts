/**
 * The content contract between editors and the site: every frontmatter field of a feature,
 * what an editor writes there, and the message they get when it is wrong.
 *
 * Each feature is a folder `content/features/<slug>/` holding `index.mdx` and its photos;
 * features point at entries of `content/districts.yaml` and `content/topics.yaml`.
 *
 * One schema, two users. `src/content.config.ts` hands it to Astro's collections, and
 * `npm run check` (src/lib/check/) runs it in-process over every feature before anything is
 * built, so that every mistake in every file is reported in one run with its line. The three
 * fields that point elsewhere are parameters, because the two users resolve them differently:
 * the check validates ids against the YAML files it has read; Astro turns ids into
 * `reference()`s. Both check `cover.src` as a path beside index.mdx (photoPath): the features
 * loader resolves it to the photo itself (src/lib/features/loader.ts).
 */
import { z } from 'astro/zod';
import { parseFeatureDate } from '../feature-date.ts';
import { bilingual, describeValue, flag, group, list, named, oneOf, optionalText, text, type Field } from './fields.ts';

export const OFFICE_TYPES = ['办事处', '街道', '镇', '区'] as const;

/**
 * A name that becomes part of an address: a feature's folder (/features/jiulong/), a district's
 * or a topic's id. Lowercase pinyin, digits and single hyphens, so every address is plain ASCII.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The fields of a feature, by key: their Chinese names appear in every message about them, and
 * `help` is each field's doc line, the one place the schema below and the desk's form read it.
 */
export const FIELDS = {
  title: { key: 'title', zh: '主标题', help: '照版面写的主标题。' },
  kicker: { key: 'kicker', zh: '引题', help: '印在主标题上方的一行。可不填。' },
  subtitle: { key: 'subtitle', zh: '副题', help: '印在主标题下方的一行。可不填。' },
  summary: { key: 'summary', zh: '导语', help: '40–200 个字，用在卡片、搜索结果和网页描述里。' },
  office: { key: 'office', zh: '单位全称', help: '稿件写的单位全称，如 九龙办事处。' },
  officeType: { key: 'officeType', zh: '单位类型', help: '办事处、街道、镇、区 之一。' },
  district: { key: 'district', zh: '所属区', help: 'content/districts.yaml 里的一项，如 jingkai（经开区）。' },
  city: { key: 'city', zh: '城市', help: '如 郑州市。' },
  date: { key: 'date', zh: '日期', help: '见报日期，写 "2019"、"2019-07" 或 "2019-07-01"：只写到有依据的精度，不要编造日。' },
  dateInferred: { key: 'dateInferred', zh: '日期是否推断', help: '版面没印日期、日期是从正文推断的时候选“是”。' },
  dateNote: { key: 'dateNote', zh: '推断依据', help: '一句话说明日期从何推断；日期是推断的时候必填。' },
  bylines: { key: 'bylines', zh: '作者', help: '作者，每人一项：姓名和身份，如 王赛华、记者。' },
  bylineName: { key: 'bylines.name', zh: '作者姓名', help: '作者姓名。' },
  bylineRole: { key: 'bylines.role', zh: '作者身份', help: '记者、本报记者、通讯员、摄影、文/图、编辑……' },
  photoCredit: { key: 'photoCredit', zh: '图片默认署名', help: '照片没有单独署名时显示的署名。可不填。' },
  cover: { key: 'cover', zh: '题图', help: '题图：稿件文件夹里的一张照片。' },
  coverSrc: { key: 'cover.src', zh: '题图文件', help: '照片文件，放在稿件文件夹里，写成 ./photo-1.jpg。' },
  coverAlt: { key: 'cover.alt', zh: '题图替代文本', help: '一句话说清照片里有什么，给看不见照片的读者。' },
  coverCaption: { key: 'cover.caption', zh: '题图图注', help: '照版面写的题图图注。可不填；题图不要在正文里再用 Figure 重复。' },
  coverCredit: { key: 'cover.credit', zh: '题图署名', help: '如 本报记者 李雪婷 摄。可不填，不填时用图片默认署名。' },
  coverPlaceholder: { key: 'cover.placeholder', zh: '占位图', help: '还是占位图时选“是”，换成真实照片后取消。' },
  tags: { key: 'tags', zh: '话题', help: 'content/topics.yaml 里的话题，如 党建引领、社区建设。' },
  source: { key: 'source', zh: '见报信息', help: '见报的报纸和版面，知道多少写多少。可不填。' },
  sourceNewspaper: { key: 'source.newspaper', zh: '报纸名称', help: '如 郑州日报。' },
  sourcePage: { key: 'source.page', zh: '版面', help: '如 第05版 或 专版。可不填。' },
  draft: { key: 'draft', zh: '草稿', help: '草稿不发布：只在本地预览里可见，不进网站、RSS、网站地图和搜索。' },
} as const satisfies Record<string, Field>;

const SUMMARY = { min: 40, max: 200 };

/**
 * "2019", "2019-07" or "2019-07-01", as precise as the source and no more (feature-date.ts).
 * An unquoted 2019-07-01 reaches the schema as a YAML date and is taken as that day.
 */
function featureDate(field: Field) {
  const forms = `请写 "2019"、"2019-07" 或 "2019-07-01"（带英文引号）`;
  const formsEn = 'write "YYYY", "YYYY-MM" or "YYYY-MM-DD" (quoted)';
  return z.unknown().transform((value, ctx) => {
    let text: string | undefined;
    if (typeof value === 'string') text = value;
    else if (value instanceof Date && value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() === 0)
      text = value.toISOString().slice(0, 10);
    const parsed = text === undefined ? undefined : parseFeatureDate(text);
    if (parsed) return parsed;
    const written = value === undefined ? undefined : text !== undefined ? `“${text}”` : describeValue(value).zh;
    ctx.addIssue({
      code: 'custom',
      message:
        written === undefined
          ? bilingual(`缺少 ${named(field)}：请在设置项里补上，${forms}`, `${field.key} is missing: ${formsEn}`)
          : bilingual(
              `${named(field)}写的是${written}，不是有效的日期：${forms}；月、日写两位数，日期要真实存在`,
              `${field.key} is ${text !== undefined ? `"${text}"` : describeValue(value).en}, not a date: ${formsEn}, a real date`,
            ),
    });
    return z.NEVER;
  });
}

/** What `featureSchema` needs to know about the fields that point elsewhere. */
export interface FeatureSchemaOptions<Photo extends z.ZodType, District extends z.ZodType, Topic extends z.ZodType> {
  /** `cover.src`: photoPath() for a plain `./photo-1.jpg` (the check and the features loader alike). */
  photo: Photo;
  /** `district`: knownId() over content/districts.yaml, or Astro's reference('districts'). */
  district: District;
  /** Each of `tags`: knownId() over content/topics.yaml, or Astro's reference('topics'). */
  topic: Topic;
}

/** A feature's frontmatter. */
export function featureSchema<Photo extends z.ZodType, District extends z.ZodType, Topic extends z.ZodType>({
  photo,
  district,
  topic,
}: FeatureSchemaOptions<Photo, District, Topic>) {
  const F = FIELDS;
  // What each field is: FIELDS[…].help.
  return group(undefined, {
    title: text(F.title),
    kicker: optionalText(F.kicker),
    subtitle: optionalText(F.subtitle),
    summary: text(F.summary)
      .min(
        SUMMARY.min,
        bilingual(
          `${named(F.summary)}至少 ${SUMMARY.min} 个字符`,
          `summary must be at least ${SUMMARY.min} characters`,
        ),
      )
      .max(
        SUMMARY.max,
        bilingual(`${named(F.summary)}最多 ${SUMMARY.max} 个字符`, `summary must be at most ${SUMMARY.max} characters`),
      ),
    office: text(F.office),
    officeType: oneOf(F.officeType, OFFICE_TYPES),
    district,
    city: text(F.city),
    date: featureDate(F.date),
    dateInferred: flag(F.dateInferred),
    dateNote: optionalText(F.dateNote),
    bylines: list(
      F.bylines,
      group(F.bylines, {
        name: text(F.bylineName),
        role: text(F.bylineRole),
      }),
    ),
    photoCredit: optionalText(F.photoCredit),
    cover: group(F.cover, {
      src: photo,
      alt: text(F.coverAlt),
      caption: optionalText(F.coverCaption),
      credit: optionalText(F.coverCredit),
      placeholder: flag(F.coverPlaceholder),
    }),
    tags: list(F.tags, topic),
    source: group(F.source, {
      newspaper: text(F.sourceNewspaper),
      page: optionalText(F.sourcePage),
    }).optional(),
    draft: flag(F.draft),
  }).superRefine(
    (data, ctx) => {
      // Read as written: this runs even when other fields failed, so every mistake shows in one run.
      const { dateInferred, dateNote } = data as { dateInferred?: unknown; dateNote?: unknown };
      if (dateInferred === true && dateNote === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['dateNote'],
          message: bilingual(
            'dateInferred 为 true 时必须写 dateNote（推断依据），说明日期从何推断',
            'dateNote is required when dateInferred is true: say how the date was inferred',
          ),
        });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
}

/** An entry of content/districts.yaml. */
export const districtSchema = z.object({
  /** 简称，读者看到的名称，如 经开区 */
  name: text({ key: 'name', zh: '简称' }),
  /** 全称，如 郑州经济技术开发区 */
  fullName: text({ key: 'fullName', zh: '全称' }),
  /** 所属城市，如 郑州市 */
  city: text({ key: 'city', zh: '城市' }),
});

/** An entry of content/topics.yaml. */
export const topicSchema = z.object({
  /** 话题名称，读者看到的文字，如 党建引领 */
  name: text({ key: 'name', zh: '话题名称' }),
});
