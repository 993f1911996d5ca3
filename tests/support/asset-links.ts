/**
 * Which files of the built site's asset folder (dist/_astro/) its pages, feeds, scripts and
 * styles link to, read from the built files alone. The build tests use it to check that the
 * folder holds every image the site links to and no other (no photo original: the photo step,
 * src/integrations/photos.ts, publishes only the copies pages link to).
 */

/** Image files, as opposed to scripts, styles or anything else. */
export const IMAGE_FILE = /\.(?:avif|gif|jpe?g|png|svg|tiff?|webp)$/i;

/** Built files that can link to an asset: pages, feeds, the sitemap, manifests, scripts and styles. */
export const TEXT_FILE = /\.(?:css|html|js|json|mjs|svg|txt|webmanifest|xml)$/i;

/**
 * The file names under `/<assetsDir>/` that `text` links to, wherever the link sits: src,
 * srcset, url(), an absolute URL in JSON-LD or the feed. Percent-encoded names are decoded.
 */
export function referencedAssetNames(text: string, assetsDir: string): Set<string> {
  const names = new Set<string>();
  const escaped = assetsDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const match of text.matchAll(new RegExp(`/${escaped}/([^\\s"'()<>?#\\\\]+)`, 'g'))) {
    const name = match[1] ?? '';
    names.add(name);
    try {
      names.add(decodeURIComponent(name));
    } catch {
      // Not percent-encoding after all: the name as written is already in the set.
    }
  }
  return names;
}
