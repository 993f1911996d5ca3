/**
 * Which features readers may see. Drafts show in `npm run dev` so an editor can preview
 * them, and nowhere in a production build: not as pages, in lists, feeds, the sitemap or search.
 */
export interface Draftable {
  data: { draft: boolean };
}

export function isPublished(entry: Draftable, { dev }: { dev: boolean }): boolean {
  return dev || !entry.data.draft;
}
