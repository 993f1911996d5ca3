/**
 * A stand-in for the browser's speech (speechSynthesis and SpeechSynthesisUtterance), put into
 * the page before its scripts run: headless Chromium has the API but no voices. It behaves as
 * Chromium's engine does where the page can tell: voices arrive a moment after load with a
 * `voiceschanged` event; utterances are spoken one after another from a queue, each firing
 * start, a boundary per clause and end; cancel() drops the queue, the queued utterances
 * failing with "canceled" and the one being spoken with "interrupted".
 *
 * It records each utterance as it starts — its text, voice, which element the page had
 * marked (data-reading) then and where it and the read-aloud buttons were — in
 * `window.__speech`. With `pace: 'manual'` an utterance lasts
 * until the test calls `__speech.finish()`; with `pace: 'auto'` it ends on the next task.
 * Cancels are also counted in sessionStorage, which outlives the page: the test reads on the
 * next page whether the last one stopped the voice as it was left.
 */
import type { Page } from '@playwright/test';

export interface StandInVoice {
  name: string;
  lang: string;
  /** On the device (true) or a network voice. */
  localService?: boolean;
  default?: boolean;
}

export interface SpeechOptions {
  voices: StandInVoice[];
  pace: 'auto' | 'manual';
  /** How long after the page's first script the voices arrive, in ms. */
  voicesAfter?: number;
}

export interface Spoken {
  text: string;
  lang: string;
  voice: string | undefined;
  /** The text of the element marked data-reading when the utterance started, and its number. */
  marked: string | undefined;
  markedId: number | undefined;
  /** Where that element was on the screen then: its top and bottom, and the screen's height. */
  markedTop: number | undefined;
  markedBottom: number | undefined;
  screenHeight: number;
  /** The bottom edge of the read-aloud buttons then, and whether the marked element comes before them in the page. */
  controlsBottom: number | undefined;
  markedBeforeControls: boolean;
}

export interface SpeechLog {
  spoken: Spoken[];
  cancels: number;
  /** Ends the utterance being spoken (pace 'manual'). */
  finish: () => void;
  speaking: () => string | undefined;
}

export const MAINLAND_VOICE: StandInVoice = { name: 'Ting-Ting', lang: 'zh-CN', localService: true };
export const ENGLISH_VOICE: StandInVoice = { name: 'Samantha', lang: 'en-US', localService: true, default: true };

/** Runs in the page; self-contained (serialised by Playwright). */
function installStandIn({ voices: given, pace, voicesAfter }: SpeechOptions): void {
  type Handler = ((event: Event) => void) | null;
  class Utterance extends EventTarget {
    text: string;
    lang = '';
    voice: StandInVoice | null = null;
    rate = 1;
    pitch = 1;
    volume = 1;
    onstart: Handler = null;
    onend: Handler = null;
    onerror: Handler = null;
    onboundary: Handler = null;
    onpause: Handler = null;
    onresume: Handler = null;
    onmark: Handler = null;
    constructor(text = '') {
      super();
      this.text = text;
    }
  }
  const fire = (utterance: Utterance, type: string, fields: Record<string, unknown> = {}) => {
    const event = Object.assign(new Event(type), { utterance, charIndex: 0, elapsedTime: 0, name: '', ...fields });
    const handler = utterance[`on${type}` as 'onstart'];
    handler?.call(utterance, event);
    utterance.dispatchEvent(event);
  };
  const ids = new WeakMap<Element, number>();
  let counter = 0;
  const idOf = (element: Element | null) => {
    if (!element) return undefined;
    if (!ids.has(element)) ids.set(element, ++counter);
    return ids.get(element);
  };
  let voices: StandInVoice[] = [];
  let queue: Utterance[] = [];
  let current: Utterance | null = null;
  const spoken: unknown[] = [];
  const target = new EventTarget();
  const log = {
    spoken,
    cancels: 0,
    finish: () => {
      const utterance = current;
      if (!utterance) return;
      current = null;
      fire(utterance, 'end', { charIndex: utterance.text.length });
      next();
    },
    speaking: () => current?.text,
  };
  const next = () => {
    if (current || queue.length === 0) return;
    const utterance = queue.shift()!;
    current = utterance;
    // The engine starts on a task of its own, as Chromium's does.
    setTimeout(() => {
      if (current !== utterance) return;
      const marked = document.querySelector('[data-reading]');
      const controls = document.querySelector('[data-read-aloud-control]');
      spoken.push({
        text: utterance.text,
        lang: utterance.lang,
        voice: utterance.voice?.name,
        marked: marked?.textContent ?? undefined,
        markedId: idOf(marked),
        markedTop: marked?.getBoundingClientRect().top,
        markedBottom: marked?.getBoundingClientRect().bottom,
        screenHeight: innerHeight,
        controlsBottom: controls?.getBoundingClientRect().bottom,
        markedBeforeControls: Boolean(
          marked && controls && controls.compareDocumentPosition(marked) & Node.DOCUMENT_POSITION_PRECEDING,
        ),
      });
      fire(utterance, 'start');
      for (const match of utterance.text.matchAll(/[，。！？；、：]/gu))
        fire(utterance, 'boundary', { name: 'sentence', charIndex: match.index + 1 });
      if (pace === 'auto')
        setTimeout(() => {
          if (current === utterance) log.finish();
        });
    });
  };
  const synth = {
    get speaking() {
      return current !== null;
    },
    get pending() {
      return queue.length > 0;
    },
    paused: false,
    onvoiceschanged: null as Handler,
    getVoices: () => voices.slice(),
    speak(utterance: Utterance) {
      queue.push(utterance);
      next();
    },
    cancel() {
      log.cancels++;
      sessionStorage.setItem('__speechCancels', String(Number(sessionStorage.getItem('__speechCancels')) + 1));
      const dropped = queue;
      const interrupted = current;
      queue = [];
      current = null;
      if (interrupted) fire(interrupted, 'error', { error: 'interrupted' });
      for (const utterance of dropped) fire(utterance, 'error', { error: 'canceled' });
    },
    pause() {
      this.paused = true;
    },
    resume() {
      this.paused = false;
    },
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    dispatchEvent: target.dispatchEvent.bind(target),
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  Object.defineProperty(window, '__speech', { value: log });
  setTimeout(() => {
    voices = given.map((voice) => ({ localService: true, default: false, voiceURI: voice.name, ...voice }));
    const event = new Event('voiceschanged');
    synth.onvoiceschanged?.(event);
    target.dispatchEvent(event);
  }, voicesAfter ?? 30);
}

/** Puts the stand-in into every page `page` opens from now on. */
export async function useSpeechStandIn(page: Page, options: SpeechOptions): Promise<void> {
  await page.addInitScript(installStandIn, options);
}

/** How many times a page of this tab has cancelled speech, this one and those before it. */
export const cancelsInTab = (page: Page): Promise<number> =>
  page.evaluate(() => Number(sessionStorage.getItem('__speechCancels')));

/** What the stand-in has recorded on the current page. */
export const speechLog = (page: Page): Promise<{ spoken: Spoken[]; cancels: number; speaking: string | undefined }> =>
  page.evaluate(() => {
    const log = (window as unknown as { __speech: SpeechLog }).__speech;
    return { spoken: log.spoken, cancels: log.cancels, speaking: log.speaking() };
  });

/** Ends the utterance being spoken (pace 'manual') and waits for the next one to start, if one does. */
export async function finishUtterance(page: Page): Promise<void> {
  const before = (await speechLog(page)).spoken.length;
  await page.evaluate(() => {
    (window as unknown as { __speech: SpeechLog }).__speech.finish();
  });
  await page
    .waitForFunction((count) => (window as unknown as { __speech: SpeechLog }).__speech.spoken.length > count, before, {
      timeout: 1_000,
    })
    .catch(() => undefined);
}
