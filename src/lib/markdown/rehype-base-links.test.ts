import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import rehypeBaseLinks from './rehype-base-links.ts';

const element = (tagName: string, properties: Record<string, string>): Element => ({
  type: 'element',
  tagName,
  properties,
  children: [],
});

/** The href/src of each element after the plugin ran with `base`. */
function run(addresses: [tag: string, name: string, value: string][], base: string): string[] {
  const tree: Root = { type: 'root', children: addresses.map(([tag, name, value]) => element(tag, { [name]: value })) };
  rehypeBaseLinks({ base })(tree);
  return tree.children.map((node, i) => String((node as Element).properties[addresses[i]?.[1] ?? ''] ?? ''));
}

describe('rehypeBaseLinks', () => {
  it('puts root-relative links and images under the base path', () => {
    expect(
      run(
        [
          ['a', 'href', '/archive/'],
          ['img', 'src', '/favicon.svg'],
        ],
        '/zhuanban/',
      ),
    ).toEqual(['/zhuanban/archive/', '/zhuanban/favicon.svg']);
  });

  it('leaves other addresses, links already under the base, and a site at the root alone', () => {
    const others: [string, string, string][] = [
      ['a', 'href', 'https://x.cn/a'],
      ['a', 'href', '//x.cn/b'],
      ['a', 'href', '#section-1'],
      ['img', 'src', './p.jpg'],
      ['a', 'href', '/zhuanban/x/'],
    ];
    expect(run(others, '/zhuanban/')).toEqual(others.map(([, , value]) => value));
    expect(run([['a', 'href', '/archive/']], '/')).toEqual(['/archive/']);
  });
});
