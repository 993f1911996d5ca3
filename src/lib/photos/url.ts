/**
 * The one place the site turns a photo copy's file name into a URL (under the site's base
 * path, through site-url.ts), noting that the page being rendered links to it so the build publishes it
 * (requests.ts, src/integrations/photos.ts). For components: it reads import.meta.env.
 */
import { withBase } from '../site-url.ts';
import { PHOTO_DIR } from './photo.ts';
import { requestCopy } from './requests.ts';

/** Site-relative URL of a copy, e.g. /_astro/3f9a…-720x480-q56-9c2e41.avif. `page`: Astro.url.pathname. */
export function photoUrl(name: string, page: string): string {
  requestCopy(page, name);
  return withBase(`/${PHOTO_DIR}/${name}`);
}
