/**
 * Mistakes in the body, the photos and the file as a whole: components and props misspelled
 * or missing, tags left open, stray { and <, code the guide forbids, photo references and
 * files gone wrong, and what editors' tools do to a file (a BOM, CRLF, GB18030, UTF-16, the
 * file emptied or its --- lost). Each on the real features that have what it changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { encodeGb18030 } from '../support/gb18030.ts';
import { photosInUse, pick, random, type FeatureFixture, type Mutation } from './mutations.ts';

const lineCount = (text: string) => text.split('\n').length;

/** The photos a mutation can put in a folder: too small, soft on a wide screen, not an image, too big to commit. */
export async function photoVariants(): Promise<Record<'tiny' | 'soft' | 'notImage' | 'huge', Uint8Array>> {
  const jpeg = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: '#7a8' } })
      .jpeg()
      .toBuffer();
  return {
    tiny: await jpeg(400, 300),
    soft: await jpeg(1000, 750),
    notImage: Buffer.from('这不是照片，是一段文字。\n'),
    huge: Buffer.alloc(21 * 1024 * 1024, 0xff),
  };
}

function lineOf(source: string, needle: string): number {
  const at = source.indexOf(needle);
  return at < 0 ? 1 : source.slice(0, at).split('\n').length;
}

/** Body, photo and whole-file mistakes, on the features that have what each one changes. */
export function bodyMutations(
  features: readonly FeatureFixture[],
  photos: Awaited<ReturnType<typeof photoVariants>>,
  seed = 1414,
): Mutation[] {
  const next = random(seed);
  const out: Mutation[] = [];
  const add = (
    feature: FeatureFixture,
    kind: string,
    what: string,
    source: string | Uint8Array,
    lines: number[],
    extra: Partial<Mutation> = {},
  ) => {
    if (source === feature.source && !extra.files) return;
    out.push({ id: `${feature.slug} · ${what}`, kind, slug: feature.slug, source, lines, ...extra });
  };
  const withText = (needle: string) => features.filter((f) => f.source.includes(needle));
  /**
   * Replaces the first `from` in the body of a feature that has it. The error belongs on the
   * lines the replacement spans — except where the parser names another place (an unclosed tag
   * is reported at its opening, a stray brace at the end of the file): `anywhere`.
   */
  const replace = (
    kind: string,
    what: string,
    from: string,
    to: string,
    declared?: 'mistake' | 'legit',
    anywhere = false,
  ) => {
    const having = withText(from);
    if (!having.length) return;
    const feature = pick(next, having);
    const at = feature.source.indexOf(from, feature.source.indexOf('\n---', 3) + 4);
    if (at < 0) return;
    const source = feature.source.slice(0, at) + to + feature.source.slice(at + from.length);
    const first = source.slice(0, at).split('\n').length;
    const spanned = Array.from({ length: to.split('\n').length + 1 }, (_, i) => first + i);
    add(feature, kind, what, source, anywhere ? [] : spanned, declared ? { declared } : {});
  };
  // Components and their props (docs/编辑指南.md, 第五节).
  replace('unknown component', '<Figure> misspelled <Figur>', '<Figure ', '<Figur ', 'mistake');
  replace('unknown component', '<Figure> in lower case', '<Figure ', '<figure ', 'mistake');
  replace('unknown component', '<Gallery> misspelled <Galery>', '<Gallery>', '<Galery>', 'mistake');
  replace('unknown component', 'a component the site does not have', '<Figure ', '<Photo ', 'mistake');
  replace('unknown component', '<InfoBox> as <Infobox>', '<InfoBox ', '<Infobox ', 'mistake');
  replace('unknown component', '<EditorNote> as <EditorsNote>', '<EditorNote>', '<EditorsNote>', 'mistake');
  replace('missing required prop', 'Figure without src', ' src="./photo-2.jpg"', '', 'mistake');
  replace('missing required prop', 'Figure without alt', ' alt="', ' data-x="', 'mistake');
  replace('missing required prop', 'Figure with alt=""', ' alt="', ' alt="" data-x="', 'mistake');
  replace(
    'missing required prop',
    'InfoBox without title',
    '<InfoBox title="九州路办事处概况">',
    '<InfoBox>',
    'mistake',
  );
  replace('missing required prop', 'Figure src=""', 'src="./photo-2.jpg"', 'src=""', 'mistake');
  replace('misspelled prop', 'caption written captoin', ' caption="', ' captoin="', 'mistake');
  replace('misspelled prop', 'alt written atl', ' alt="', ' atl="', 'mistake');
  replace(
    'misspelled prop',
    'placeholder="false"',
    '<Figure src="./photo-2.jpg"',
    '<Figure placeholder="false" src="./photo-2.jpg"',
    'mistake',
  );
  replace('misspelled prop', 'caption with no value', ' caption="', ' caption credit="', 'mistake');
  replace('optional prop removed', 'Figure without caption', ' caption="', ' credit="', 'legit');
  replace('unclosed tag', 'Figure not closed (/> → >)', ' />\n', '>\n', undefined, true);
  replace('unclosed tag', '</Gallery> missing', '</Gallery>', '', undefined, true);
  replace('unclosed tag', '</InfoBox> missing', '</InfoBox>', '', undefined, true);
  replace('unclosed tag', '</EditorNote> missing', '</EditorNote>', '', undefined, true);
  replace('unclosed tag', 'a quote inside alt="…"', ' alt="', ' alt="他说"好" ');
  // Stray characters in the text: parsed by MDX, judged by the contract.
  replace('stray character', 'a { in a paragraph', '。', '{。', undefined, true);
  replace('stray character', 'a } in a paragraph', '。', '}。');
  replace('stray character', 'a < before a Chinese character', '，', '<，');
  replace('stray character', 'a < before a name', '九龙', '<九龙');
  replace('stray character', 'a < before a digit', '2', '<2');
  replace('stray character', 'a < with spaces round it', '，', ' < ，');
  // Code and markup the guide forbids.
  replace('code', 'an expression {1 + 1}', '。\n', '{1 + 1}。\n', 'mistake');
  replace('code', 'a <script>', '\n## ', '\n<script>alert(1)</script>\n\n## ', 'mistake');
  replace('code', 'an <iframe>', '\n## ', '\n<iframe src="https://example.com/"></iframe>\n\n## ', 'mistake');
  replace('code', 'an import line', '\n## ', '\nimport X from "./x.js";\n\n## ', 'mistake');
  replace('code', 'an export line', '\n## ', '\nexport const x = 1;\n\n## ', 'mistake');
  replace('code', 'onClick on a Figure', '<Figure ', '<Figure onClick="alert(1)" ', 'mistake');
  replace('code', 'a javascript: link', '。\n', '[点此](javascript:alert(1))。\n', 'mistake');
  replace('code', 'an HTML comment', '\n## ', '\n<!-- 注释 -->\n\n## ');
  // Photo references (第六节): judged by the contract from the folder's files.
  for (const [what, to] of [
    ['a photo that is not there', 'src="./photo-9.jpg"'],
    ['the photo name in another case', 'src="./Photo-2.jpg"'],
    ['the photo without ./', 'src="photo-2.jpg"'],
    ['the photo in a subfolder', 'src="./img/photo-2.jpg"'],
    ['the photo as a web address', 'src="https://example.com/photo-2.jpg"'],
    ['the photo with another extension', 'src="./photo-2.png"'],
  ] as const)
    replace('photo reference', `Figure ${what}`, 'src="./photo-2.jpg"', to);
  // Photo files, the cover's and a Figure's: renamed, deleted, replaced by one too small, soft, not an image or too big.
  for (const feature of features) {
    for (const { name, line } of photosInUse(feature)) {
      const file = (what: string, files: Record<string, Uint8Array | null>) => {
        add(feature, 'photo file', `${name} ${what}`, feature.source, [line], { files });
      };
      const bytes = readFileSync(join(import.meta.dirname, '../../content/features', feature.slug, name));
      file('renamed to .jpeg', { [name]: null, [name.replace(/\.jpg$/, '.jpeg')]: bytes });
      file('deleted', { [name]: null });
      file('replaced by a 400 px thumbnail', { [name]: photos.tiny });
      file('replaced by a 1000 px photo', { [name]: photos.soft });
      file('replaced by text', { [name]: photos.notImage });
      file('replaced by a 21 MB file', { [name]: photos.huge });
    }
    add(feature, 'photo file', 'a notes file the page does not use, added', feature.source, [], {
      files: { 'notes.txt': Buffer.from('备忘\n') },
    });
  }
  // What editors' tools do to a whole file.
  for (const feature of features) {
    const s = feature.source;
    const close = s.indexOf('\n---', 3) + 4;
    const paragraph = s.indexOf('\n\n', close) + 2;
    const paragraphEnd = s.indexOf('\n', paragraph);
    const whole = (kind: string, what: string, source: string | Uint8Array, lines: number[] = []) => {
      add(feature, kind, what, source, lines);
    };
    whole('encoding', 'a BOM', `\uFEFF${s}`);
    whole('encoding', 'CRLF line ends', s.replaceAll('\n', '\r\n'));
    whole('encoding', 'blank lines before ---', `\n\n${s}`);
    whole('encoding', 'no newline at the end', s.trimEnd());
    whole(
      'encoding',
      'saved as GB18030',
      encodeGb18030(s.replace(/[^\u0000-\u007f\u4e00-\u9fa5，。、“”：；！？（）《》—…·　]/gu, '')),
    );
    whole(
      'encoding',
      'one paragraph pasted as GB18030',
      Buffer.concat([
        Buffer.from(s.slice(0, paragraph)),
        encodeGb18030(
          s.slice(paragraph, paragraphEnd).replace(/[^\u0000-\u007f\u4e00-\u9fa5，。、“”：；！？（）《》]/gu, ''),
        ),
        Buffer.from(s.slice(paragraphEnd)),
      ]),
      [s.slice(0, paragraph).split('\n').length],
    );
    whole('encoding', 'saved as UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]), [1]);
    whole('empty file', 'emptied', '', [1]);
    whole('empty file', 'only frontmatter', s.slice(0, close + 1), [lineCount(s.slice(0, close))]);
    whole('empty file', 'only frontmatter and blank lines', `${s.slice(0, close + 1)}\n\n`, [
      lineCount(s.slice(0, close)),
    ]);
    whole('frontmatter delimiters', 'opening --- removed', s.slice(4), [1]);
    whole('frontmatter delimiters', 'closing --- removed', s.slice(0, close - 3) + s.slice(close), [1]);
    whole('frontmatter delimiters', 'a tab indenting cover’s fields', s.replace('\n  src:', '\n\tsrc:'), [
      lineOf(s, '  src:'),
    ]);
    whole(
      'frontmatter delimiters',
      'an ideographic space indenting cover’s fields',
      s.replace('\n  alt:', '\n　alt:'),
      [lineOf(s, '  alt:')],
    );
  }
  return out;
}
