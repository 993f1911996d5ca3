/**
 * What a feature page runs for read-aloud before the reader asks for it: show the control's
 * buttons once the device has a mainland-Mandarin voice of its own (voice.ts) — voices arrive
 * after the page loads, so every voiceschanged looks again — and keep what it found for the
 * next page, which reserves the control's row before it paints (before-paint.ts). The first
 * tap of 朗读全文 loads the player (player.ts).
 */
import { VOICE_ATTRIBUTE, VOICE_STORAGE_KEY, chineseVoice } from './voice.ts';

export function startReadAloud(box: HTMLElement, synth: SpeechSynthesis): void {
  const buttons = box.firstElementChild as HTMLElement;
  const reveal = () => {
    const voices = synth.getVoices();
    const found = Boolean(chineseVoice(voices));
    buttons.hidden = !found;
    // No voices at all yet: they may still be on their way, so what was known stands.
    if (!found && voices.length === 0) return;
    document.documentElement.toggleAttribute(VOICE_ATTRIBUTE, found);
    try {
      if (found) localStorage.setItem(VOICE_STORAGE_KEY, '1');
      else localStorage.removeItem(VOICE_STORAGE_KEY);
    } catch {
      // Storage refused: the next page finds the voice again, a moment after it paints.
    }
  };
  reveal();
  synth.addEventListener('voiceschanged', reveal);
  box.querySelector('button')?.addEventListener(
    'click',
    () => {
      // Safari on iOS speaks only what a tap started, and the player arrives after the tap:
      // start the speech now, saying nothing.
      synth.speak(new SpeechSynthesisUtterance(''));
      void import('./player.ts').then(({ readAloud }) => {
        readAloud(box, synth, () => chineseVoice(synth.getVoices()));
      });
    },
    { once: true },
  );
}
