/**
 * 朗读 (issue 21): a feature read aloud with the browser's speech, driven here by a stand-in
 * engine (speech.ts) that records what it is asked to say. The truth it is held to is the
 * page's own article text as the browser parses it, block by block (tests/search/article-text.ts,
 * the search tests' reading of the page markup contract), for every feature in the sitemap.
 */
import type { Locator, Page } from '@playwright/test';
import { ui } from '../../src/i18n/zh-CN.ts';
import { seeded } from '../support/random.ts';
import { articleBlocks, type TruthBlock } from '../search/article-text.ts';
import { expect, test } from './fixtures.ts';
import { layoutShift } from './layout.ts';
import { at, sitemapPaths } from './site.ts';
import {
  ENGLISH_VOICE,
  MAINLAND_VOICE,
  cancelsInTab,
  finishUtterance,
  speechLog,
  useSpeechStandIn,
  type SpeechOptions,
  type Spoken,
} from './speech.ts';

const t = ui.readAloud;
const featurePaths = sitemapPaths().filter((path) => /^\/features\/[^/]+\/$/u.test(path));
const letters = (text: string) => text.replace(/\s+/gu, '');

/** What must be said for a block of the article: its text, a photo's caption after 图： (or 图一：). */
function saying(block: TruthBlock): string {
  const text = letters(block.text);
  if (block.kind !== 'caption') return text;
  const label = /^图[一二三四五六七八九十]+/u.exec(text)?.[0];
  return label ? `${label}：${text.slice(label.length)}` : `${t.caption}${text}`;
}

/** The utterances actually said: not the silent one that opens speech within the tap (for iOS). */
const said = (spoken: Spoken[]) => spoken.filter((utterance) => utterance.text !== '');

/** Consecutive utterances said while the same element was marked, joined: what was said of each block. */
function byMarkedBlock(spoken: Spoken[]): { text: string; marked: string | undefined }[] {
  const blocks: { id: number | undefined; text: string; marked: string | undefined }[] = [];
  for (const utterance of said(spoken)) {
    const last = blocks.at(-1);
    if (last && last.id === utterance.markedId) last.text += utterance.text;
    else blocks.push({ id: utterance.markedId, text: utterance.text, marked: utterance.marked });
  }
  return blocks;
}

async function open(page: Page, path: string, options: SpeechOptions) {
  await useSpeechStandIn(page, options);
  await page.goto(at(path));
  const control = page.locator('[data-read-aloud-control]');
  return { control, button: (name: string) => control.getByRole('button', { name, exact: true }) };
}

const state = (control: Locator) => control.getAttribute('data-state');

async function waitForUtterances(page: Page, count: number) {
  await page.waitForFunction(
    (n) =>
      (window as unknown as { __speech: { spoken: { text: string }[] } }).__speech.spoken.filter((u) => u.text)
        .length >= n,
    count,
  );
}

for (const path of featurePaths) {
  test(`read aloud: ${path} — the article in reading order, each block marked and in view while it is said`, async ({
    page,
  }) => {
    // Under a sub-path what could break is loading the player from under the base: one feature says so.
    test.skip(test.info().project.name === 'sub-path' && path !== featurePaths[0], 'one feature under a sub-path');
    // Scrolling is instant under reduced motion, so "in view" holds the moment a block starts.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 360, height: 740 });
    const { control, button } = await open(page, path, { voices: [ENGLISH_VOICE, MAINLAND_VOICE], pace: 'auto' });
    await button(t.play).click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __speech: { spoken: unknown[] } }).__speech.spoken.length > 1 &&
        document.querySelector('[data-read-aloud-control]')?.getAttribute('data-state') === 'idle',
      undefined,
      { timeout: 20_000 },
    );
    const { spoken } = await speechLog(page);
    const [truth = []] = await articleBlocks(page, [page.url()]);
    expect(truth.length).toBeGreaterThan(10);
    expect(byMarkedBlock(spoken).map((block) => letters(block.text))).toEqual(truth.map(saying));
    for (const utterance of said(spoken)) {
      expect(utterance.voice, utterance.text).toBe(MAINLAND_VOICE.name);
      expect(utterance.lang).toBe('zh-CN');
      // The marked block holds what is being said (a caption without the 图： said before it) …
      expect(letters(utterance.marked ?? '')).toContain(
        letters(utterance.text).replace(/^图[一二三四五六七八九十]*：/u, ''),
      );
      // … and is on the screen, its top at least, when its first words are said: below the
      // buttons, which stay at the top while reading, unless it comes before them (the headline).
      const from = utterance.markedBeforeControls ? 0 : utterance.controlsBottom!;
      expect(utterance.markedTop!, utterance.text).toBeGreaterThanOrEqual(from - 0.5);
      expect(utterance.markedTop!, utterance.text).toBeLessThan(utterance.screenHeight);
    }
    // Read to the end: nothing marked, the first button offers to read again.
    await expect(page.locator('[data-reading]')).toHaveCount(0);
    expect(await state(control)).toBe('idle');
    await expect(button(t.play)).toBeVisible();
  });
}

test('read aloud: play, pause, resume, next section and stop behave, and the mark follows', async ({ page }) => {
  const path = seeded(21).pick(featurePaths);
  const { control, button } = await open(page, path, { voices: [MAINLAND_VOICE], pace: 'manual' });
  const [truth = []] = await articleBlocks(page, [page.url()]);
  await expect(button(t.next)).toBeHidden();
  await expect(button(t.stop)).toBeHidden();

  await button(t.play).click();
  await waitForUtterances(page, 1);
  expect(await state(control)).toBe('playing');
  await expect(button(t.pause)).toBeFocused();
  await expect(button(t.next)).toBeVisible();
  await expect(button(t.stop)).toBeVisible();
  // The first block — the kicker or the headline — is marked and being said.
  const marked = page.locator('[data-reading]');
  await expect(marked).toHaveCount(1);
  expect(letters((await marked.textContent()) ?? '')).toBe(saying(truth[0]!));
  const first = (await speechLog(page)).speaking;
  expect(saying(truth[0]!).startsWith(letters(first ?? ''))).toBe(true);

  // Say the first block to its end: the mark moves on to the second.
  while (letters((await marked.textContent()) ?? '') === saying(truth[0]!)) await finishUtterance(page);
  expect(letters((await marked.textContent()) ?? '')).toContain(letters(truth[1]!.text));

  // Pause: the voice stops at once and nothing more is said; the place is kept.
  const interrupted = (await speechLog(page)).speaking;
  const cancelsBefore = await cancelsInTab(page);
  await button(t.pause).click();
  expect(await state(control)).toBe('paused');
  await expect(button(t.resume)).toBeFocused();
  expect(await cancelsInTab(page)).toBeGreaterThan(cancelsBefore);
  const count = said((await speechLog(page)).spoken).length;
  await page.waitForTimeout(300);
  expect((await speechLog(page)).speaking).toBeUndefined();
  expect(said((await speechLog(page)).spoken)).toHaveLength(count);
  await expect(marked).toHaveCount(1);

  // Resume: the interrupted sentence is said again.
  await button(t.resume).click();
  await waitForUtterances(page, count + 1);
  expect((await speechLog(page)).speaking).toBe(interrupted);
  expect(await state(control)).toBe('playing');

  // Next section: the next heading is marked, in view, and said.
  const headings = truth.filter((block) => block.kind === 'heading').slice(1);
  expect(headings.length).toBeGreaterThan(1);
  await button(t.next).click();
  await waitForUtterances(page, count + 2);
  await expect(marked).toHaveText(headings[0]!.text);
  expect(await marked.evaluate((element) => /^H[2-6]$/u.test(element.tagName))).toBe(true);
  await expect(marked).toBeInViewport();
  expect(letters((await speechLog(page)).speaking ?? '')).toBe(letters(headings[0]!.text));

  // Next section while paused: the mark moves, nothing is said until resumed.
  await button(t.pause).click();
  const pausedCount = said((await speechLog(page)).spoken).length;
  await button(t.next).click();
  await expect(marked).toHaveText(headings[1]!.text);
  await page.waitForTimeout(300);
  expect(said((await speechLog(page)).spoken)).toHaveLength(pausedCount);
  await button(t.resume).click();
  await waitForUtterances(page, pausedCount + 1);
  expect(letters((await speechLog(page)).speaking ?? '')).toBe(letters(headings[1]!.text));

  // Stop: silence, no mark, back to the start; focus stays in the control.
  await button(t.stop).click();
  expect(await state(control)).toBe('idle');
  expect((await speechLog(page)).speaking).toBeUndefined();
  await expect(marked).toHaveCount(0);
  await expect(button(t.play)).toBeFocused();
  await expect(button(t.next)).toBeHidden();
  const stoppedCount = said((await speechLog(page)).spoken).length;
  await button(t.play).click();
  await waitForUtterances(page, stoppedCount + 1);
  expect(saying(truth[0]!).startsWith(letters((await speechLog(page)).speaking ?? ''))).toBe(true);
});

test('read aloud: the voice stops when the reader leaves the page', async ({ page }) => {
  const { button } = await open(page, featurePaths[0]!, { voices: [MAINLAND_VOICE], pace: 'manual' });
  await button(t.play).click();
  await waitForUtterances(page, 1);
  expect((await speechLog(page)).speaking).toBeDefined();
  const cancels = await cancelsInTab(page);
  await page.getByRole('link', { name: `${ui.site.name}${ui.a11y.homeSuffix}` }).click();
  await expect(page).not.toHaveURL(/\/features\//u);
  expect(await cancelsInTab(page)).toBeGreaterThan(cancels);
});

test('read aloud: a pull quote is read where the page shows it, though search leaves it out', async ({ page }) => {
  const { control, button } = await open(page, featurePaths[0]!, { voices: [MAINLAND_VOICE], pace: 'auto' });
  const quote = '有了党支部，就找到了主心骨。';
  // PullQuote's markup (tests/components/pull-quote.test.ts), after the first paragraph.
  await page
    .locator('.prose > p')
    .first()
    .evaluate((paragraph, text) => {
      paragraph.insertAdjacentHTML(
        'afterend',
        `<figure class="pull-quote" data-pagefind-ignore data-read-aloud><blockquote class="pull-quote-text"><p>${text}</p></blockquote><figcaption class="pull-quote-cite">——社区居民 张晓凯</figcaption></figure>`,
      );
    }, quote);
  const paragraph = letters((await page.locator('.prose > p').first().textContent()) ?? '');
  await button(t.play).click();
  await page.waitForFunction(
    () =>
      (window as unknown as { __speech: { spoken: unknown[] } }).__speech.spoken.length > 1 &&
      document.querySelector('[data-read-aloud-control]')?.getAttribute('data-state') === 'idle',
  );
  const blocks = byMarkedBlock((await speechLog(page)).spoken).map((block) => letters(block.text));
  const after = blocks.indexOf(paragraph);
  expect(after).toBeGreaterThan(0);
  expect(blocks.slice(after + 1, after + 3)).toEqual([quote, '——社区居民张晓凯']);
  expect(await state(control)).toBe('idle');
});

test.describe('read aloud is offered only with a mainland-Mandarin voice on the device', () => {
  const cases: [string, SpeechOptions['voices']][] = [
    ['no voice at all', []],
    ['only an English voice', [ENGLISH_VOICE]],
    [
      'only Taiwanese and Hong Kong voices',
      [
        { name: 'Mei-Jia', lang: 'zh-TW' },
        { name: 'Sin-ji', lang: 'zh-HK' },
      ],
    ],
    ['a Chinese voice that speaks from a server', [{ ...MAINLAND_VOICE, localService: false }]],
  ];
  for (const [name, voices] of cases) {
    test(`absent with ${name}`, async ({ page }) => {
      const { control } = await open(page, featurePaths[0]!, { voices, pace: 'auto', voicesAfter: 50 });
      await page.waitForTimeout(400);
      await expect(control.getByRole('button')).toHaveCount(0);
      await expect(page.getByRole('group', { name: t.label })).toHaveCount(0);
      // Not even an empty row left where it would be.
      expect(await control.evaluate((element) => element.getBoundingClientRect().height)).toBe(0);
    });
  }

  test('present once a Chinese voice arrives late, and its row kept from the first paint on the next page', async ({
    page,
  }) => {
    const { control, button } = await open(page, featurePaths[0]!, {
      voices: [ENGLISH_VOICE, { ...MAINLAND_VOICE, lang: 'zh_CN' }],
      pace: 'auto',
      voicesAfter: 600,
    });
    await expect(button(t.play)).toBeHidden();
    await expect(button(t.play)).toBeVisible();
    // The next feature: the row has its height before the voices come, so nothing moves when they do.
    await page.goto(at(featurePaths[1]!));
    expect(await control.evaluate((element) => element.getBoundingClientRect().height)).toBeGreaterThanOrEqual(44);
    await expect(button(t.play)).toBeVisible();
    expect(await layoutShift(page)).toBe(0);
  });
});
