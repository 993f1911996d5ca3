/**
 * Scaffolds a feature folder: `npm run new -- <slug>` writes content/features/<slug>/index.mdx
 * with every frontmatter field explained in Chinese, and a placeholder cover photo so the
 * draft builds at once. Refuses to touch an existing folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SLUG_PATTERN } from '../src/lib/content/schema.ts';

export function scaffold(today: Date): string {
  const year = today.getFullYear();
  return `---
# 主标题（必填）：照版面印的写。
title: "在这里写主标题"
# 引题（可选）：印在主标题上方的一行。不需要就删去这一行。
# kicker: "引题"
# 副题（可选）：印在主标题下方的一行。
# subtitle: "副题"
# 导语（必填，40–200 字）：用在首页卡片、搜索结果和分享摘要里。
summary: "在这里写导语：用两三句话说清这篇稿件讲了哪个单位、做了什么、有什么成效，四十字以上、两百字以内。"
# 单位全称（必填），如 九龙办事处。
office: "某某办事处"
# 单位类型（必填）：只能是 办事处、街道、镇、区 之一。
officeType: "办事处"
# 所属区（必填）：content/districts.yaml 里的 id，如 jingkai、qibin、erqi、huiji、gaoxin。
district: "jingkai"
# 城市（必填），如 郑州市。
city: "郑州市"
# 见报日期（必填）：加引号，写 "2019"、"2019-07" 或 "2019-07-01"。只写到版面能证明的精度，不要编造日。
date: "${year}"
# 日期是否推断（可选）：版面没印日期、由正文推断时写 true，并在 dateNote 里说明依据。
dateInferred: true
dateNote: "版面未印日期，请写明推断依据。"
# 作者（可选）：每人一行，name 姓名，role 身份（记者、本报记者、通讯员、文/图…）。
bylines:
  - { name: "姓名", role: "记者" }
# 图片默认署名（可选）：照片没有单独署名时显示，如 "本报记者 李雪婷 摄"。
# photoCredit: "本报记者 某某 摄"
# 题图（必填）：放在本文件夹里的照片。
cover:
  # 照片文件名，以 ./ 开头。
  src: "./photo-1.jpg"
  # 替代文本（必填）：一句话说清照片里有什么，给看不见图片的读者。
  alt: "在这里描述题图的内容"
  # 图注（可选）：照版面印的写。题图不要在正文里再用 Figure 重复一次。
  # caption: "图注"
  # 图片署名（可选）。
  # credit: "本报记者 某某 摄"
  # 占位图：换成真实照片后删去这一行。
  placeholder: true
# 话题（可选）：content/topics.yaml 里的 id，如 [dangjian, shequ]。
tags: []
# 见报信息（可选）。
# source:
#   newspaper: "郑州日报"
#   page: "第05版"
# 草稿：true 时只在 npm run dev 里能看到；核对无误后改成 false 发布。
draft: true
---

正文从这里开始。段落之间空一行；中文标点用全角（，。！？：；）。

## 小标题

<Figure src="./photo-2.jpg" alt="描述照片内容" caption="照版面印的图注" credit="本报记者 某某 摄" placeholder />
`;
}

function main(): void {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string', default: 'content/features' } },
  });
  const slug = positionals[0];
  if (!slug || positionals.length > 1) {
    console.error('✗ 用法：npm run new -- <拼音名>，如 npm run new -- jiulong\n  usage: npm run new -- <slug>');
    process.exit(1);
  }
  if (!SLUG_PATTERN.test(slug)) {
    console.error(
      `✗ “${slug}” 不能用作网址：只用小写拼音、数字和连字符，如 jiulong 或 huayuankou-2023\n  "${slug}" is not a valid slug: lowercase letters, digits and hyphens`,
    );
    process.exit(1);
  }
  const folder = resolve(values.out, slug);
  if (existsSync(folder)) {
    console.error(
      `✗ ${relative(process.cwd(), folder)} 已存在，未做任何改动。换一个名字，或直接编辑它\n  ${slug} already exists; nothing was written`,
    );
    process.exit(1);
  }
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'index.mdx'), scaffold(new Date()));
  const run = spawnSync(
    process.execPath,
    [resolve(dirname(new URL(import.meta.url).pathname), 'placeholders.ts'), folder],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
  console.log(
    `✓ 已创建 ${relative(process.cwd(), join(folder, 'index.mdx'))}：按注释填写各项，放入照片，运行 npm run check。详见 docs/编辑指南.md`,
  );
}

if (import.meta.main) main();
