/**
 * Imports a raw page export as draft features.
 *
 *   npm run import -- <raw.txt> [--out content/features] [--slug jiulong[,fengyang]] [--force] [--no-photos]
 *
 * Reads UTF-8 (with or without BOM) or GB18030/GBK, finds each story on the page and writes
 * one draft folder per story (index.mdx + placeholder photos), then prints what it decided
 * and what an editor must check. Everything is written to a temporary folder first and moved
 * into place only when all of it succeeded, so an error leaves the content untouched.
 * An existing folder is never replaced unless --force is given.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  closeSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDistricts } from '../src/lib/import/districts.ts';
import { decodeRaw, ImportError, importPage, MAX_RAW_BYTES, type Note } from '../src/lib/import/index.ts';
import { SLUG_PATTERN } from '../src/lib/content/schema.ts';

const USAGE =
  '用法 / usage: npm run import -- <raw.txt> [--out content/features] [--slug 拼音名[,拼音名…]] [--force] [--no-photos]';

function fail(zh: string, en: string): never {
  console.error(`✗ ${zh}\n  ${en}`);
  process.exit(1);
}

/** Reads the file, refusing directories and oversized files before reading them whole. */
function readRaw(path: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory())
      fail(
        `${path}: 这是一个文件夹，请给出版面文字文件（.txt）`,
        `${path}: is a folder; give the page text file (.txt)`,
      );
    size = stat.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      fail(`${path}: 文件不存在，请检查路径`, `${path}: no such file; check the path`);
    fail(`${path}: 无法读取（${(error as Error).message}）`, `${path}: cannot be read (${(error as Error).message})`);
  }
  if (size > MAX_RAW_BYTES) {
    fail(
      `${path}: 文件有 ${(size / 1024 / 1024).toFixed(1)} MB，一个版面的文字只有几十 KB（上限 ${MAX_RAW_BYTES / 1024 / 1024} MB）。请确认选对了文件`,
      `${path}: ${(size / 1024 / 1024).toFixed(1)} MB is far more than one page of text (limit ${MAX_RAW_BYTES / 1024 / 1024} MB); check the file`,
    );
  }
  const bytes = Buffer.alloc(size);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, bytes, 0, size, 0);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

function printNotes(title: string, notes: readonly Note[], file: string): void {
  const decided = notes.filter((n) => n.level === 'decided');
  const todo = notes.filter((n) => n.level === 'todo');
  console.log(`\n${title}`);
  for (const n of decided) console.log(`  ✓ ${file}:${n.line}: ${n.message}`);
  for (const n of todo) console.log(`  ! ${file}:${n.line}: 待核对 ${n.message}`);
}

function main(): void {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'content/features' },
        slug: { type: 'string' },
        force: { type: 'boolean', default: false },
        'no-photos': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    fail(`参数有误：${(error as Error).message}\n  ${USAGE}`, 'bad arguments');
  }
  const [input, ...extra] = args.positionals;
  if (!input || extra.length) fail(`请给出一个版面文字文件\n  ${USAGE}`, 'give exactly one raw page file');
  const slugs = args.values.slug?.split(',').map((s) => s.trim());
  for (const slug of slugs ?? []) {
    if (!SLUG_PATTERN.test(slug))
      fail(
        `--slug “${slug}” 无效：只能用小写拼音、数字和连字符，如 jiulong`,
        `--slug "${slug}": use lowercase letters, digits and hyphens, e.g. jiulong`,
      );
  }
  const out = resolve(args.values.out);
  const districtsFile = resolve('content/districts.yaml');
  const districts = existsSync(districtsFile) ? parseDistricts(readFileSync(districtsFile, 'utf8')) : [];

  const bytes = readRaw(input);
  let result;
  let encoding;
  try {
    const decoded = decodeRaw(bytes, input);
    encoding = decoded.encoding;
    const fallback =
      basename(input)
        .replace(/\.[^.]+$/, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'import';
    result = importPage(decoded.text, {
      file: input,
      districts,
      ...(slugs ? { slugs } : {}),
      fallbackSlug: `draft-${fallback}`,
    });
  } catch (error) {
    if (error instanceof ImportError) fail(`${error.file}: ${error.zh}`, error.en);
    throw error;
  }
  if (slugs && slugs.length !== result.features.length) {
    fail(
      `本版找到 ${result.features.length} 篇稿件，却给了 ${slugs.length} 个 --slug。请按顺序给出 ${result.features.length} 个，用逗号分开`,
      `found ${result.features.length} stories but ${slugs.length} --slug values; give one per story, comma-separated`,
    );
  }
  const clashes = result.features.filter((f) => existsSync(join(out, f.slug)));
  if (clashes.length && !args.values.force) {
    fail(
      `${clashes.map((f) => relative(process.cwd(), join(out, f.slug))).join('、')} 已存在，未做任何改动。换一个 --slug，或加 --force 覆盖`,
      `${clashes.map((f) => f.slug).join(', ')} already exist; nothing was written. Choose another --slug, or pass --force to replace`,
    );
  }

  // Build everything in a temporary folder beside the target (same file system, so the final
  // moves are atomic renames), and move it into place only when all of it succeeded.
  mkdirSync(out, { recursive: true });
  const staging = mkdtempSync(join(out, '.import-'));
  try {
    for (const feature of result.features) {
      const folder = join(staging, feature.slug);
      mkdirSync(folder);
      writeFileSync(join(folder, 'index.mdx'), feature.mdx);
    }
    if (!args.values['no-photos']) {
      const folders = result.features.map((f) => join(staging, f.slug));
      const run = spawnSync(
        process.execPath,
        [resolve(dirname(new URL(import.meta.url).pathname), 'placeholders.ts'), ...folders],
        { encoding: 'utf8' },
      );
      if (run.status !== 0) throw new Error(`placeholders.ts failed: ${run.stderr}`);
    }
    for (const feature of result.features) {
      const target = join(out, feature.slug);
      if (existsSync(target)) rmSync(target, { recursive: true });
      renameSync(join(staging, feature.slug), target);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }

  console.log(
    `读取 ${input}（${encoding === 'gb18030' ? 'GB18030/GBK' : encoding === 'utf-8-bom' ? 'UTF-8，带 BOM' : 'UTF-8'}），找到 ${result.features.length} 篇稿件。`,
  );
  printNotes('整版 / page:', result.notes, input);
  for (const feature of result.features) {
    const file = relative(process.cwd(), join(out, feature.slug, 'index.mdx'));
    printNotes(`→ ${file}（${feature.title}）草稿 draft: true`, feature.notes, input);
  }
  console.log(
    '\n下一步：逐项处理“待核对”（也写在 index.mdx 的注释里），把文件夹改成拼音名，运行 npm run check，再把 draft 改成 false。',
  );
}

main();
