import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seeds } from '../../../tests/support/site.ts';
import { fidelity, visibleText } from '../../../tests/editors/visible-text.ts';
import { checkComponents } from '../content/rules/components.ts';
import { guardMdx } from '../content/rules/mdx-guard.ts';
import { checkPhotos } from '../content/rules/photos.ts';
import { readFeatureText } from '../features/feature.ts';
import { parseByline } from './bylines.ts';
import { parseMarkedCaption, parseSlotCaption } from './captions.ts';
import { decodeRaw } from './decode.ts';
import { parseDistricts } from './districts.ts';
import { furnitureReason } from './furniture.ts';
import { importPage } from './index.ts';
import { joinLines, joinPair } from './join-lines.ts';
import { toFullWidth } from '../content/punctuation.ts';
import { encodeGb18030 } from '../../../tests/support/gb18030.ts';

const SEEDS = seeds;
const districts = parseDistricts(readFileSync(new URL('../../../content/districts.yaml', import.meta.url), 'utf8'));

describe('decoding', () => {
  const text = '九龙办事处位于经开区东南部，作为经济发展的主战场。';
  it('reads UTF-8, UTF-8 with BOM and GB18030', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeRaw(utf8)).toEqual({ text, encoding: 'utf-8' });
    expect(decodeRaw(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({
      text,
      encoding: 'utf-8-bom',
    });
    expect(decodeRaw(encodeGb18030(text))).toEqual({
      text,
      encoding: 'gb18030',
    });
  });
  it('refuses empty, binary and undecodable input with a message', () => {
    expect(() => decodeRaw(new Uint8Array([0x0a, 0x20]), 'a.txt')).toThrowErrorMatchingInlineSnapshot(
      `[ImportError: a.txt: 文件是空的，没有可导入的文字 / the file is empty: export the page text again]`,
    );
    expect(() =>
      decodeRaw(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), 'a.png'),
    ).toThrowErrorMatchingInlineSnapshot(
      `[ImportError: a.png: 这不是文本文件（含有二进制内容），请从排版系统导出“纯文本（.txt）” / this is not a text file (it contains binary data): export the page as plain text (.txt)]`,
    );
    expect(() => decodeRaw(new Uint8Array([0xe4, 0xb8, 0xff, 0xff, 0xd6]), 'b.txt')).toThrowErrorMatchingInlineSnapshot(
      `[ImportError: b.txt: 无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK。请在排版系统中另存为 UTF-8 或 GBK 纯文本 / unrecognised encoding: neither UTF-8 nor GB18030/GBK. Save the page as UTF-8 or GBK plain text]`,
    );
  });
});

describe('joining hard-wrapped lines', () => {
  it('adds no space between Chinese, one between Latin words', () => {
    expect(joinLines(['日前，记者来到九龙办事处的国庄村', '采访，昔日的国庄村'])).toBe(
      '日前，记者来到九龙办事处的国庄村采访，昔日的国庄村',
    );
    expect(joinLines(['the Belt and', 'Road Initiative'])).toBe('the Belt and Road Initiative');
    expect(joinPair('最大限度降低辖区PM2.5和', 'PM10指数')).toBe('最大限度降低辖区PM2.5和PM10指数');
  });
});

describe('punctuation', () => {
  it('turns half-width marks full-width in Chinese context only', () => {
    expect(toFullWidth('总人口16.2万人,辖桂鹤、九州(社区)等.').text).toBe('总人口16.2万人，辖桂鹤、九州（社区）等。');
    expect(toFullWidth('投资1,000万元,见 https://example.cn/a,b?x=1 和 Hello, world.').text).toBe(
      '投资1,000万元，见 https://example.cn/a,b?x=1 和 Hello, world.',
    );
    expect(toFullWidth('会议于10:30开始:全体到会!').text).toBe('会议于10:30开始：全体到会！');
  });
});

describe('captions, bylines, furniture', () => {
  it('finds captions and splits their credits', () => {
    expect(parseMarkedCaption('九州路办事处庆“七一”党建文艺晚会演出现场。资料照片 九州路办事处提供')).toEqual({
      caption: '九州路办事处庆“七一”党建文艺晚会演出现场。',
      credit: '资料照片 九州路办事处提供',
    });
    expect(parseMarkedCaption('图二 须水河南支公园蜕变成风景如画的城市公园。')).toEqual({
      label: '图二',
      caption: '须水河南支公园蜕变成风景如画的城市公园。',
    });
    expect(parseMarkedCaption('新建的大寨店社区住宅楼。 本报记者 李雪婷 摄')?.credit).toBe('本报记者 李雪婷 摄');
    expect(parseSlotCaption('京广路试验段道路综合改造', 3)).toEqual({
      caption: '京广路试验段道路综合改造',
    });
    expect(parseSlotCaption('京广路试验段道路综合改造', 1)).toBeUndefined();
  });
  it('reads bylines in the forms pages print', () => {
    expect(parseByline('记者 王赛华')?.bylines).toEqual([{ name: '王赛华', role: '记者' }]);
    expect(parseByline('郑报全媒体记者 范光华 张改华 通讯员 徐克镜 郭佳星 文/图')).toMatchObject({
      alsoPhotos: true,
      bylines: [
        { name: '范光华', role: '郑报全媒体记者' },
        { name: '张改华', role: '郑报全媒体记者' },
        { name: '徐克镜', role: '通讯员' },
        { name: '郭佳星', role: '通讯员' },
      ],
    });
    expect(parseByline('本报记者杨丽萍通讯员王令晖文图')?.bylines).toEqual([
      { name: '杨丽萍', role: '本报记者' },
      { name: '王令晖', role: '通讯员' },
    ]);
    expect(parseByline('刘地 边峰 闫彩彦')?.bylines.map((b) => b.name)).toEqual(['刘地', '边峰', '闫彩彦']);
    expect(parseByline('记者在现场看到，道路中间宽阔的绿化带')).toBeUndefined();
  });
  it('drops page furniture and nothing else', () => {
    expect(furnitureReason('(上接第一版)')).toBe('转版提示');
    expect(furnitureReason('（下转第三版）')).toBe('转版提示');
    expect(furnitureReason('图五')).toBe('图片位置标记');
    expect(furnitureReason('强阵地。先后在7个行政村建立党群服务中心')).toBeUndefined();
  });
});

describe('a page with two stories, a byline, an editor’s note and a column break', () => {
  // Cut from seeds 002 and 004: enough text per story for the splitter to trust it.
  const para = (office: string, n: number) =>
    `${office}坚持党建引领，持续推进第${n}项重点工作，群众满意度明显提升，${office}的做法得到广泛认可，各项工作取得积极成效，辖区面貌焕然一新。`.repeat(
      3,
    );
  const raw = [
    '坚持党建引领 做优基层治理 沟赵办事处:高品质擘画美丽新画卷',
    '',
    '编者按',
    '提升道路品质,出行顺心;改造人居环境,住得舒心。',
    '',
    ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap((n) => [para('沟赵办事处', n), '']),
    '“遇到不理解的居民,党员就上门一次又一次地做工',
    '',
    '',
    '',
    '京广路试验段道路综合改造',
    '',
    '作,直到把理说透、把工作做通。”',
    '',
    '郑报全媒体记者 范光华 通讯员 徐克镜 文/图',
    '',
    '(上接第一版)',
    '',
    ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap((n) => [para('枫杨办事处', n), '']),
  ].join('\n');
  const result = importPage(raw, {
    file: 'page.txt',
    districts,
    fallbackSlug: 'page',
  });

  it('splits the stories and fills what the text allows', () => {
    expect(result.features.map((f) => f.slug)).toEqual(['page-1', 'page-2']);
    const [first, second] = result.features.map((f) => f.mdx);
    expect(first).toContain('title: "沟赵办事处：高品质擘画美丽新画卷"');
    expect(first).toContain('kicker: "坚持党建引领 做优基层治理"');
    expect(first).toContain('  - { name: "范光华", role: "郑报全媒体记者" }');
    expect(first).toContain('<EditorNote>\n\n提升道路品质，出行顺心；改造人居环境，住得舒心。\n\n</EditorNote>');
    expect(first).toContain('党员就上门一次又一次地做工作，直到把理说透、把工作做通。”');
    expect(first).toContain('caption: "京广路试验段道路综合改造"');
    expect(first).toContain('draft: true');
    expect(second).toContain('office: "枫杨办事处"');
    expect(second).toContain('# 待核对：版面上没有找到这篇稿件的标题，请填写');
    expect(result.features.flatMap((f) => f.notes).map((n) => n.message)).toContain(
      '删除版面元素（转版提示）：“(上接第一版)”',
    );
  });
});

describe('every seed page', () => {
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const expectedStories: Record<string, number> = {
    '000': 1,
    '001': 1,
    '002': 1,
    '003': 2,
    '004': 2,
  };
  for (const seed of seeds) {
    it(`${seed}: drafts that keep ≥ 97% of the seed's fragments and pass the checks`, () => {
      const text = readFileSync(`${SEEDS}/${seed}`, 'utf8');
      const result = importPage(text, {
        file: seed,
        districts,
        fallbackSlug: 'seed',
      });
      expect(result.features).toHaveLength(expectedStories[seed.slice(0, 3)] ?? 1);
      const score = fidelity(
        text,
        result.features.map((f) => visibleText(f.mdx)),
      );
      expect(score.share, `missing: ${score.missing.join(' | ')}`).toBeGreaterThanOrEqual(0.97);
      for (const feature of result.features) {
        const source = readFeatureText({
          file: `${feature.slug}/index.mdx`,
          slug: feature.slug,
          contents: feature.mdx,
        });
        expect(source.parseError).toBeUndefined();
        expect(source.frontmatter.error).toBeUndefined();
        expect(guardMdx(source)).toEqual([]);
        // The Figures it writes: every prop in place (figure-src, figure-alt, figure-caption), every path a photo's.
        const noLists = { districts: { file: '', entries: [] }, topics: { file: '', entries: [] } };
        expect([...checkComponents(source), ...checkPhotos(source, { taxonomy: noLists })]).toEqual([]);
        expect(source.data).toMatchObject({
          draft: true,
          dateInferred: true,
          cover: { src: './photo-1.jpg' },
        });
        const summary = String(source.data['summary']);
        expect(summary.length).toBeGreaterThanOrEqual(40);
        expect(summary.length).toBeLessThanOrEqual(200);
        expect(districts.map((d) => d.id)).toContain(source.data['district']);
      }
    });
  }
});
