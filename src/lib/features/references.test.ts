import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../content/diagnostic.ts';
import { FIELDS } from '../content/schema.ts';
import { resolveReference } from './references.ts';

const districts = new Map(
  [
    { id: 'jingkai', data: { name: '经开区', fullName: '郑州经济技术开发区' } },
    { id: 'erqi', data: { name: '二七区', fullName: '郑州市二七区' } },
  ].map((entry) => [entry.id, entry]),
);
const DISTRICT = {
  field: FIELDS.district,
  path: ['district'],
  list: 'content/districts.yaml',
  code: 'unknown-district',
};

describe('resolveReference', () => {
  it('gives the entry an id names', () => {
    expect(resolveReference(districts, 'erqi', { id: 'erqi' }, DISTRICT).data.name).toBe('二七区');
  });

  it('stops on an unknown id with the editor’s message: file, line of the field, nearest valid id', () => {
    const feature = { id: 'jiulong', filePath: 'content/features/jiulong/index.mdx' };
    const error = (() => {
      try {
        resolveReference(districts, 'jingkia', feature, DISTRICT);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toMatchInlineSnapshot(`
      "content/features/jiulong/index.mdx:7: 错误 error [unknown-district] district（所属区）“jingkia”不在 content/districts.yaml 里。是不是 jingkai？要新增请先在 content/districts.yaml 里加一项
          district "jingkia" is not an id in content/districts.yaml; did you mean jingkai?"
    `);
  });
});

it('is the only way the site code follows a reference: no page calls getEntry() or getEntries()', () => {
  const src = new URL('../../', import.meta.url).pathname;
  const callers = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.(?:astro|ts)$/.test(path) && !path.endsWith('.test.ts'))
    .filter((path) =>
      /\bgetEntr(?:y|ies)\s*\(/.test(readFileSync(join(src, path), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')),
    );
  expect(callers).toEqual([]);
});
