/**
 * The voice read-aloud speaks with: Mandarin as spoken in mainland China (zh-CN; Android
 * writes zh_CN, some systems cmn-Hans-CN), and on the device itself (`localService`): a
 * network voice such as Chrome's “Google 普通话” sends the text to a server, and the site
 * sends a reader's page nowhere. Taiwanese Mandarin and Cantonese voices (zh-TW, zh-HK) read
 * simplified text with other sounds and words, so they do not count.
 */

/**
 * On <html> where this device has such a voice, or had one on an earlier visit (kept in
 * localStorage, read before the first paint by before-paint.ts): the read-aloud row shows.
 */
export const VOICE_ATTRIBUTE = 'data-voice';
export const VOICE_STORAGE_KEY = 'zhuanban:voice';

export const isMainlandMandarin = (lang: string): boolean =>
  /^(?:zh|cmn)(?:-hans)?(?:-cn)?$/iu.test(lang.replace(/_/gu, '-'));

/** The device's own mainland-Mandarin voice, its default one first; undefined when it has none. */
export function chineseVoice(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | undefined {
  const fitting = voices.filter((voice) => voice.localService && isMainlandMandarin(voice.lang));
  return fitting.find((voice) => voice.default) ?? fitting[0];
}
