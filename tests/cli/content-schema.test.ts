/**
 * src/content.config.ts hands Astro the same content contract `npm run check` runs
 * (src/lib/content/schema.ts, tested field by field in-process beside it), and its features
 * loader runs the check's own rules: here `astro sync` over a one-feature project proves Astro
 * accepts a real feature and stops on a bad one with the check's own messages, each at its
 * file and line. The project is written to a temporary folder and re-exports the real
 * collections, so the schema, the loader and Astro's error reporting are the real thing.
 *
 * The good frontmatter is 沟赵办事处's (seed 004).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const projects: string[] = [];

const GOOD: Record<string, string> = {
  title: '沟赵办事处：党建引领“五个之城”协奏 创新创业铸“智美”硬核',
  summary:
    '地处郑州高新区西部、面积35.97平方公里的沟赵办事处，以西四环区域的“智美新城”开发为己任，坚持以党建为引领，实行“五个一”工程。',
  office: '沟赵办事处',
  officeType: '办事处',
  district: 'gaoxin',
  city: '郑州市',
  date: '"2020"',
  cover: '\n  src: ./photo-1.jpg\n  alt: 省领导在新华三大数据技术有限公司调研',
  tags: '[dangjian, chuangxin]',
};

/** Writes a project with one feature whose frontmatter is GOOD with `changes` applied (undefined removes a field). */
async function project(changes: Record<string, string | undefined>): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'zhuanban-schema-'));
  projects.push(root);
  const feature = join(root, 'content', 'features', 'gouzhao');
  mkdirSync(feature, { recursive: true });
  mkdirSync(join(root, 'src'));
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    join(root, 'astro.config.mjs'),
    // Its own Vite cache: the default (node_modules/.vite) would go through the symlink into the repo's.
    `import mdx from '@astrojs/mdx';\nexport default { integrations: [mdx()], vite: { cacheDir: '.vite' } };\n`,
  );
  writeFileSync(
    join(root, 'src', 'content.config.ts'),
    `export { collections } from ${JSON.stringify(join(repo, 'src', 'content.config.ts'))};\n`,
  );
  copyFileSync(join(repo, 'content', 'districts.yaml'), join(root, 'content', 'districts.yaml'));
  copyFileSync(join(repo, 'content', 'topics.yaml'), join(root, 'content', 'topics.yaml'));
  // Wide enough for the contract (720 px at least), which the features loader checks too.
  await sharp({ create: { width: 1400, height: 1000, channels: 3, background: '#888' } })
    .jpeg()
    .toFile(join(feature, 'photo-1.jpg'));
  const fields = Object.entries({ ...GOOD, ...changes }).filter(([, value]) => value !== undefined);
  const frontmatter = fields.map(([key, value]) => `${key}:${value?.startsWith('\n') ? '' : ' '}${value}`).join('\n');
  writeFileSync(join(feature, 'index.mdx'), `---\n${frontmatter}\n---\n\n正文。\n`);
  return root;
}

interface SyncResult {
  status: number | null;
  /** The error as an editor reads it in the terminal, paths made relative to the project. */
  error: string;
}

function sync(root: string): SyncResult {
  const result = spawnSync(join(repo, 'node_modules', '.bin', 'astro'), ['sync'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' },
  });
  const output = `${result.stdout}\n${result.stderr}`.replaceAll(root, '<project>');
  // The check's findings, as the features loader stops with them: file:line, then the English line.
  const findings = output.match(/^\S+:\d+: 错误 error \[.*\n {4}\S.*$/gm);
  if (findings) return { status: result.status, error: findings.join('\n') };
  // Otherwise from the error's name down to its location: the part written for the editor.
  const start = output.indexOf('[');
  const block = /\[\w+Error\][\s\S]*?(?=\n\s*Hint:|\n\s*Stack trace:|$)/.exec(output.slice(Math.max(start, 0)))?.[0];
  const location = /Location:\s*\n\s*(\S+)/.exec(output)?.[1];
  return { status: result.status, error: [block?.trim() ?? output.trim(), location].filter(Boolean).join('\n') };
}

afterAll(() => {
  for (const root of projects) rmSync(root, { recursive: true, force: true });
});

describe('feature frontmatter through astro sync', () => {
  it('accepts the real 沟赵办事处 frontmatter', async () => {
    const result = sync(await project({}));
    expect(result.error).not.toMatch(/Error\]/);
    expect(result.status).toBe(0);
  });

  it('reports every bad field of the entry with the check’s messages, each at its line', async () => {
    const result = sync(
      await project({ officeType: '乡', summary: '沟赵办事处党建引领。', dateInferred: 'true', titel: '拼错的键' }),
    );
    expect(result.status).not.toBe(0);
    expect(result.error).toMatchInlineSnapshot(`
      "content/features/gouzhao/index.mdx:1: 错误 error [schema] dateInferred 为 true 时必须写 dateNote（推断依据），说明日期从何推断
          dateNote is required when dateInferred is true: say how the date was inferred
      content/features/gouzhao/index.mdx:3: 错误 error [schema] summary（导语）至少 40 个字符
          summary must be at least 40 characters
      content/features/gouzhao/index.mdx:5: 错误 error [schema] officeType（单位类型）只能是 办事处、街道、镇、区 之一，这里写的是“乡”，是不是 区、镇？
          officeType must be one of 办事处, 街道, 镇, 区, not "乡"; did you mean 区, 镇?
      content/features/gouzhao/index.mdx:14: 错误 error [unknown-field] 没有设置项 “titel”（是不是 title？）。可用的设置项：title、kicker、subtitle、summary、office、officeType、district、city、date、dateInferred、dateNote、bylines、photoCredit、cover、tags、source、draft；拼错的设置项不会显示在网页上
          unknown field "titel" (did you mean title?); known fields: title, kicker, subtitle, summary, office, officeType, district, city, date, dateInferred, dateNote, bylines, photoCredit, cover, tags, source, draft"
    `);
  });
});
