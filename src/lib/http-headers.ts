/**
 * The HTTP headers the site needs from whatever serves it — the one place their values are
 * written. Each page carries its Content-Security-Policy in a <meta> (Astro's `security.csp`,
 * with the hashes of that page's inline scripts and styles); what a <meta> cannot carry is
 * here: frame-ancestors, nosniff, the referrer and permissions policies, and caching.
 *
 * Rendered three ways from these values: `astro preview`'s headers (astro.config.mjs
 * `server.headers`), the `_headers` file hosts such as Netlify and Cloudflare Pages read
 * (written into the build by src/integrations/http-headers.ts, with the base path), and an
 * nginx `server` block (docs/deploy/nginx.conf; `node scripts/nginx-conf.ts <SITE_URL>`).
 */
import { joinBase } from './site-url.ts';

/** Sent with every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // No other site may frame ours (clickjacking). Only a header can say so: browsers ignore
  // frame-ancestors in a <meta>. X-Frame-Options says the same to browsers before CSP 2.
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  // Other sites learn that a reader came from us, not which feature they read.
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Nothing on the site uses these; a script that got in could not either. Copying a link
  // uses the clipboard, which stays allowed.
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()',
};

/** Files whose name changes with their content: cached for a year, never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (pages, feeds, Pagefind's fixed-name entry files): revalidated on every visit. */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/**
 * The folders of the build whose files are content-hashed, as site paths: Astro's /_astro/,
 * and in each Pagefind index part (pagefind/, pagefind-1/…) its fragments, index chunks and
 * filters, whose file names carry a hash. Pagefind's pagefind.js, worker, wasm and
 * pagefind-entry.json keep their names across builds, so they are revalidated like pages.
 */
export function immutableFolders(indexDirs: readonly string[]): string[] {
  return ['/_astro/', ...indexDirs.flatMap((dir) => ['fragment', 'index', 'filter'].map((kind) => `/${dir}/${kind}/`))];
}

/**
 * A `_headers` file (Netlify, Cloudflare Pages) for a build under `base`. Pages get the host's
 * default Cache-Control, which on both is to revalidate every time: a second Cache-Control on
 * `/*` would be joined to the immutable one rather than replaced.
 */
export function headersFile(base: string, indexDirs: readonly string[]): string {
  const lines = [
    '# Written by the build from src/lib/http-headers.ts: edit that file, not this one.',
    joinBase(base, '/*'),
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
  ];
  for (const folder of immutableFolders(indexDirs))
    lines.push(joinBase(base, `${folder}*`), `  Cache-Control: ${IMMUTABLE}`);
  return `${lines.join('\n')}\n`;
}

export interface NginxOptions {
  /** Astro's base: `/` or `/zhuanban/`. */
  base: string;
  /** The folder the URL path maps into: the build is copied to `<root><base>`. */
  root: string;
  serverName: string;
  /** nginx's listen directive; 80 behind a TLS terminator, a test port in npm test. */
  listen?: string;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * An nginx `server` block serving the build under `base`. nginx drops a server's add_header
 * lines in any location that has its own, so each location repeats the security headers.
 */
export function nginxServerBlock({ base, root, serverName, listen = '80' }: NginxOptions): string {
  const security = Object.entries(SECURITY_HEADERS).map(
    ([name, value]) => `add_header ${name} "${value.replace(/"/gu, '\\"')}" always;`,
  );
  const headers = (cacheControl: string, indent: string) =>
    [...security, `add_header Cache-Control "${cacheControl}" always;`].map((line) => `${indent}${line}`).join('\n');
  const prefix = escapeRegex(base);
  return `# zhuanban under ${base}: written from src/lib/http-headers.ts by
#   node scripts/nginx-conf.ts <SITE_URL> [root folder] [server name]
# Copy the build (dist/) to ${joinBase(root, base)} and put TLS in front (listen 443 ssl).
server {
    listen ${listen};
    server_name ${serverName};
    root ${root};
    # Redirects (/features/x → /features/x/) keep the address the reader used, TLS and all.
    absolute_redirect off;
    charset utf-8;
    charset_types text/css text/xml application/javascript application/json application/rss+xml image/svg+xml;
    # Pagefind's index files are gzipped already; these are what compresses well.
    gzip on;
    gzip_types text/css text/xml application/javascript application/json application/rss+xml image/svg+xml;
    # The feed's file name ends in .xml; feed readers look for this type.
    location = ${joinBase(base, '/rss.xml')} {
        types { }
        default_type application/rss+xml;
${headers(REVALIDATE, '        ')}
    }

    # Files named by their content: /_astro/ and Pagefind's fragments, index chunks and filters.
    location ~ ^${prefix}(?:_astro|pagefind(?:-[0-9]+)?/(?:fragment|index|filter))/ {
${headers(IMMUTABLE, '        ')}
        try_files $uri =404;
    }

    # Pages (folder/index.html), feeds, Pagefind's fixed-name files: revalidated each visit.
    location ${base} {
${headers(REVALIDATE, '        ')}
        index index.html;
        try_files $uri $uri/ =404;
    }

    error_page 404 ${joinBase(base, '/404.html')};
}
`;
}
