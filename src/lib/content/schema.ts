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

/** The fields of a feature, by key: their Chinese names appear in every message about them. */
export const FIELDS = {
  title: { key: 'title', zh: '主标题' },
  kicker: { key: 'kicker', zh: '引题' },
  subtitle: { key: 'subtitle', zh: '副题' },
  summary: { key: 'summary', zh: '导语' },
  office: { key: 'office', zh: '单位全称' },
  officeType: { key: 'officeType', zh: '单位类型' },
  district: { key: 'district', zh: '所属区' },
  city: { key: 'city', zh: '城市' },
  date: { key: 'date', zh: '日期' },
  dateInferred: { key: 'dateInferred', zh: '日期是否推断' },
  dateNote: { key: 'dateNote', zh: '推断依据' },
  bylines: { key: 'bylines', zh: '作者' },
  bylineName: { key: 'bylines.name', zh: '作者姓名' },
  bylineRole: { key: 'bylines.role', zh: '作者身份' },
  photoCredit: { key: 'photoCredit', zh: '图片默认署名' },
  cover: { key: 'cover', zh: '题图' },
  coverSrc: { key: 'cover.src', zh: '题图文件' },
  coverAlt: { key: 'cover.alt', zh: '题图替代文本' },
  coverCaption: { key: 'cover.caption', zh: '题图图注' },
  coverCredit: { key: 'cover.credit', zh: '题图署名' },
  coverPlaceholder: { key: 'cover.placeholder', zh: '占位图' },
  tags: { key: 'tags', zh: '话题' },
  source: { key: 'source', zh: '见报信息' },
  sourceNewspaper: { key: 'source.newspaper', zh: '报纸名称' },
  sourcePage: { key: 'source.page', zh: '版面' },
  draft: { key: 'draft', zh: '草稿' },
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
  return group(undefined, {
    /** 主标题：the headline as printed. */
    title: text(F.title),
    /** 引题：the line printed above the headline. Optional. */
    kicker: optionalText(F.kicker),
    /** 副题：the line printed below the headline. Optional. */
    subtitle: optionalText(F.subtitle),
    /** 导语：40–200 characters for cards, search results and the page description. */
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
    /** 单位全称：the office the feature is about, e.g. 九龙办事处. */
    office: text(F.office),
    /** 单位类型：one of 办事处、街道、镇、区. */
    officeType: oneOf(F.officeType, OFFICE_TYPES),
    /** 所属区：the id of an entry in content/districts.yaml, e.g. jingkai. */
    district,
    /** 城市：e.g. 郑州市. */
    city: text(F.city),
    /** 日期：quoted "YYYY", "YYYY-MM" or "YYYY-MM-DD" — only as precise as the source; never invent a day. */
    date: featureDate(F.date),
    /** 日期是否推断：true when the date is inferred from the text rather than printed. */
    dateInferred: flag(F.dateInferred),
    /** 推断依据：one sentence on how the date was inferred; required when dateInferred is true. */
    dateNote: optionalText(F.dateNote),
    /** 作者：name and role for each byline, e.g. { name: 王赛华, role: 记者 }. */
    bylines: list(
      F.bylines,
      group(F.bylines, {
        /** 姓名 */
        name: text(F.bylineName),
        /** 身份：记者、本报记者、通讯员、摄影、文/图、编辑… */
        role: text(F.bylineRole),
      }),
    ),
    /** 图片默认署名：used for photos that give no credit of their own. Optional. */
    photoCredit: optionalText(F.photoCredit),
    /** 题图：the lead photo, a file beside index.mdx. */
    cover: group(F.cover, {
      /** 图片文件，如 ./photo-1.jpg */
      src: photo,
      /** 替代文本：describe what the photo shows, for readers who cannot see it. */
      alt: text(F.coverAlt),
      /** 图注：the cover's caption as printed. Optional; do not repeat the cover as a Figure in the text. */
      caption: optionalText(F.coverCaption),
      /** 图片署名：e.g. 本报记者 李雪婷 摄. Optional; falls back to photoCredit. */
      credit: optionalText(F.coverCredit),
      /** 占位图：true while the photo is a placeholder rather than the real picture. */
      placeholder: flag(F.coverPlaceholder),
    }),
    /** 话题：ids from content/topics.yaml, e.g. [dangjian, shequ]. */
    tags: list(F.tags, topic),
    /** 见报信息：where the feature was printed, as far as known. Optional. */
    source: group(F.source, {
      /** 报纸名称，如 郑州日报 */
      newspaper: text(F.sourceNewspaper),
      /** 版面，如 第05版 或 专版 */
      page: optionalText(F.sourcePage),
    }).optional(),
    /** 草稿：true keeps the feature out of the published site (it shows in `npm run dev` only). */
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
