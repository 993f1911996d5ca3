/**
 * A feature's publication date, exactly as precise as its source allows.
 *
 * Print pages often give a month and day without a year, or only hint at the year
 * ("迎‘七一’", "党的二十大精神"). Editors write `"2019"`, `"2019-07"` or `"2019-07-01"`;
 * nothing here ever fills in a month or day the editor did not write.
 */
export type DatePrecision = 'year' | 'month' | 'day';

export interface FeatureDate {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
  /** The editor's string, normalised: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  iso: string;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns `undefined` for anything else or an impossible date. */
export function parseFeatureDate(value: string): FeatureDate | undefined {
  const match = PATTERN.exec(value.trim());
  if (!match) return undefined;
  const [, y, m, d] = match;
  const year = Number(y);
  if (m === undefined) return { year, precision: 'year', iso: `${y}` };
  const month = Number(m);
  if (month < 1 || month > 12) return undefined;
  if (d === undefined) return { year, month, precision: 'month', iso: `${y}-${m}` };
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return undefined;
  return { year, month, day, precision: 'day', iso: `${y}-${m}-${d}` };
}

/** Chinese display form: 2019年, 2019年7月, 2019年7月1日. */
export function formatFeatureDate(date: FeatureDate): string {
  let text = `${date.year}年`;
  if (date.month !== undefined) text += `${date.month}月`;
  if (date.day !== undefined) text += `${date.day}日`;
  return text;
}

/**
 * A sortable instant for feeds, sitemaps and ordering. A date known only to the month
 * or year stands at its first day: the earliest moment it can mean, so a feed never
 * claims a story appeared later than it did.
 */
export function featureDateToDate(date: FeatureDate): Date {
  return new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1));
}

/**
 * The site's order: newest first, features of the same date by slug. One comparator for the
 * pages (collections.ts) and for the check of the built site's feed (feed.ts).
 */
export function newestFirst(a: { slug: string; date: FeatureDate }, b: { slug: string; date: FeatureDate }): number {
  const diff = featureDateToDate(b.date).getTime() - featureDateToDate(a.date).getTime();
  return diff !== 0 ? diff : a.slug.localeCompare(b.slug);
}
