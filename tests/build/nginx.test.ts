/**
 * The nginx server block of docs/deploy/nginx.conf (src/lib/http-headers.ts): nginx accepts
 * it (`nginx -t`), and nginx serving the build with it under its base path sends the pages,
 * the 404 page, the feed's type and the headers the module promises. Runs where nginx is
 * installed (scripts/test.mjs installs Debian's `nginx-light` when it runs as root).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nginxConf } from '../../scripts/nginx-conf.ts';
import { builtSiteUrl } from '../support/link-check.ts';
import { IMMUTABLE, nginxServerBlock, REVALIDATE, SECURITY_HEADERS } from '../../src/lib/http-headers.ts';
import { dist, repo } from '../support/site.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => spawnSync(path, ['-v']).status === 0);
// The sub-path build when scripts/test.mjs made one: the harder case.
const build = resolve(process.env['SUBPATH_DIST'] ?? dist);

/** A whole nginx.conf around `server`, with every path nginx writes inside `prefix`. */
function mainConf(prefix: string, server: string): string {
  const serverFile = join(prefix, 'server.conf');
  writeFileSync(serverFile, server);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `    ${kind}_temp_path ${join(prefix, kind)};`)
    .join('\n');
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')};
events {}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
${temp}
    include ${serverFile};
}
`,
  );
  return conf;
}

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        done(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });

describe.skipIf(NGINX === undefined)('nginx', () => {
  it('accepts docs/deploy/nginx.conf, which is what scripts/nginx-conf.ts writes', () => {
    const committed = readFileSync(join(repo, 'docs', 'deploy', 'nginx.conf'), 'utf8');
    expect(committed, 'regenerate it: node scripts/nginx-conf.ts > docs/deploy/nginx.conf').toBe(nginxConf(undefined));
    const prefix = mkdtempSync(join(tmpdir(), 'zhuanban-nginx-t-'));
    const result = spawnSync(NGINX ?? '', ['-t', '-p', prefix, '-c', mainConf(prefix, committed)], {
      encoding: 'utf8',
    });
    expect(result.stderr).toMatch(/test is successful/u);
    expect(result.status).toBe(0);
  });

  describe('serving the build', () => {
    const site = new URL(builtSiteUrl(build));
    const base = site.pathname;
    const prefix = mkdtempSync(join(tmpdir(), 'zhuanban-nginx-'));
    let origin = '';
    let nginx: ReturnType<typeof spawn> | undefined;

    beforeAll(async () => {
      // The build at <root><base>, as the block's comment tells a newsroom to copy it.
      const root = join(prefix, 'www');
      const folder = base === '/' ? root : join(root, base.slice(0, -1));
      mkdirSync(dirname(folder), { recursive: true });
      symlinkSync(build, folder);
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      const server = nginxServerBlock({
        base,
        root,
        serverName: '127.0.0.1',
        listen: `127.0.0.1:${port}`,
      });
      nginx = spawn(NGINX ?? '', ['-p', prefix, '-c', mainConf(prefix, server), '-g', 'daemon off;'], {
        stdio: 'inherit',
      });
      for (let i = 0; i < 50; i++) {
        if (
          await fetch(origin).then(
            () => true,
            () => false,
          )
        )
          return;
        await new Promise((wait) => setTimeout(wait, 100));
      }
      throw new Error(`nginx did not start: ${readFileSync(join(prefix, 'error.log'), 'utf8')}`);
    });
    afterAll(() => {
      nginx?.kill();
    });

    const get = (path: string) => fetch(`${origin}${base}${path}`, { redirect: 'manual' });
    const expectSecurity = (response: Response) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(response.headers.get(name), `${name} on ${response.url}`).toBe(value);
    };

    it('serves pages to revalidate, with every security header', async () => {
      for (const path of ['', 'features/jiulong/', 'search/']) {
        const response = await get(path);
        expect(response.status, path).toBe(200);
        expect(await response.text()).toContain('<html lang="zh-CN">');
        expect(response.headers.get('cache-control')).toBe(REVALIDATE);
        expectSecurity(response);
      }
    });

    it('caches hashed files for a year and revalidates Pagefind’s fixed-name files', async () => {
      const css = readdirSync(join(build, '_astro')).find((name) => name.endsWith('.css'));
      const fragment = readdirSync(join(build, 'pagefind', 'fragment'))[0];
      for (const path of [`_astro/${css}`, `pagefind/fragment/${fragment}`]) {
        const response = await get(path);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('cache-control'), path).toBe(IMMUTABLE);
        expectSecurity(response);
      }
      const entry = await get('pagefind/pagefind.js');
      expect(entry.headers.get('cache-control')).toBe(REVALIDATE);
    });

    it('serves the feed as RSS, the 404 page for a missing page, and adds a folder’s slash', async () => {
      const feed = await get('rss.xml');
      expect(feed.headers.get('content-type')).toMatch(/^application\/rss\+xml/u);
      expectSecurity(feed);
      const missing = await get('features/no-such-feature/');
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('noindex');
      const bare = await get('features/jiulong');
      expect(bare.status).toBe(301);
      expect(bare.headers.get('location')).toBe(`${base}features/jiulong/`);
    });
  });
});
