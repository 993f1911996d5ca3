/**
 * What `npm run check` says about the mistakes the issue names and the ones an editor's tools
 * make (an input method's full-width colon, a GBK editor, Windows line ends), each made to a
 * copy of the real 九龙办事处 feature. The systematic proof over every field and every kind of
 * mistake is tests/editors/mutations.test.ts; these are the messages, read by a person.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../content/diagnostic.ts';
import { checkContent } from './index.ts';

const repo = new URL('../../../', import.meta.url).pathname;
const original = readFileSync(join(repo, 'content/features/jiulong/index.mdx'), 'utf8');

/** A project copy whose jiulong feature is `mdx` (text or bytes); returns what the check prints. */
async function check(mdx: string | Uint8Array, edit?: (project: string) => void): Promise<string[]> {
  const project = mkdtempSync(join(tmpdir(), 'zhuanban-contract-'));
  cpSync(join(repo, 'content'), join(project, 'content'), { recursive: true });
  writeFileSync(join(project, 'content/features/jiulong/index.mdx'), mdx);
  edit?.(project);
  const diagnostics = await checkContent(join(project, 'content/features'), project);
  return diagnostics.map((d) => formatDiagnostic(d).replace('\n    ', ' | '));
}

const replace = (from: string | RegExp, to: string) => {
  const changed = original.replace(from, to);
  if (changed === original) throw new Error(`no ${String(from)} in the feature`);
  return changed;
};

describe('references', () => {
  it('names the line, the wrong id and the nearest valid one for a district and a topic', async () => {
    expect(await check(replace('district: jingkai', 'district: nowhere').replace('[dangjian,', '[dangjianx,')))
      .toMatchInlineSnapshot(`
        [
          "content/features/jiulong/index.mdx:7: 错误 error [unknown-district] district（所属区）“nowhere”不在 content/districts.yaml 里。可用的 id：jingkai、qibin、erqi、huiji、gaoxin。要新增请先在 content/districts.yaml 里加一项 | district "nowhere" is not an id in content/districts.yaml; valid ids: jingkai, qibin, erqi, huiji, gaoxin",
          "content/features/jiulong/index.mdx:18: 错误 error [unknown-topic] tags（话题）“dangjianx”不在 content/topics.yaml 里。是不是 dangjian？要新增请先在 content/topics.yaml 里加一项 | tags "dangjianx" is not an id in content/topics.yaml; did you mean dangjian?",
        ]
      `);
  });

  it('suggests the photo file a reference was meant for', async () => {
    expect(await check(replace('src: ./photo-1.jpg', 'src: ./photo_1.jpg'))).toMatchInlineSnapshot(`
      [
        "content/features/jiulong/index.mdx:15: 错误 error [photo-missing] 找不到照片 ./photo_1.jpg：是不是 ./photo-1.jpg？请把照片放进 content/features/jiulong/，或改正文件名（注意大小写和扩展名） | photo ./photo_1.jpg is missing; did you mean ./photo-1.jpg?: add it to content/features/jiulong/ or fix the file name (case and extension matter)",
      ]
    `);
  });

  it('checks the districts and topics files themselves, at their lines', async () => {
    const result = await check(original, (project) => {
      const topics = join(project, 'content/topics.yaml');
      writeFileSync(
        topics,
        `${readFileSync(topics, 'utf8')}- id: dangjian\n  name: 又一个党建\n- id: Wenhua\n  nam: 文化\n`,
      );
    });
    expect(result.map((line) => line.split(' | ')[0])).toMatchInlineSnapshot(`
      [
        "content/topics.yaml:27: 错误 error [taxonomy] id“dangjian”在第 3 行已经用过：每个 id 只能出现一次",
        "content/topics.yaml:29: 错误 error [taxonomy] content/topics.yaml 的这一项缺少有效的 id：id 只用小写拼音、数字和连字符，如 jingkai",
      ]
    `);
  });
});

describe('one run, every error', () => {
  it('reports the mistakes of every field and of the body together, in line order', async () => {
    const mdx = replace('officeType: 办事处', 'officeType: 街')
      .replace('title: ', 'titel: ')
      .replace('date: "2019"', 'date: "2019年"')
      .replace('## 抓党建树新风', '<Figur src="./photo-1.jpg" alt="x" />\n\n## 抓党建树新风');
    expect(await check(mdx)).toMatchInlineSnapshot(`
      [
        "content/features/jiulong/index.mdx:1: 错误 error [schema] 缺少 title（主标题）：请在设置项里补上这一项 | title is missing: add it",
        "content/features/jiulong/index.mdx:2: 错误 error [unknown-field] 没有设置项 “titel”（是不是 title？）。可用的设置项：title、kicker、subtitle、summary、office、officeType、district、city、date、dateInferred、dateNote、bylines、photoCredit、cover、tags、source、draft；拼错的设置项不会显示在网页上 | unknown field "titel" (did you mean title?); known fields: title, kicker, subtitle, summary, office, officeType, district, city, date, dateInferred, dateNote, bylines, photoCredit, cover, tags, source, draft",
        "content/features/jiulong/index.mdx:6: 错误 error [schema] officeType（单位类型）只能是 办事处、街道、镇、区 之一，这里写的是“街”，是不是 街道？ | officeType must be one of 办事处, 街道, 镇, 区, not "街"; did you mean 街道?",
        "content/features/jiulong/index.mdx:9: 错误 error [schema] date（日期）写的是“2019年”，不是有效的日期：请写 "2019"、"2019-07" 或 "2019-07-01"（带英文引号）；月、日写两位数，日期要真实存在 | date is "2019年", not a date: write "YYYY", "YYYY-MM" or "YYYY-MM-DD" (quoted), a real date",
        "content/features/jiulong/index.mdx:26:1: 错误 error [mdx-component] 没有名为 <Figur> 的组件，是不是 <Figure>？可用的组件：Figure、Gallery、EditorNote、InfoBox、PullQuote（见编辑指南，注意大小写） | there is no component <Figur>; did you mean <Figure>? Use one of Figure, Gallery, EditorNote, InfoBox, PullQuote",
      ]
    `);
  });
});

describe('what editors’ tools do to a file', () => {
  it('takes a BOM, Windows line ends and blank lines before --- as Astro does: no message', async () => {
    expect(await check(`\uFEFF${original}`)).toEqual([]);
    expect(await check(original.replaceAll('\n', '\r\n'))).toEqual([]);
    expect(await check(`\n\n${original}`)).toEqual([]);
  });

  it('names a line saved as GB18030 and shows what it says', async () => {
    const line = '九龙办事处位于经开区东南部';
    const at = Buffer.from(original).indexOf(Buffer.from(line));
    const gbk = Buffer.from([0xbe, 0xc5, 0xc1, 0xfa]); // 九龙 in GB18030
    const bytes = Buffer.concat([Buffer.from(original).subarray(0, at), gbk, Buffer.from(original).subarray(at + 6)]);
    expect(await check(bytes)).toMatchInlineSnapshot(`
      [
        "content/features/jiulong/index.mdx:24: 错误 error [encoding] 这一行不是 UTF-8 编码，网页上会显示成乱码（按 GBK/GB18030 读是“九龙办事处位于经开区东南部，作为经济发展的主战场”）。请用编辑器把文件另存为 UTF-8，或重新输入这一行 | this line is not UTF-8 and would show as garbage; save the file as UTF-8 (it looks like GBK/GB18030)",
      ]
    `);
  });

  it('points at a full-width colon or unpaired quotes typed with a Chinese input method', async () => {
    expect((await check(replace('city: 郑州市', 'city：郑州市')))[0]).toMatch(
      /^content\/features\/jiulong\/index.mdx:8: 错误 error \[frontmatter\] .*全角“：”/,
    );
    expect((await check(replace('office: 九龙办事处', 'office: "九龙办事处”')))[0]).toMatch(
      /^content\/features\/jiulong\/index.mdx:5: 错误 error \[frontmatter\] .*没有成对/,
    );
  });

  it('warns when a whole value is in full-width quotes, which would show on the page', async () => {
    expect(
      (await check(replace('office: 九龙办事处', 'office: “九龙办事处”'))).map((line) => line.split(' | ')[0]),
    ).toEqual([
      'content/features/jiulong/index.mdx:5: 提醒 warning [fullwidth-quotes] office 的值整个在全角引号里（“九龙办事处”…），引号会显示在网页上。若是当作设置项的引号，请改用英文半角引号 "…" 或去掉',
    ]);
  });

  it('says what is missing from an empty file, a file of only frontmatter, or a lost ---', async () => {
    expect(await check('')).toEqual([
      expect.stringMatching(/^content\/features\/jiulong\/index.mdx:1: .*\[frontmatter-missing\]/),
    ]);
    expect(await check(original.slice(0, original.indexOf('\n---\n') + 5))).toEqual([
      expect.stringMatching(/^content\/features\/jiulong\/index.mdx:20: .*\[body-empty\]/),
    ]);
    expect(await check(original.replace(/^---\n/, ''))).toEqual([
      expect.stringMatching(/^content\/features\/jiulong\/index.mdx:1: .*\[frontmatter-missing\]/),
    ]);
  });
});

describe('MDX the parser refuses', () => {
  it('names the tag to fix, in Chinese, where the parser noticed another line', async () => {
    const mdx = replace('## 抓党建树新风', '<Galery>\n\n正文。\n\n</Gallery>\n\n## 抓党建树新风');
    expect((await check(mdx)).map((line) => line.split(' | ')[0])).toMatchInlineSnapshot(`
      [
        "content/features/jiulong/index.mdx:26: 错误 error [mdx-syntax] 正文不是有效的 MDX：开始标签 <Galery>（第 26 行）和结束标签 </Gallery> 不一致。是不是 <Gallery>？两处要写同一个组件名，注意大小写",
      ]
    `);
  });
});

describe('component props', () => {
  it('names a misspelled prop and a missing required one', async () => {
    const mdx = replace(
      '## 抓党建树新风',
      '<InfoBox titel="概况">\n\n资料。\n\n</InfoBox>\n\n<Figure src="./photo-1.jpg" alt="门" captoin="图注" placeholder="false" />\n\n## 抓党建树新风',
    );
    expect((await check(mdx)).map((line) => line.split(' | ')[1])).toMatchInlineSnapshot(`
      [
        "<InfoBox> has no prop "titel"; did you mean title? (props: title)",
        "<InfoBox> needs title="…"",
        "<Figure> has no prop "captoin"; did you mean caption? (props: src, alt, caption, credit, label, placeholder)",
        "placeholder on <Figure> takes no value: write it bare, or leave it out",
        "<Figure> has no caption: add the caption printed with the photo",
      ]
    `);
  });
});

describe('what would be published broken (the issue’s cases)', () => {
  const before = (block: string) => replace('## 抓党建树新风', `${block}\n\n## 抓党建树新风`);

  it('names each at its line, with what to write instead', async () => {
    const cases = [
      before('![社区活动](./photo-1.jpg)'),
      before('见[九州路专版](/features/jiuzhoulux/)。'),
      before('见[第九十九节](#section-99)。'),
      before('# 九龙办事处'),
      before('<Gallery></Gallery>'),
      before('<PullQuote>\n\n<Figure src="./photo-1.jpg" alt="社区门口" caption="图注" />\n\n</PullQuote>'),
    ];
    const found = [];
    for (const mdx of cases) found.push(...(await check(mdx)).map((line) => line.split(' | ')[0]));
    expect(found).toMatchInlineSnapshot(`
      [
        "content/features/jiulong/index.mdx:26:1: 错误 error [photo-syntax] 照片要写成 <Figure src="./photo-1.jpg" alt="…" caption="…" />，不能用 Markdown 图片 ![…](…)",
        "content/features/jiulong/index.mdx:26:2: 错误 error [link-page] 链接 /features/jiuzhoulux/ 指向的网页不存在，是不是 /features/jiuzhoulu/？本站网页的地址形如 /features/拼音名/、/districts/区/、/topics/话题/、/archive/，以 / 结尾",
        "content/features/jiulong/index.mdx:26:2: 错误 error [link-anchor] 链接 #section-99 指向的位置不存在：本文的小标题是 #section-1、#section-2、#section-3（## 依次是 #section-1、#section-2……，### 是 #section-1-1……）",
        "content/features/jiulong/index.mdx:26: 错误 error [heading-level] 正文里的小标题从 ## 开始：# 是整篇的主标题（写在 title 里），正文再用 # 网页上就有了两个主标题。改成 ## 小标题",
        "content/features/jiulong/index.mdx:26: 错误 error [component-empty] <Gallery> 是空的：放进至少一个 <Figure>，或删去 <Gallery>",
        "content/features/jiulong/index.mdx:26: 错误 error [component-empty] <PullQuote> 是空的：在 <PullQuote> 和 </PullQuote> 之间写上内容，或删去它",
        "content/features/jiulong/index.mdx:28: 错误 error [component-place] <Figure> 不能放在 <PullQuote> 里：<PullQuote> 只包文字。把 <Figure> 移到 </PullQuote> 后面，前后各空一行",
      ]
    `);
  });

  it('names a photo cut short, as an interrupted upload leaves it, at the line that uses it', async () => {
    const photo = readFileSync(join(repo, 'content/features/jiulong/photo-1.jpg'));
    const found = await check(original, (project) => {
      writeFileSync(join(project, 'content/features/jiulong/photo-1.jpg'), photo.subarray(0, 2048));
    });
    expect(found.map((line) => line.split(' | ')[0])).toMatchInlineSnapshot(`
      [
        "content/features/jiulong/index.mdx:15: 错误 error [photo-damaged] ./photo-1.jpg 文件不完整或已损坏（常见于上传或复制中断），网页上会显示残缺的照片。请重新导出或重新上传这张照片",
      ]
    `);
  });
});

it('finds nothing wrong in the real feature it copies', async () => {
  expect(await check(original)).toEqual([]);
});
