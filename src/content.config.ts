/**
 * The content contract between editors and the site.
 *
 * Each feature is a folder `content/features/<slug>/` holding `index.mdx` and its photos.
 * Every field below carries a one-line note saying what an editor writes; the messages
 * passed to zod are what an editor sees when a field is wrong, so they say how to fix it.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { parseFeatureDate } from './lib/feature-date.ts';

export const OFFICE_TYPES = ['办事处', '街道', '镇', '区'] as const;

/** The message an editor sees when a field is left out entirely, or given as a list or number. */
const missing = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined
    ? `缺少 ${what}，请在文件开头的 frontmatter 中填写 / ${what} is missing: add it to the frontmatter`
    : `${what} 应为文字 / ${what} must be text`;

const nonEmpty = (what: string) =>
  z
    .string({ error: missing(what) })
    .trim()
    .min(1, `${what}不能为空 / ${what} must not be empty`);

const features = defineCollection({
  loader: glob({
    pattern: '*/index.mdx',
    base: './content/features',
    // The folder name is the slug: content/features/jiulong/index.mdx → /features/jiulong/
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: ({ image }) =>
    z
      .object({
        /** 主标题：the headline as printed. */
        title: nonEmpty('title（主标题）'),
        /** 引题：the line printed above the headline. Optional. */
        kicker: z.string().trim().min(1).optional(),
        /** 副题：the line printed below the headline. Optional. */
        subtitle: z.string().trim().min(1).optional(),
        /** 导语：40–200 characters for cards, search results and the page description. */
        summary: z
          .string({ error: missing('summary（导语）') })
          .trim()
          .min(40, 'summary（导语）至少 40 个字符 / summary must be at least 40 characters')
          .max(200, 'summary（导语）最多 200 个字符 / summary must be at most 200 characters'),
        /** 单位全称：the office the feature is about, e.g. 九龙办事处. */
        office: nonEmpty('office（单位全称）'),
        /** 单位类型：one of 办事处、街道、镇、区. */
        officeType: z.enum(OFFICE_TYPES, {
          error: `officeType 只能是 ${OFFICE_TYPES.join('、')} 之一 / officeType must be one of ${OFFICE_TYPES.join(', ')}`,
        }),
        /** 所属区：the id of an entry in content/districts.yaml, e.g. jingkai. */
        district: reference('districts'),
        /** 城市：e.g. 郑州市. */
        city: nonEmpty('city（城市）'),
        /** 日期：quoted "YYYY", "YYYY-MM" or "YYYY-MM-DD" — only as precise as the source; never invent a day. */
        date: z.union([z.string(), z.date()], { error: missing('date（日期）') }).transform((value, ctx) => {
          // An unquoted YAML date (2019-07-01) arrives as a Date; keep its calendar day.
          const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
          const parsed = parseFeatureDate(text);
          if (!parsed) {
            ctx.addIssue({
              code: 'custom',
              message: `date（日期）“${text}”无效：请写 "2019"、"2019-07" 或 "2019-07-01" / date must be "YYYY", "YYYY-MM" or "YYYY-MM-DD"`,
            });
            return z.NEVER;
          }
          return parsed;
        }),
        /** 日期是否推断：true when the date is inferred from the text rather than printed. */
        dateInferred: z.boolean().default(false),
        /** 推断依据：one sentence on how the date was inferred; required when dateInferred is true. */
        dateNote: z.string().trim().min(1).optional(),
        /** 作者：name and role for each byline, e.g. { name: 王赛华, role: 记者 }. */
        bylines: z
          .array(
            z.object({
              /** 姓名 */
              name: nonEmpty('bylines 中的 name（姓名）'),
              /** 身份：记者、本报记者、通讯员、摄影、文/图、编辑… */
              role: nonEmpty('bylines 中的 role（身份）'),
            }),
          )
          .default([]),
        /** 图片默认署名：used for photos that give no credit of their own. Optional. */
        photoCredit: z.string().trim().min(1).optional(),
        /** 题图：the lead photo, a file beside index.mdx. */
        cover: z.object({
          /** 图片文件，如 ./photo-1.jpg */
          src: image(),
          /** 替代文本：describe what the photo shows, for readers who cannot see it. */
          alt: nonEmpty('cover.alt（题图替代文本）'),
          /** 图注：the cover's caption as printed. Optional; do not repeat the cover as a Figure in the text. */
          caption: z.string().trim().min(1).optional(),
          /** 图片署名：e.g. 本报记者 李雪婷 摄. Optional; falls back to photoCredit. */
          credit: z.string().trim().min(1).optional(),
          /** 占位图：true while the photo is a placeholder rather than the real picture. */
          placeholder: z.boolean().default(false),
        }),
        /** 话题：ids from content/topics.yaml, e.g. [dangjian, shequ]. */
        tags: z.array(reference('topics')).default([]),
        /** 见报信息：where the feature was printed, as far as known. Optional. */
        source: z
          .object({
            /** 报纸名称，如 郑州日报 */
            newspaper: nonEmpty('source.newspaper（报纸名称）'),
            /** 版面，如 第05版 或 专版 */
            page: z.string().trim().min(1).optional(),
          })
          .optional(),
        /** 草稿：true keeps the feature out of the published site (it shows in `npm run dev` only). */
        draft: z.boolean().default(false),
      })
      .superRefine((data, ctx) => {
        if (data.dateInferred && !data.dateNote) {
          ctx.addIssue({
            code: 'custom',
            path: ['dateNote'],
            message:
              'dateInferred 为 true 时必须写 dateNote，说明日期从何推断 / dateNote is required when dateInferred is true: say how the date was inferred',
          });
        }
      }),
});

const districts = defineCollection({
  loader: file('content/districts.yaml'),
  schema: z.object({
    /** 简称，读者看到的名称，如 经开区 */
    name: nonEmpty('name（简称）'),
    /** 全称，如 郑州经济技术开发区 */
    fullName: nonEmpty('fullName（全称）'),
    /** 所属城市，如 郑州市 */
    city: nonEmpty('city（城市）'),
  }),
});

const topics = defineCollection({
  loader: file('content/topics.yaml'),
  schema: z.object({
    /** 话题名称，读者看到的文字，如 党建引领 */
    name: nonEmpty('name（话题名称）'),
  }),
});

export const collections = { features, districts, topics };
