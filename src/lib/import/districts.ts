/** Reads content/districts.yaml for the importer (which has no Astro to load collections). */
import { parse } from 'yaml';
import type { District } from './metadata.ts';

export function parseDistricts(yaml: string): District[] {
  const data: unknown = parse(yaml);
  if (!Array.isArray(data)) return [];
  return data.filter(
    (d): d is District =>
      typeof d === 'object' &&
      d !== null &&
      ['id', 'name', 'fullName', 'city'].every((k) => typeof (d as Record<string, unknown>)[k] === 'string'),
  );
}
