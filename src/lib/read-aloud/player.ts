/**
 * Reads a feature aloud, block by block (article.ts), one utterance at a time
 * (utterances.ts), with the device's own Chinese voice, which start.ts hands it (voice.ts stays
 * inside start.ts's file: a module both shared would be a third request on every feature page).
 * Loaded by start.ts on the first tap of 朗读全文, it starts reading at once and answers the
 * buttons from then on.
 *
 * The control's (ReadAloud.astro) state is its
 * data-state (idle, playing, paused), from which its CSS shows the buttons and labels: the
 * first button plays, pauses and resumes, 下一节 jumps to the next heading, 停止 ends and
 * forgets the place. A pause cancels the speech and keeps the place: resuming says the
 * interrupted sentence again. Browsers differ on speechSynthesis.pause() (on Android it ends
 * the speech), and a listener takes a sentence up again more easily from its start. The block
 * being said is marked (data-reading) and scrolled to the top of the screen, under the
 * buttons, when it is not in view — at once under prefers-reduced-motion. Leaving the page
 * (pagehide) stops the voice.
 */
import { spokenBlocks } from './article.ts';
import { utterances } from './utterances.ts';

interface Utterance {
  element: Element;
  text: string;
  /** The first utterance of a heading: where 下一节 goes. */
  section: boolean;
}

/**
 * Reads the article around `box` (the control) aloud with `synth`, and answers the control;
 * `voice` gives the voice to speak with now (the device's voices may change while it reads).
 */
export function readAloud(
  box: HTMLElement,
  synth: SpeechSynthesis,
  voice: () => SpeechSynthesisVoice | undefined,
): void {
  let queue: Utterance[] | undefined;
  let at = 0;
  /** Bumped whenever speech is cut short, so the cut utterance's end is ignored. */
  let turn = 0;
  let marked: Element | undefined;
  // Chromium drops an utterance nothing refers to, and with it the end event.
  let speaking: SpeechSynthesisUtterance | undefined;

  const mark = (element?: Element) => {
    if (element === marked) return;
    marked?.removeAttribute('data-reading');
    marked = element;
    if (!element) return;
    element.setAttribute('data-reading', '');
    // In view: below the buttons, which stay at the top while reading, and on the screen.
    const { top, bottom } = element.getBoundingClientRect();
    if (top < box.getBoundingClientRect().bottom || bottom > innerHeight)
      element.scrollIntoView({
        block: 'start',
        behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth',
      });
  };
  const speak = (mine: number) => {
    const entry = queue?.[at];
    const speaker = voice();
    if (!entry || !speaker) {
      go('idle', 0);
      return;
    }
    mark(entry.element);
    speaking = new SpeechSynthesisUtterance(entry.text);
    speaking.voice = speaker;
    speaking.lang = speaker.lang;
    // An utterance the engine could not say is passed over like one it finished.
    speaking.onend = speaking.onerror = () => {
      if (mine !== turn) return;
      at++;
      speak(mine);
    };
    synth.speak(speaking);
  };
  /** Cuts any speech short, moves to `from`, then plays, waits there or ends. */
  const go = (state: 'idle' | 'playing' | 'paused', from = at) => {
    // Before cancel(): an engine may report the cut utterance's end while cancelling.
    turn++;
    synth.cancel();
    at = from;
    box.dataset['state'] = state;
    queue ??= spokenBlocks(box.closest('[data-pagefind-body]') ?? document.body, box.dataset['caption'] ?? '').flatMap(
      (block) => utterances(block.text).map((text, index) => ({ ...block, text, section: block.section && !index })),
    );
    mark(state === 'idle' ? undefined : queue[at]?.element);
    if (state === 'playing') speak(turn);
    // 下一节 and 停止 are gone when it ends: a keyboard reader's place goes to the first button.
    if (state === 'idle' && box.contains(document.activeElement)) box.querySelector('button')?.focus();
  };
  box.addEventListener('click', (event) => {
    const action = event.target instanceof Element && event.target.closest('button')?.dataset['speech'];
    const state = box.dataset['state'];
    const section = queue?.findIndex((entry, index) => index > at && entry.section) ?? -1;
    if (action === 'toggle') go(state === 'playing' ? 'paused' : 'playing');
    if (action === 'next') go(section < 0 ? 'idle' : state === 'playing' ? 'playing' : 'paused', Math.max(section, 0));
    if (action === 'stop') go('idle', 0);
  });
  addEventListener('pagehide', () => {
    go('idle', 0);
  });
  go('playing');
}
