/**
 * The content contract run in-process, the way `npm run check` runs it: each case breaks
 * 沟赵办事处's real frontmatter (seed 004) and reads the issues an editor would be shown.
 * (That Astro applies the same schema is tests/cli/content-schema.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { knownId, photoPath, splitMessage } from './fields.ts';
import { FIELDS, featureSchema } from './schema.ts';

const schema = featureSchema({
  photo: photoPath(FIELDS.coverSrc),
  district: knownId(
    FIELDS.district,
    'content/districts.yaml',
    [
      { id: 'jingkai', name: '经开区', fullName: '郑州经济技术开发区' },
      { id: 'gaoxin', name: '高新区' },
    ],
    'unknown-district',
  ),
  topic: knownId(
    FIELDS.tags,
    'content/topics.yaml',
    [
      { id: 'dangjian', name: '党建引领' },
      { id: 'chuangxin', name: '创新创业' },
    ],
    'unknown-topic',
  ),
});

const GOOD = {
  title: '沟赵办事处：党建引领“五个之城”协奏 创新创业铸“智美”硬核',
  summary:
    '地处郑州高新区西部、面积35.97平方公里的沟赵办事处，以西四环区域的“智美新城”开发为己任，坚持以党建为引领，实行“五个一”工程。',
  office: '沟赵办事处',
  officeType: '办事处',
  district: 'gaoxin',
  city: '郑州市',
  date: '2020',
  cover: { src: './photo-1.jpg', alt: '省领导在新华三大数据技术有限公司调研' },
  tags: ['dangjian', 'chuangxin'],
};

/** Each issue as `path: 中文 | English`. */
function issues(changes: Record<string, unknown>): string[] {
  const data: Record<string, unknown> = { ...GOOD, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) Reflect.deleteProperty(data, key);
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const { zh, en } = splitMessage(issue.message);
    return `${issue.path.join('.')}: ${zh} | ${en}`;
  });
}

describe('feature frontmatter', () => {
  it('accepts the real frontmatter, and an unquoted YAML date as that day', () => {
    expect(issues({})).toEqual([]);
    expect(issues({ date: new Date('2020-06-29T00:00:00Z') })).toEqual([]);
    const parsed = schema.parse({ ...GOOD, date: '2020-06' });
    expect(parsed.date).toMatchObject({ year: 2020, month: 6, precision: 'month' });
    expect(parsed).toMatchObject({ draft: false, dateInferred: false, bylines: [], cover: { placeholder: false } });
  });

  it('names the field, what was written and how to fix it, for a missing, empty or mistyped field', () => {
    expect(issues({ title: undefined, kicker: '', subtitle: null, city: 42, draft: 'false' })).toMatchInlineSnapshot(`
      [
        "title: 缺少 title（主标题）：请在设置项里补上这一项 | title is missing: add it",
        "kicker: kicker（引题）不能为空 | kicker must not be empty",
        "subtitle: subtitle（副题）是空的：请填写文字，或删去这一行 | subtitle is empty: give text, or delete the line",
        "city: city（城市）应为文字，这里写的是数字 42 | city must be text, not a number (42)",
        "draft: draft（草稿）应为 true 或 false，这里写的是文字“false” | draft must be true or false, not the text "false"",
      ]
    `);
  });

  it('suggests the id a typo came from, or the id of a name written instead', () => {
    expect(issues({ district: 'nowhere', tags: ['dangjianx', '创新创业'] })).toMatchInlineSnapshot(`
      [
        "district: district（所属区）“nowhere”不在 content/districts.yaml 里。可用的 id：jingkai、gaoxin。要新增请先在 content/districts.yaml 里加一项 | district "nowhere" is not an id in content/districts.yaml; valid ids: jingkai, gaoxin",
        "tags.0: tags（话题）“dangjianx”不在 content/topics.yaml 里。是不是 dangjian？要新增请先在 content/topics.yaml 里加一项 | tags "dangjianx" is not an id in content/topics.yaml; did you mean dangjian?",
        "tags.1: tags（话题）“创新创业”不在 content/topics.yaml 里。是不是 chuangxin？要新增请先在 content/topics.yaml 里加一项 | tags "创新创业" is not an id in content/topics.yaml; did you mean chuangxin?",
      ]
    `);
  });

  it('reports a misspelled key instead of dropping its value, at any depth', () => {
    expect(issues({ titel: 'x', cover: { ...GOOD.cover, captoin: '图注' } }).map((i) => i.split(' | ')[1]))
      .toMatchInlineSnapshot(`
      [
        "unknown field "captoin" (did you mean caption?) under cover; known fields: src, alt, caption, credit, placeholder",
        "unknown field "titel" (did you mean title?); known fields: title, kicker, subtitle, summary, office, officeType, district, city, date, dateInferred, dateNote, bylines, photoCredit, cover, tags, source, draft",
      ]
    `);
  });

  it('takes only real dates, as precise as written, and no time of day', () => {
    for (const date of ['2020年7月', '2020/07/01', '2020-7', '2020-02-30', '20-07', '', 2020, new Date('2020-06-29T08:30:00Z')])
      expect(issues({ date }), String(date)).toHaveLength(1);
  });

  it('asks for dateNote when the date is inferred, alongside every other mistake', () => {
    expect(issues({ dateInferred: true, summary: '太短。' }).map((i) => i.split(':')[0])).toEqual(['summary', 'dateNote']);
  });

  it('checks a photo is named as a file beside index.mdx, in a format the site encodes', () => {
    expect(issues({ cover: { ...GOOD.cover, src: 'photo-1.jpg' } })).toHaveLength(1);
    expect(issues({ cover: { ...GOOD.cover, src: './photos/photo-1.jpg' } })).toHaveLength(1);
    expect(issues({ cover: { ...GOOD.cover, src: './photo-1.gif' } })).toHaveLength(1);
    expect(issues({ cover: { ...GOOD.cover, src: './Photo 1.JPG' } })).toEqual([]);
  });
});
