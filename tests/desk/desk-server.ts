/**
 * The desk as the browser test drives it: the built site served on 127.0.0.1 with Decap's
 * local-repository server (decap-server) behind the same address at
 * /api/v1, writing to a copy of the content — never to the repository's own content/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import path from 'node:path';
import { serveStatic } from '../search/static-server.ts';

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Desk {
  /** The site's address: the desk is at `${url}/admin/`. */
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves `dist` with decap-server over `repository` (a folder holding content/) at /api/v1.
 * Mode `fs` writes files as the editor saves; `git` (the repository a git work tree) commits,
 * and keeps each feature in review on a branch of its own, as the editorial workflow does.
 */
export async function startDesk(dist: string, repository: string, mode: 'fs' | 'git' = 'fs'): Promise<Desk> {
  const apiPort = await freePort();
  const serverScript = path.resolve('node_modules/decap-server/dist/index.js');
  const api: ChildProcess = spawn(process.execPath, [serverScript], {
    env: {
      ...process.env,
      PORT: String(apiPort),
      BIND_HOST: '127.0.0.1',
      GIT_REPO_DIRECTORY: repository,
      MODE: mode,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => {
      reject(new Error('decap-server did not start in 20 s'));
    }, 20_000);
    const poll = () => {
      const probe = request(
        {
          host: '127.0.0.1',
          port: apiPort,
          path: '/api/v1',
          method: 'POST',
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          clearTimeout(deadline);
          resolve();
        },
      );
      probe.on('error', () => setTimeout(poll, 200));
      probe.end('{"action":"info"}');
    };
    poll();
  });

  const site = await serveStatic(dist, (req, res) => {
    if (!req.url?.startsWith('/api/v1')) return false;
    const upstream = request(
      { host: '127.0.0.1', port: apiPort, path: req.url, method: req.method, headers: req.headers },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(upstream);
    return true;
  });
  return {
    url: site.url,
    close: async () => {
      api.kill();
      await site.close();
    },
  };
}
