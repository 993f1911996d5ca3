/**
 * Photo facts are found once per content: git's blob ids where git knows the file, the stat
 * signature after a first read, the same hash for a hard link; a replaced photo gets a new
 * hash. The photos are seed placeholders from content/.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, linkSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitBlobIds, hashFile, PhotoCache } from './photo-cache.ts';

const repo = join(import.meta.dirname, '..', '..', '..');
const GOUZHAO = join(repo, 'content/features/gouzhao');

let dir = '';
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('gitBlobIds', () => {
  it('knows every committed photo of a feature folder by its content hash, without reading it', () => {
    const ids = gitBlobIds(GOUZHAO);
    const photo = join(GOUZHAO, 'photo-4.jpg');
    expect(ids.get(photo)).toBe(hashFile(photo));
    expect(ids.get(photo)).toBe(execFileSync('git', ['hash-object', photo], { encoding: 'utf8' }).slice(0, 16));
  });

  it('knows nothing outside a git work tree', () => {
    dir = mkdtempSync(join(tmpdir(), 'zhuanban-photos-'));
    copyFileSync(join(GOUZHAO, 'photo-4.jpg'), join(dir, 'photo-4.jpg'));
    expect(gitBlobIds(dir).size).toBe(0);
  });
});

describe('PhotoCache', () => {
  it('resolves a photo to its hash and its size as shown, and keeps them in its file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhuanban-photos-'));
    copyFileSync(join(GOUZHAO, 'photo-4.jpg'), join(dir, 'a.jpg'));
    const cache = new PhotoCache(join(dir, 'cache.json'), dir);
    const photo = await cache.resolve(join(dir, 'a.jpg'), './a.jpg');
    expect(photo).toEqual({
      src: './a.jpg',
      hash: hashFile(join(GOUZHAO, 'photo-4.jpg')),
      width: 2000,
      height: 1333,
      format: 'jpeg',
    });
    cache.save();
    expect(new PhotoCache(join(dir, 'cache.json'), dir).filesByHash().get(photo.hash)).toBe('a.jpg');
  });

  it('takes the hash git knows instead of reading the file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhuanban-photos-'));
    copyFileSync(join(GOUZHAO, 'photo-4.jpg'), join(dir, 'a.jpg'));
    const cache = new PhotoCache(undefined, dir);
    const first = await cache.resolve(join(dir, 'a.jpg'), './a.jpg');
    // Other bytes behind its back: a hash it was given is not checked against the file.
    copyFileSync(join(GOUZHAO, 'photo-5.jpg'), join(dir, 'a.jpg'));
    const given = await cache.resolve(join(dir, 'a.jpg'), './a.jpg', 'another stat', first.hash);
    expect(given.hash).toBe(first.hash);
  });

  it('gives a replaced photo a new hash, and a hard link the same one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhuanban-photos-'));
    copyFileSync(join(GOUZHAO, 'photo-4.jpg'), join(dir, 'a.jpg'));
    linkSync(join(dir, 'a.jpg'), join(dir, 'b.jpg'));
    const cache = new PhotoCache(undefined, dir);
    const a = await cache.resolve(join(dir, 'a.jpg'), './a.jpg');
    expect((await cache.resolve(join(dir, 'b.jpg'), './b.jpg')).hash).toBe(a.hash);
    copyFileSync(join(GOUZHAO, 'photo-5.jpg'), join(dir, 'a.jpg'));
    utimesSync(join(dir, 'a.jpg'), new Date(), new Date(Date.now() + 5000));
    const replaced = await cache.resolve(join(dir, 'a.jpg'), './a.jpg');
    expect(replaced.hash).toBe(hashFile(join(GOUZHAO, 'photo-5.jpg')));
    expect(replaced.hash).not.toBe(a.hash);
  });

  it('forgets, when saving with prune, the files it was not asked about', async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhuanban-photos-'));
    copyFileSync(join(GOUZHAO, 'photo-4.jpg'), join(dir, 'a.jpg'));
    copyFileSync(join(GOUZHAO, 'photo-5.jpg'), join(dir, 'b.jpg'));
    const first = new PhotoCache(join(dir, 'cache.json'), dir);
    const a = await first.resolve(join(dir, 'a.jpg'), './a.jpg');
    const b = await first.resolve(join(dir, 'b.jpg'), './b.jpg');
    first.save();
    const second = new PhotoCache(join(dir, 'cache.json'), dir);
    second.keep(join(dir, 'a.jpg'));
    second.save({ prune: true });
    const files = new PhotoCache(join(dir, 'cache.json'), dir).filesByHash();
    expect([files.get(a.hash), files.get(b.hash)]).toEqual(['a.jpg', undefined]);
  });
});
