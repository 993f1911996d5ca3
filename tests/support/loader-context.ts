/**
 * A stand-in for the context Astro hands a content loader: a data store and a meta store that
 * keep what the loader wrote from one load to the next, the project's folders, and Astro's
 * digest. The features loader runs against it as it runs in a build.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';

export interface StoredEntry {
  id: string;
  digest?: string | number;
  data: Record<string, unknown>;
  rendered?: { metadata?: Record<string, unknown> };
}

export interface LoaderContextOptions {
  /** The collection's schema: the data as it is by default. */
  parseData?: (entry: { id: string; data: Record<string, unknown> }) => Promise<Record<string, unknown>>;
  /** Told each id the loader stores. */
  onSet?: (id: string) => void;
}

/** The context for a project at `root`, built for the site at its root; `entries` is the data store. */
export function loaderContext(root: string, { parseData, onSet }: LoaderContextOptions = {}) {
  const entries = new Map<string, StoredEntry>();
  const context = {
    collection: 'features',
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: StoredEntry) => {
        entries.set(entry.id, entry);
        onSet?.(entry.id);
        return true;
      },
      delete: (id: string) => entries.delete(id),
      keys: () => [...entries.keys()],
    },
    meta: new Map<string, string>(),
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${root}/.cache/astro/`), base: '/' },
    parseData: parseData ?? (({ data }: { data: Record<string, unknown> }) => Promise.resolve(data)),
    generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
  } as unknown as LoaderContext;
  return { context, entries };
}
