/**
 * Prints the nginx `server` block for a site published at SITE_URL (src/lib/http-headers.ts):
 *
 *   node scripts/nginx-conf.ts https://www.paper.cn/zhuanban/ /srv/www www.paper.cn > zhuanban.conf
 *
 * The build (dist/) then goes to <root folder><base path>, e.g. /srv/www/zhuanban/.
 * docs/deploy/nginx.conf is this command's output for the default address.
 */
import { nginxServerBlock } from '../src/lib/http-headers.ts';
import { siteAddress } from '../src/lib/site-url.ts';

/** The block for `siteUrl`, the files under `root`. */
export function nginxConf(siteUrl: string | undefined, root = '/srv/www', serverName?: string): string {
  const { site, base } = siteAddress(siteUrl);
  return nginxServerBlock({ base, root, serverName: serverName ?? new URL(site).hostname });
}

if (import.meta.main) {
  const [siteUrl, root, serverName] = process.argv.slice(2);
  process.stdout.write(nginxConf(siteUrl ?? process.env['SITE_URL'], root, serverName));
}
