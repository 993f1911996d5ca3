/**
 * Which images in the built site's asset folder (dist/_astro/) nothing links to.
 *
 * Astro copies the original of every photo a content collection's `image()` field names into
 * dist/_astro/ and never prunes it, even though readers only ever get the resized AVIF/WebP
 * variants (withastro/astro#17706, #15505). A camera original is 2–10 MB: at 1,000 features
 * that is gigabytes uploaded with every deploy and never served. The build deletes them
 * (src/integrations/prune-originals.ts); this module decides which, from the built files alone.
 */

/** Image files the pruning may delete; never scripts, styles or anything else. */
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

/** The image files among `assetNames` that no text in `texts` links to. */
export function unreferencedImages(
  assetNames: readonly string[],
  texts: Iterable<string>,
  assetsDir: string,
): string[] {
  const referenced = new Set<string>();
  for (const text of texts) for (const name of referencedAssetNames(text, assetsDir)) referenced.add(name);
  return assetNames.filter((name) => IMAGE_FILE.test(name) && !referenced.has(name));
}
