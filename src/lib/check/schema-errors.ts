/**
 * Turns Astro's schema error into `file:line` diagnostics.
 *
 * `astro sync` names the file and each bad field but not the line (it prints `index.mdx:0:0`),
 * and editors fix frontmatter by line. The field paths it prints (`cover.alt`) are looked up
 * in the file's own YAML, so each message points at the line to change.
 */
import { relative } from 'node:path';
import type { Diagnostic } from './diagnostic.ts';
import { frontmatterLine, type FeatureSource } from './feature-source.ts';

const ERROR_HEADER = '[InvalidContentEntryDataError]';
const FIELD_LINE = /^ {2}([\w.[\]-]+): (.+)$/;
const LOCATION = /Location:\s*\n\s*(\S+?):\d+:\d+/;

/** Our schema messages are "中文 / English"; Astro's own have only English. */
function splitMessage(message: string): { zh: string; en: string } {
  const at = message.lastIndexOf(' / ');
  return at < 0 ? { zh: message, en: message } : { zh: message.slice(0, at), en: message.slice(at + 3) };
}

/**
 * Diagnostics for the schema error in `output` (what `astro sync` printed), or an empty list
 * when the output holds no schema error. `readFeature` gives the parsed source of the named file.
 */
export function schemaDiagnostics(
  output: string,
  readFeature: (absolutePath: string) => FeatureSource | undefined,
  cwd = process.cwd(),
): Diagnostic[] {
  const start = output.indexOf(ERROR_HEADER);
  const location = LOCATION.exec(output)?.[1];
  if (start < 0 || !location) return [];
  const feature = readFeature(location);
  const fields = output
    .slice(start)
    .split('\n')
    .slice(1)
    .map((line) => FIELD_LINE.exec(line))
    .filter((match) => match !== null);
  return fields.map(([, path = '', message = '']) => ({
    file: relative(cwd, location),
    line: feature ? frontmatterLine(feature, path.split('.')) : 1,
    severity: 'error',
    code: 'schema',
    ...splitMessage(message),
  }));
}
