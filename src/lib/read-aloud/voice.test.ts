import { expect, it } from 'vitest';
import { chineseVoice, isMainlandMandarin } from './voice.ts';

const voice = (lang: string, localService = true, isDefault = false) =>
  ({ lang, localService, default: isDefault, name: lang, voiceURI: lang }) as SpeechSynthesisVoice;

it('knows mainland Mandarin however a system writes it, and nothing else', () => {
  for (const lang of ['zh-CN', 'zh_CN', 'zh-cn', 'cmn-Hans-CN', 'cmn-CN', 'zh-Hans', 'zh'])
    expect(isMainlandMandarin(lang), lang).toBe(true);
  for (const lang of ['zh-TW', 'zh-HK', 'zh_HK', 'yue-HK', 'cmn-Hant-TW', 'en-US', 'ja-JP', '', 'zh-CN-x'])
    expect(isMainlandMandarin(lang), lang).toBe(false);
});

it("picks the device's own voice, its default first, never a network one", () => {
  expect(chineseVoice([])).toBeUndefined();
  expect(chineseVoice([voice('en-US'), voice('zh-TW')])).toBeUndefined();
  expect(chineseVoice([voice('zh-CN', false)])).toBeUndefined();
  const first = voice('zh-CN');
  const preferred = voice('zh_CN', true, true);
  expect(chineseVoice([voice('en-US', true, true), first, preferred])).toBe(preferred);
  expect(chineseVoice([voice('zh-CN', false, true), first])).toBe(first);
});
