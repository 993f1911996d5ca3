/**
 * A block of article text cut into what one utterance says. Chromium's speech stops an
 * utterance after about fifteen seconds with some voices, mid-word and without an error,
 * so no utterance is longer than MAX_UTTERANCE characters (about ten seconds of Mandarin):
 * a block is cut at its sentence ends, a sentence still too long after its last comma that
 * fits, and a run with no comma either where it reaches the limit. Nothing is dropped or
 * rewritten: the pieces put together are the text, so numbers and dates are said as printed.
 * Only the full-width marks Chinese text is set with count (the content check mends
 * half-width ones): an ASCII point, comma or colon sits inside 35.97, 1,000 or 8:30.
 */

export const MAX_UTTERANCE = 60;

/** A sentence: up to and including its end mark and any closing quote or bracket after it. */
const SENTENCES = /[^。！？；…]+(?:[。！？；…]+[”’」』）》〉】]*)?|[。！？；…]+[”’」』）》〉】]*/gu;
/** Of a sentence: the rest when it fits, else up to the last comma that fits, else the limit. */
const PIECES = /[^]{1,60}$|[^]{1,59}[，、：]|[^]{1,60}/gu;

/** `text` in order, cut into pieces of at most MAX_UTTERANCE characters at the largest break that fits. */
export const utterances = (text: string): string[] =>
  (text.match(SENTENCES) ?? []).flatMap((sentence) => sentence.match(PIECES) ?? []);
