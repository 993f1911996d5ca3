/**
 * What the desk's page adds to the site's Content-Security-Policy (astro.config.mjs
 * security.csp, which every page starts from), and why. Only /admin/ carries these; the
 * readers' pages keep theirs.
 *
 * - script 'unsafe-eval': Decap CMS validates its configuration with ajv, which compiles each
 *   schema into a function (new Function) when the desk starts. Without it the desk stops at
 *   "Error loading config". Scripts still come only from this site ('self').
 * - style-src-elem / style-src-attr 'unsafe-inline': Decap's interface is styled by emotion,
 *   which writes <style> elements at run time, and its widgets set style="" attributes; neither
 *   can be hashed ahead. Style sheets still come only from this site.
 * - connect-src: the git host's API (and GitLab's and Gitea's token endpoint, on the same
 *   origin), the only other origin the desk talks to.
 * - connect-src blob:: Decap reads back the photos an editor adds (and its local draft
 *   backup) from the blob: addresses it made for them.
 * - img-src blob: and data:: the photos of a feature are fetched through the API and shown
 *   from blob: addresses; Decap's icons are data: images. The host's origin and GitHub's
 *   avatar host show the signed-in editor's avatar.
 */
import type { DeskSettings } from './settings.ts';

export interface DeskCsp {
  /** Whole directives, e.g. `connect-src 'self' https://gitlab.com`. */
  directives: string[];
  scripts: string[];
}

export function deskCsp(settings: DeskSettings): DeskCsp {
  const api = new URL(settings.apiRoot).origin;
  const origins = [...new Set([api, settings.origin])];
  const avatars = settings.host === 'github' ? ['https://avatars.githubusercontent.com'] : [settings.origin];
  return {
    directives: [
      `connect-src 'self' blob: ${origins.join(' ')}`,
      `img-src 'self' blob: data: ${[...new Set(avatars)].join(' ')}`,
      "style-src-elem 'self' 'unsafe-inline'",
      "style-src-attr 'unsafe-inline'",
    ],
    scripts: ["'unsafe-eval'"],
  };
}
