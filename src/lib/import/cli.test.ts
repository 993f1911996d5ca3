/**
 * scripts/import.ts on bad input: each case gives a clear message, a non-zero exit, and
 * leaves the output folder exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  ftruncateSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { seeds } from '../../../tests/support/site.ts';

const script = new URL('../../../scripts/import.ts', import.meta.url).pathname;
// The project's Node 24 (type stripping), whichever Node runs Vitest.
const node = new URL('../../../node_modules/.bin/node', import.meta.url).pathname;
let dir: string;
let out: string;

const run = (...args: string[]) => {
  const result = spawnSync(node, [script, ...args, '--out', out, '--no-photos'], {
    encoding: 'utf8',
    cwd: new URL('../../../', import.meta.url).pathname,
  });
  return {
    status: result.status,
    stderr: result.stderr.replaceAll(dir, '<tmp>'),
    stdout: result.stdout,
  };
};
const listing = () => readdirSync(out, { recursive: true }).sort();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhuanban-import-'));
  out = join(dir, 'features');
  mkdirSync(join(out, 'existing'), { recursive: true });
  writeFileSync(join(out, 'existing', 'index.mdx'), 'keep me');
});

describe('npm run import on bad input', () => {
  it('an empty file', () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = run(join(dir, 'empty.txt'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatchInlineSnapshot(`
      "✗ <tmp>/empty.txt: 文件是空的，没有可导入的文字
        the file is empty: export the page text again
      "
    `);
    expect(listing()).toEqual(['existing', 'existing/index.mdx']);
  });
  it('a binary file', () => {
    writeFileSync(join(dir, 'photo.txt'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]));
    const r = run(join(dir, 'photo.txt'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatchInlineSnapshot(`
      "✗ <tmp>/photo.txt: 这不是文本文件（含有二进制内容），请从排版系统导出“纯文本（.txt）”
        this is not a text file (it contains binary data): export the page as plain text (.txt)
      "
    `);
    expect(listing()).toEqual(['existing', 'existing/index.mdx']);
  });
  it('a 50 MB file, refused before it is read', () => {
    const fd = openSync(join(dir, 'huge.txt'), 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const r = run(join(dir, 'huge.txt'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatchInlineSnapshot(`
      "✗ <tmp>/huge.txt: 文件有 50.0 MB，一个版面的文字只有几十 KB（上限 5 MB）。请确认选对了文件
        <tmp>/huge.txt: 50.0 MB is far more than one page of text (limit 5 MB); check the file
      "
    `);
    expect(listing()).toEqual(['existing', 'existing/index.mdx']);
  });
  it('text in no encoding we know', () => {
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0xe4, 0xb8, 0xad, 0xff, 0xfe, 0xe6, 0x96, 0x87, 0xff]));
    const r = run(join(dir, 'bad.txt'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatchInlineSnapshot(`
      "✗ <tmp>/bad.txt: 无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK。请在排版系统中另存为 UTF-8 或 GBK 纯文本
        unrecognised encoding: neither UTF-8 nor GB18030/GBK. Save the page as UTF-8 or GBK plain text
      "
    `);
    expect(listing()).toEqual(['existing', 'existing/index.mdx']);
  });
  it('a path that does not exist, and a folder', () => {
    const missing = run(join(dir, 'nope.txt'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatchInlineSnapshot(`
      "✗ <tmp>/nope.txt: 文件不存在，请检查路径
        <tmp>/nope.txt: no such file; check the path
      "
    `);
    const folder = run(dir);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toContain('这是一个文件夹');
    expect(listing()).toEqual(['existing', 'existing/index.mdx']);
  });
  it('never overwrites an existing folder without --force, and replaces it with --force', () => {
    const seed = join(seeds, '000_3ee82e7e9cbe37dc.txt');
    const refused = run(seed, '--slug', 'existing');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('已存在，未做任何改动');
    expect(readFileSync(join(out, 'existing', 'index.mdx'), 'utf8')).toBe('keep me');
    const forced = run(seed, '--slug', 'existing', '--force');
    expect(forced.status).toBe(0);
    expect(readFileSync(join(out, 'existing', 'index.mdx'), 'utf8')).toContain('draft: true');
    expect(listing()).toEqual(['existing', 'existing/index.mdx']);
  });
  it('imports a GB18030 page the same as its UTF-8 original', () => {
    const seed = join(seeds, '001_e90f716d7d44d38f.txt');
    const text = readFileSync(seed, 'utf8');
    const iconv = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', seed]);
    expect(iconv.status).toBe(0);
    writeFileSync(join(dir, 'gbk.txt'), iconv.stdout);
    expect(run(join(dir, 'gbk.txt'), '--slug', 'gbk').status).toBe(0);
    writeFileSync(join(dir, 'utf8.txt'), text);
    const utf8 = run(join(dir, 'utf8.txt'), '--slug', 'utf8');
    expect(utf8.status).toBe(0);
    expect(readFileSync(join(out, 'gbk', 'index.mdx'), 'utf8')).toBe(
      readFileSync(join(out, 'utf8', 'index.mdx'), 'utf8'),
    );
  });
});
