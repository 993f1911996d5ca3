/**
 * content/districts.yaml and content/topics.yaml: the lists features point into. Each is
 * checked like a feature's frontmatter — valid YAML, a list of entries, each with a unique
 * pinyin id and the fields readers see — and yields the ids (and names, for "did you mean")
 * the feature schema checks `district` and `tags` against.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';
import type { Diagnostic } from './diagnostic.ts';
import { checkEncoding, decodeUtf8 } from './encoding.ts';
import { knownId, photoPath, splitMessage, type KnownEntry } from './fields.ts';
import { districtSchema, featureSchema, FIELDS, SLUG_PATTERN, topicSchema } from './schema.ts';

export interface Taxonomy {
  districts: { file: string; entries: KnownEntry[] };
  topics: { file: string; entries: KnownEntry[] };
}

interface ListFile {
  name: 'districts.yaml' | 'topics.yaml';
  what: { zh: string; en: string };
  schema: z.ZodObject;
}

const LISTS: readonly ListFile[] = [
  { name: 'districts.yaml', what: { zh: '区', en: 'district' }, schema: districtSchema },
  { name: 'topics.yaml', what: { zh: '话题', en: 'topic' }, schema: topicSchema },
];

function readList(
  file: string,
  bytes: Uint8Array | undefined,
  list: ListFile,
): { file: string; entries: KnownEntry[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, zh: string, en: string) =>
    diagnostics.push({ file, line, severity: 'error', code: 'taxonomy', zh, en });
  if (!bytes) {
    report(
      1,
      `找不到 ${file}：稿件的 ${list.what.zh}要从这个文件里选`,
      `${file} is missing: features pick their ${list.what.en} from it`,
    );
    return { file, entries: [], diagnostics };
  }
  const decoded = decodeUtf8(bytes);
  diagnostics.push(...checkEncoding(file, bytes, decoded));
  const lineCounter = new LineCounter();
  const document: Document = parseDocument(decoded.text, { lineCounter, prettyErrors: false });
  const lineOf = (node: unknown) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const yamlError = document.errors[0];
  if (yamlError) {
    const reason = yamlError.message.split('\n')[0] ?? yamlError.message;
    report(
      lineCounter.linePos(yamlError.pos[0]).line,
      `${file} 的格式有误：${reason}。请检查冒号、缩进和 - 开头的每一项`,
      `${file} is not valid YAML: ${reason}`,
    );
    return { file, entries: [], diagnostics };
  }
  if (!isSeq(document.contents)) {
    report(
      1,
      `${file} 应是一个列表：每一项以“- id: …”开头`,
      `${file} must be a list of entries, each starting with "- id: …"`,
    );
    return { file, entries: [], diagnostics };
  }
  const entries: KnownEntry[] = [];
  const seen = new Map<string, number>();
  for (const item of document.contents.items) {
    const line = lineOf(item);
    const data = isMap(item) ? (item.toJSON() as Record<string, unknown>) : undefined;
    const id = data?.['id'];
    if (typeof id !== 'string' || !SLUG_PATTERN.test(id)) {
      report(
        line,
        `${file} 的这一项缺少有效的 id：id 只用小写拼音、数字和连字符，如 jingkai`,
        `entry without a valid id: use lowercase letters, digits and hyphens, e.g. jingkai`,
      );
      continue;
    }
    const twin = seen.get(id);
    if (twin !== undefined)
      report(
        line,
        `id“${id}”在第 ${twin} 行已经用过：每个 id 只能出现一次`,
        `id "${id}" is already used on line ${twin}`,
      );
    seen.set(id, line);
    const result = list.schema.safeParse(data);
    for (const issue of result.error?.issues ?? []) {
      const key = issue.path[0];
      const pair = isMap(item) ? item.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
      const { zh, en } = splitMessage(issue.message);
      report(pair ? lineOf(pair.key) : line, `${list.what.zh}“${id}”：${zh}`, `${list.what.en} "${id}": ${en}`);
    }
    const name = typeof data?.['name'] === 'string' ? data['name'] : id;
    const fullName = data?.['fullName'];
    entries.push({ id, name, ...(typeof fullName === 'string' ? { fullName } : {}) });
  }
  return { file, entries, diagnostics };
}

/** A list file as read: its name in messages (content/districts.yaml), its bytes (none: no such file). */
export interface ListSource {
  file: string;
  bytes: Uint8Array | undefined;
}

/** The districts and topics, from the two files' bytes, and what is wrong with the files. */
export function parseTaxonomy(
  files: Readonly<Record<ListFile['name'], ListSource>>,
): { taxonomy: Taxonomy; diagnostics: Diagnostic[] } {
  const [districts, topics] = LISTS.map((list) => readList(files[list.name].file, files[list.name].bytes, list)) as [
    ReturnType<typeof readList>,
    ReturnType<typeof readList>,
  ];
  return {
    taxonomy: {
      districts: { file: districts.file, entries: districts.entries },
      topics: { file: topics.file, entries: topics.entries },
    },
    diagnostics: [...districts.diagnostics, ...topics.diagnostics],
  };
}

/** The contract as the check applies it: ids from the YAML files read this run, photos as paths. */
export function contentSchema(taxonomy: Taxonomy) {
  return featureSchema({
    photo: photoPath(FIELDS.coverSrc),
    district: knownId(FIELDS.district, taxonomy.districts.file, taxonomy.districts.entries, 'unknown-district'),
    topic: knownId(FIELDS.tags, taxonomy.topics.file, taxonomy.topics.entries, 'unknown-topic'),
  });
}

export type ContentSchema = ReturnType<typeof contentSchema>;
