/**
 * Keeps the build log readable for editors: drops one upstream warning that says nothing
 * about their content, and nothing else.
 *
 * Astro's MDX modules start with the directive "use astro:head-inject", and rolldown warns
 * that a module-level directive "may not be preserved when bundling" — 12 lines per MDX
 * feature, 12,000 at 1,000 features, around the one real error an editor looks for. The
 * directive is Astro's own marker, read before bundling, so the warning is harmless; it is
 * upstream issue withastro/astro#18087 (open, "P2: nice to have"). Only that warning, only for
 * a feature's MDX under content/features/, is dropped; every other log goes on to Vite as
 * before. Once features are no longer bundled as modules, this has nothing to drop.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

interface BundlerLog {
  code?: string;
  message: string;
  id?: string;
}
type LogHandler = (level: string, log: BundlerLog) => void;
type OnLog = (level: string, log: BundlerLog, handler: LogHandler) => void;

/** Is this rolldown's head-inject directive warning about a feature's MDX (in `contentDir`)? */
export function isHeadInjectWarning(log: BundlerLog, contentDir: string): boolean {
  if (log.code !== 'MODULE_LEVEL_DIRECTIVE' || !log.message.includes('"use astro:head-inject"')) return false;
  // The module: the log's id (absolute), else the path the message quotes (relative to the root).
  const module = (log.id ?? /in "([^"]+)"/.exec(log.message)?.[1] ?? '').split('?')[0] ?? '';
  return module.endsWith('.mdx') && (module.startsWith(contentDir) || module.startsWith('content/features/'));
}

export default function buildLog(): AstroIntegration {
  return {
    name: 'zhuanban:build-log',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const contentDir = fileURLToPath(new URL('content/features/', config.root));
        const previous = config.vite.build?.rolldownOptions?.onLog as OnLog | undefined;
        const onLog: OnLog = (level, log, handler) => {
          if (isHeadInjectWarning(log, contentDir)) return;
          if (previous) previous(level, log, handler);
          else handler(level, log);
        };
        updateConfig({ vite: { build: { rolldownOptions: { onLog } } } });
      },
    },
  };
}
