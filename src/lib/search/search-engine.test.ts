/**
 * The search engine against a stand-in for Pagefind that scores as Pagefind 1.6's search wasm
 * does with our ranking options (pagefind_web/src/search.rs: prefix matching of index words,
 * BM25 with weights, idf per index part), over pages tokenized by our tokenizer.
 */
import { describe, expect, it } from 'vitest';
import { seeded } from '../../../tests/support/random.ts';
import { HEAD_SPAN } from './index-document.ts';
import { languageOfPart, partDir } from './index-plan.ts';
import { idf, NEAR, saturate } from './ranking.ts';
import { createSearchEngine, type PagefindApi, type PagefindResult } from './search-engine.ts';
import { indexWords, runsOf } from './tokens.ts';

interface FakePage {
  id: string;
  filters: Record<string, string>;
  /** Index word → [position, weight] pairs. */
  words: Map<string, [number, number][]>;
}

/** A page as the indexer writes it: the headline (weight 7) padded to HEAD_SPAN, then the body. */
function fakePage(part: number, slug: string, headline: string, body: string, filters: Record<string, string> = {}) {
  const words = new Map<string, [number, number][]>();
  let position = 0;
  const add = (text: string, weight: number) => {
    for (const word of runsOf(text).flatMap((run) => indexWords(run))) {
      words.set(word, [...(words.get(word) ?? []), [position, weight]]);
      position += 1;
    }
  };
  add(headline, 7);
  position = Math.max(position, HEAD_SPAN);
  add(body, 1);
  return { id: `${languageOfPart(partDir(part))}_${slug}`, filters, words };
}

/** Pagefind's merged search over parts, scoring as its wasm does with RANKING (ranking.ts). */
function fakePagefind(pages: readonly FakePage[]): PagefindApi & { searched: string[] } {
  const searched: string[] = [];
  const result = (page: FakePage, score: number, words: number[]): PagefindResult => ({
    id: page.id,
    score,
    words,
    data: () => Promise.resolve({ id: page.id }),
  });
  return {
    searched,
    preload: () => Promise.resolve(),
    search: (term, options = {}) => {
      if (term === null) {
        const allowed = pages.filter((page) =>
          Object.entries(options.filters ?? {}).every(([name, values]) => values.includes(page.filters[name] ?? '')),
        );
        return Promise.resolve({ results: allowed.map((page) => result(page, 0, [])) });
      }
      searched.push(term);
      const results: PagefindResult[] = [];
      const parts = new Map<string, FakePage[]>();
      for (const page of pages) {
        const part = page.id.split('_')[0] ?? '';
        parts.set(part, [...(parts.get(part) ?? []), page]);
      }
      for (const partPages of parts.values()) {
        const matching = partPages.filter((page) => [...page.words.keys()].some((word) => word.startsWith(term)));
        const partIdf = idf(partPages.length, matching.length);
        for (const page of matching) {
          const extensions = [...page.words].filter(([word]) => word.startsWith(term));
          const score = extensions.reduce(
            (sum, [, at]) => sum + partIdf * saturate(at.reduce((weights, [, weight]) => weights + weight, 0)),
            0,
          );
          results.push(result(page, score, extensions.flatMap(([, at]) => at.map(([position]) => position)).sort()));
        }
      }
      return Promise.resolve({ results: results.sort((a, b) => b.score - a.score) });
    },
  };
}

const ids = (hits: { id: string }[]) => hits.map((hit) => hit.id.split('_')[1]);

function engineFor(pages: FakePage[]) {
  const pagefind = fakePagefind(pages);
  const counts = new Map<string, number>();
  for (const page of pages) counts.set(page.id.split('_')[0] ?? '', (counts.get(page.id.split('_')[0] ?? '') ?? 0) + 1);
  const parts = [...counts].map(([language, pagesInPart]) => ({
    dir: partDir(Number(/-x-(\d+)$/u.exec(language)?.[1] ?? 0)),
    pages: pagesInPart,
  }));
  return { pagefind, engine: createSearchEngine({ pagefind, parts, fetchJson: () => Promise.resolve({}) }) };
}

const SEVEN = (split: (i: number) => number) => [
  fakePage(split(0), 'jiuzhoulu', '九州路：海绵城市建设', '海绵工程改造推进。海绵城市试点，海绵设施改造。社区改造。', {
    区: '金水区',
  }),
  fakePage(split(1), 'erqi', '二七区：三项工程', '道路改造，老旧小区改造，改造提升，海绵城市理念，改造。', {
    区: '二七区',
  }),
  fakePage(split(2), 'jiulong', '九龙：快乐老家', '九龙办事处城市管理，门口的变化。', { 区: '经开区' }),
  fakePage(split(3), 'gouzhao', '沟赵：智美新城', '面积35.97平方公里，天健湖公园。', { 区: '高新区' }),
  fakePage(split(4), 'fengyang', '枫杨：宜创宜业', '社区治理，长椿路新龙路区域。', { 区: '高新区' }),
];

describe('createSearchEngine', () => {
  it('finds the pages that contain every term, exactly, and ranks where they matter most first', async () => {
    const { engine } = engineFor(SEVEN(() => 0));
    expect(ids((await engine.search('海绵 改造')).hits)).toEqual(['jiuzhoulu', 'erqi']);
    expect(ids((await engine.search('门口的变化')).hits)).toEqual(['jiulong']);
    expect(ids((await engine.search('35.97平方公里')).hits)).toEqual(['gouzhao']);
    expect(ids((await engine.search('３５．９７平方公里')).hits)).toEqual(['gouzhao']);
    expect(ids((await engine.search('口门的变化')).hits)).toEqual([]);
    expect(ids((await engine.search('海绵 天健湖')).hits)).toEqual([]);
  });

  it('finds one character wherever it is, and reads a traditional query in simplified Chinese too', async () => {
    const { engine } = engineFor(SEVEN(() => 0));
    expect(ids((await engine.search('龙')).hits).sort()).toEqual(['fengyang', 'jiulong']);
    expect(ids((await engine.search('海綿城市')).hits)).toEqual(['jiuzhoulu', 'erqi']);
    const [hit] = (await engine.search('門口的變化')).hits;
    expect(hit?.found).toEqual([['门口的变化']]);
  });

  it('ranks the same whether the archive is one index or split into parts', async () => {
    const one = engineFor(SEVEN(() => 0)).engine;
    const split = engineFor(SEVEN((i) => i % 3)).engine;
    for (const query of ['海绵 改造', '改造', '城市', '社区', '龙', '海绵城市']) {
      const a = (await one.search(query)).hits;
      const b = (await split.search(query)).hits;
      expect(ids(b), query).toEqual(ids(a));
      for (const [i, hit] of b.entries()) expect(hit.score).toBeCloseTo(a[i]?.score ?? 0, 4);
    }
  });

  it('puts features where the terms stand together in the order typed first, however often others use them', async () => {
    const { engine } = engineFor([
      fakePage(0, 'apart', '三项工程建设', '三项工程推进落实。一项管理见实效。三项工程推进落实，一项管理。'),
      fakePage(0, 'reversed', '别的标题', '一项管理、三项工程。'),
      fakePage(0, 'together', '别的标题', '推进“三项工程、一项管理”。'),
      fakePage(0, 'other', '无关', '无关内容。'),
    ]);
    const { hits } = await engine.search('三项工程,一项管理');
    expect(ids(hits)).toEqual(['together', 'reversed', 'apart']);
    expect(hits.map((hit) => hit.proximity)).toEqual([2, 1, 0]);
    // Without the proximity tier, BM25 alone puts the page that uses both most often first.
    expect(hits[2]?.score).toBeGreaterThan(hits[0]?.score ?? 0);
  });

  it('finds the pages holding every term, terms together in the order typed first (seed 61)', async () => {
    const random = seeded(61);
    const alphabet = [...'甲乙丙丁戊'];
    const separators = [',', '，', '、', '；', '。', '：', '！', '？', '/', '|', ' '];
    let ordered = 0;
    for (let round = 0; round < 40; round++) {
      const bodies = Array.from({ length: 12 }, () =>
        Array.from({ length: random.int(5, 60) }, () => random.pick(alphabet)).join(''),
      );
      const { engine } = engineFor(bodies.map((body, i) => fakePage(0, `p${i}`, '标题', body)));
      for (let n = 0; n < 10; n++) {
        const terms = Array.from({ length: random.int(2, 3) }, () =>
          Array.from({ length: random.int(1, 3) }, () => random.pick(alphabet)).join(''),
        );
        const query = terms.reduce((typed, term) => `${typed}${random.pick(separators)}${term}`);
        const got = ids((await engine.search(query)).hits);
        const holding = bodies.flatMap((body, i) => (terms.every((term) => body.includes(term)) ? [`p${i}`] : []));
        expect([...got].sort(), query).toEqual([...holding].sort());
        /** Whether `second` starts 0 to NEAR characters after an occurrence of `first` ends. */
        const follows = (body: string, first: string, second: string) =>
          [...body.matchAll(new RegExp(`(?=${first})`, 'gu'))].some(({ index }) => {
            const next = body.indexOf(second, index + first.length);
            return next >= 0 && next - (index + first.length) <= NEAR;
          });
        // A term typed twice is searched once.
        const distinct = [...new Set(terms)];
        if (distinct.length < 2) continue;
        const pairs = distinct.slice(1).map((second, i) => [distinct[i] ?? '', second] as const);
        const bodyOf = (id: string | undefined) => bodies[Number(id?.slice(1))] ?? '';
        const together = got.filter((id) => pairs.every(([a, b]) => follows(bodyOf(id), a, b)));
        const apart = got.filter((id) =>
          pairs.every(([a, b]) => !follows(bodyOf(id), a, b) && !follows(bodyOf(id), b, a)),
        );
        if (together.length > 0 && apart.length > 0) ordered += 1;
        const lastTogether = Math.max(-1, ...together.map((id) => got.indexOf(id)));
        const firstApart = Math.min(got.length, ...apart.map((id) => got.indexOf(id)));
        expect(lastTogether, query).toBeLessThan(firstApart);
      }
    }
    expect(ordered).toBeGreaterThan(50);
  });

  it('gives a headline match more weight than one in the body', async () => {
    const { engine } = engineFor([
      fakePage(0, 'body', '别的标题', '海绵城市，海绵城市。'),
      fakePage(0, 'title', '海绵城市建设', '其他内容。'),
      fakePage(0, 'other', '无关', '无关内容。'),
    ]);
    expect(ids((await engine.search('海绵城市')).hits)).toEqual(['title', 'body']);
  });

  it('applies filters as one more search, and asks Pagefind for each index word once', async () => {
    const { engine, pagefind } = engineFor(SEVEN(() => 0));
    expect(ids((await engine.search('社区', { 区: ['高新区'] })).hits)).toEqual(['fengyang']);
    expect(ids((await engine.search('', { 区: ['高新区'] })).hits).sort()).toEqual(['fengyang', 'gouzhao']);
    pagefind.searched.length = 0;
    await engine.search('社区');
    await engine.search('海绵城市建设');
    expect(pagefind.searched).toEqual(['海绵', '城市', '建设']);
  });
});
