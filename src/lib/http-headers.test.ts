import { describe, expect, it } from 'vitest';
import { headersFile, IMMUTABLE, immutableFolders, nginxServerBlock, SECURITY_HEADERS } from './http-headers.ts';

/** A _headers file as path → its headers. */
function rules(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (line.startsWith(' ')) current.push(line.trim());
    else map.set(line, (current = []));
  }
  return map;
}

describe('headersFile', () => {
  it('sends the security headers with everything under the base, and a year’s cache for hashed files', () => {
    const file = rules(headersFile('/zhuanban/', ['pagefind', 'pagefind-1']));
    expect(file.get('/zhuanban/*')).toEqual(Object.entries(SECURITY_HEADERS).map(([n, v]) => `${n}: ${v}`));
    for (const path of [
      '/zhuanban/_astro/*',
      '/zhuanban/pagefind/fragment/*',
      '/zhuanban/pagefind-1/index/*',
      '/zhuanban/pagefind-1/filter/*',
    ])
      expect(file.get(path), path).toEqual([`Cache-Control: ${IMMUTABLE}`]);
    // Pagefind's entry files keep their names across builds: never cached for long.
    expect([...file.keys()].filter((path) => /pagefind(?:-1)?\/\*$/u.test(path))).toEqual([]);
  });

  it('works at the root', () => {
    expect([...rules(headersFile('/', ['pagefind'])).keys()]).toEqual([
      '/*',
      ...immutableFolders(['pagefind']).map((f) => `${f}*`),
    ]);
  });
});

describe('nginxServerBlock', () => {
  const block = nginxServerBlock({ base: '/zhuanban/', root: '/srv/www', serverName: 'www.paper.cn' });

  it('repeats every security header in each location, since nginx drops inherited add_header there', () => {
    const locations = block.split(/\n\s*location /u).slice(1);
    expect(locations).toHaveLength(3);
    for (const location of locations)
      for (const name of Object.keys(SECURITY_HEADERS)) expect(location, name).toContain(`add_header ${name} `);
  });

  it('serves under the base path, with its 404 page', () => {
    expect(block).toContain('location /zhuanban/ {');
    expect(block).toContain('location ~ ^/zhuanban/(?:_astro|pagefind(?:-[0-9]+)?/(?:fragment|index|filter))/ {');
    expect(block).toContain('error_page 404 /zhuanban/404.html;');
    expect(block).toContain('add_header Content-Security-Policy "frame-ancestors \'none\'" always;');
  });
});
