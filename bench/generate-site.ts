/**
 * Generates a large site for the search benchmark: `count` feature pages built from the
 * seven real features' paragraphs, each with a generated office name and a number of its
 * own, plus the real /search/ page and assets copied from a built site, then indexed with
 * the same code the build uses (src/integrations/pagefind.ts).
 *
 *   node bench/generate-site.ts <built-site> <out-dir> [count]
 *
 * Writes only under bench/.work/ (git-ignored).
 */
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSearchIndex } from '../src/integrations/pagefind.ts';

const WORK = path.resolve(import.meta.dirname, '.work');

/** A small deterministic PRNG, so two runs produce the same site and comparable figures. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The paragraphs of every real feature, markup removed. */
async function paragraphs(): Promise<string[]> {
  const dir = path.resolve(import.meta.dirname, '../content/features');
  const all: string[] = [];
  for (const slug of await readdir(dir)) {
    const source = await readFile(path.join(dir, slug, 'index.mdx'), 'utf8');
    const body = source.replace(/^---[\s\S]*?\n---\n/u, '');
    for (const block of body.split(/\n\s*\n/u)) {
      const text = block
        .replace(/<[^>]+>/gu, '')
        .replace(/^[#>*-]+\s*/gmu, '')
        .replace(/\s+/gu, '')
        .trim();
      if (text.length >= 40) all.push(text);
    }
  }
  return all;
}

const escape = (text: string) =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

const PLACES = [
  '东风',
  '金水',
  '建设',
  '人民',
  '文化',
  '杜岭',
  '丰产',
  '南阳',
  '花园',
  '经三',
  '农业',
  '黄河',
  '祭城',
  '龙湖',
  '白沙',
  '如意',
];
const TYPES = ['办事处', '街道', '镇', '区'] as const;
const DISTRICTS = ['经开区', '二七区', '惠济区', '高新区', '淇滨区', '金水区', '中原区'];
const TOPICS = ['党建引领', '基层治理', '城市管理', '社区建设', '民生服务', '经济发展', '生态环境', '文化生活'];

export async function generateSite(builtSite: string, outDir: string, count: number): Promise<{ pages: number }> {
  if (!path.resolve(outDir).startsWith(WORK)) throw new Error(`bench: refusing to write outside ${WORK}`);
  const next = random(2024);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const texts = await paragraphs();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  // The real search page, its scripts and styles, so the benchmark runs the shipped UI.
  await cp(path.join(builtSite, 'search'), path.join(outDir, 'search'), { recursive: true });
  await cp(path.join(builtSite, '_astro'), path.join(outDir, '_astro'), { recursive: true });
  const thumb = (await readdir(path.join(builtSite, '_astro'))).find((file) => file.endsWith('.webp'));

  for (let i = 0; i < count; i += 1) {
    const office = `${pick(PLACES)}${['一', '二', '三', '四', '五', '六', '七', '八', '九'][i % 9]}路${pick(TYPES)}`;
    const body = Array.from({ length: 8 + Math.floor(next() * 10) }, () => pick(texts));
    // A fact only this page has, so exact-phrase queries have one right answer at scale.
    body.splice(2, 0, `${office}第${i + 1}号项目完成投资${(i * 7.3).toFixed(2)}亿元，新建住房${100 + i}套。`);
    const year = 2016 + (i % 8);
    const topics = [pick(TOPICS), pick(TOPICS)];
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${office}</title></head><body>
<article data-pagefind-body>
<span hidden data-pagefind-meta="office:${office}, date:${year}年${thumb ? `, image:/_astro/${thumb}` : ''}"></span>
<span hidden data-pagefind-sort="date:${year}"></span>
<span hidden data-pagefind-filter="区:${pick(DISTRICTS)}"></span><span hidden data-pagefind-filter="类型:${pick(TYPES)}"></span>
<span hidden data-pagefind-filter="年份:${year}"></span>${topics.map((t) => `<span hidden data-pagefind-filter="话题:${t}"></span>`).join('')}
<h1>${escape(office)}：${escape(body[0]?.slice(0, 16) ?? '')}</h1>
${body.map((p, n) => (n % 4 === 3 ? `<h2>${escape(p.slice(0, 12))}</h2>` : `<p>${escape(p)}</p>`)).join('\n')}
</article></body></html>`;
    await mkdir(path.join(outDir, 'features', `f${i}`), { recursive: true });
    await writeFile(path.join(outDir, 'features', `f${i}`, 'index.html'), html);
  }
  const { pageCount } = await buildSearchIndex(outDir);
  return { pages: pageCount };
}

if (import.meta.main) {
  const [builtSite, outDir, count = '1000'] = process.argv.slice(2);
  if (!builtSite || !outDir) throw new Error('usage: node bench/generate-site.ts <built-site> <out-dir> [count]');
  const { pages } = await generateSite(builtSite, path.resolve(outDir), Number(count));
  console.log(`generated and indexed ${pages} pages in ${outDir}`);
}
