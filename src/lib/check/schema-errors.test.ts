import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostic.ts';
import { readFeatureSource } from './feature-source.ts';
import { schemaDiagnostics } from './schema-errors.ts';

const FILE = '/site/content/features/gouzhao/index.mdx';
const SOURCE = `---
title: 沟赵办事处：党建引领“五个之城”协奏 创新创业铸“智美”硬核
summary: 短
office: 沟赵办事处
officeType: 所
district: gaoxin
cover:
  src: ./photo-1.jpg
  alt: ""
---

正文。
`;

// What `astro sync` printed for that file (Astro 7.3, NO_COLOR), cut to the part we read.
const OUTPUT = `12:42:42 [content] Syncing content
[InvalidContentEntryDataError] features → gouzhao data does not match collection schema.

  summary: summary（导语）至少 40 个字符 / summary must be at least 40 characters
  officeType: officeType 只能是 办事处、街道、镇、区 之一 / officeType must be one of 办事处, 街道, 镇, 区
  cover.alt: cover.alt（题图替代文本）不能为空 / cover.alt（题图替代文本） must not be empty

  Hint:
    See https://docs.astro.build/en/guides/content-collections/ for more information on content schemas.
  Location:
    ${FILE}:0:0
  Stack trace:
    at getEntryData (node_modules/astro/dist/content/utils.js:126:9)
`;

describe('schemaDiagnostics', () => {
  const feature = readFeatureSource(
    'content/features/gouzhao/index.mdx',
    '/site/content/features/gouzhao',
    'gouzhao',
    SOURCE,
  );
  const read = (path: string) => (path === FILE ? feature : undefined);

  it('points each bad field at its frontmatter line', () => {
    const text = schemaDiagnostics(OUTPUT, read, '/site').map(formatDiagnostic).join('\n');
    expect(text).toMatchInlineSnapshot(`
      "content/features/gouzhao/index.mdx:3: 错误 error [schema] summary（导语）至少 40 个字符
          summary must be at least 40 characters
      content/features/gouzhao/index.mdx:5: 错误 error [schema] officeType 只能是 办事处、街道、镇、区 之一
          officeType must be one of 办事处, 街道, 镇, 区
      content/features/gouzhao/index.mdx:9: 错误 error [schema] cover.alt（题图替代文本）不能为空
          cover.alt（题图替代文本） must not be empty"
    `);
  });

  it('finds nothing in output without a schema error', () => {
    expect(schemaDiagnostics('12:42:42 [content] Synced content\n', read, '/site')).toEqual([]);
  });

  it('still names the file when it cannot read it', () => {
    expect(schemaDiagnostics(OUTPUT, () => undefined, '/site')[0]).toMatchObject({
      file: 'content/features/gouzhao/index.mdx',
      line: 1,
    });
  });
});
