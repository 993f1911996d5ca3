/**
 * The desk's check is the contract's (its verdict equals `npm run check`'s over the mutation
 * table: tests/editors/desk-check.test.ts); here, that each finding lands where an editor looks:
 * the field of the form it is about, or the line of the body as the body editor counts them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTaxonomy } from '../features/source.ts';
import { deskChecker, deskOthers, type DeskEntry } from './validate.ts';

const FEATURE = new URL('../../../content/features/jiulong/index.mdx', import.meta.url);
const original = readFileSync(FEATURE, 'utf8');
const { taxonomy } = readTaxonomy('content');
const check = deskChecker({ taxonomy });

/** jiulong as the desk would save it with `edit` applied; its body is what follows the frontmatter's blank line. */
function entry(edit: (text: string) => string): DeskEntry {
  const text = edit(original);
  const body = text.slice(text.indexOf('\n---\n') + 5).replace(/^\n+/, '');
  return { file: 'content/features/jiulong/index.mdx', text, body, files: ['index.mdx', 'photo-1.jpg'] };
}

const bodyLineOf = (e: DeskEntry, needle: string) => e.body.slice(0, e.body.indexOf(needle)).split('\n').length;

describe('the desk check', () => {
  it('finds nothing in a sound feature', () => {
    expect(check(entry((t) => t)).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('marks a body mistake on the body line, with the contract’s Chinese message', () => {
    const e = entry((t) => t.replace('\n## ', '\n![社区活动](./photo-1.jpg)\n\n# 九龙办事处\n\n## '));
    const errors = check(e).filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.bodyLine, d.field])).toEqual([
      ['photo-syntax', bodyLineOf(e, '![社区活动]'), undefined],
      ['heading-level', bodyLineOf(e, '# 九龙办事处'), undefined],
    ]);
    for (const d of errors) expect(d.zh).toMatch(/\p{Script=Han}/u);
  });

  it('marks a frontmatter mistake on its field, dotted, at its line', () => {
    const e = entry((t) =>
      t
        .replace('district: jingkai', 'district: jingkia')
        .replace(/^ {2}alt: .*$/m, '  alt: ""')
        .replace('{ name: 王赛华, role: 记者 }', '{ name: 王赛华, rol: 记者 }'),
    );
    const lineOf = (needle: string) => e.text.slice(0, e.text.indexOf(needle)).split('\n').length;
    const errors = check(e).filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.field, d.line])).toEqual([
      ['district', lineOf('district:')],
      // One line, two findings (an unknown key, role missing): the list item's field, bylines.
      ['bylines', lineOf('rol:')],
      ['bylines', lineOf('rol:')],
      ['cover.alt', lineOf('  alt:')],
    ]);
    expect(errors.every((d) => d.bodyLine === undefined)).toBe(true);
  });

  it('looks for the photos a feature names among the files of its folder', () => {
    const e = entry((t) => t);
    const missing = check({ ...e, files: ['index.mdx', 'Photo-1.jpg'] }).filter((d) => d.severity === 'error');
    expect(missing.map((d) => [d.code, d.field])).toEqual([['photo-missing', 'cover.src']]);
  });

  it('counts body lines from the body the editor sees, however many blank lines come before it', () => {
    const e = entry((t) => t.replace('---\n\n', '---\n\n\n\n').replace('\n## ', '\n# 标题\n\n## '));
    const h1 = check(e).find((d) => d.code === 'heading-level');
    expect(h1?.bodyLine).toBe(bodyLineOf(e, '# 标题'));
  });

  it('carries no draft to the public page, and none of the other features’ own links', () => {
    const summary = {
      file: 'f',
      slug: 's',
      title: 't',
      titleLine: 2,
      district: 'erqi',
      tags: [],
      anchors: ['section-1'],
    };
    const link = { href: '/features/x/', line: 30, column: 1 };
    expect(
      deskOthers([
        { ...summary, draft: false, links: [link] },
        { ...summary, slug: 'secret', draft: true, links: [] },
      ]),
    ).toEqual([{ ...summary, draft: false, links: [] }]);
  });
});
