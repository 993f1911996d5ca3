import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { beforePaintScript } from './before-paint.ts';
import { VOICE_ATTRIBUTE, VOICE_STORAGE_KEY } from './read-aloud/voice.ts';
import { TEXT_SIZE_ATTRIBUTE, TEXT_SIZE_STORAGE_KEY, TEXT_SIZES, isTextSize } from './text-size.ts';

/** Runs the script against a stand-in page whose storage holds `stored` (or throws). */
function run(stored: Record<string, string> | Error) {
  const attributes = new Map<string, string>();
  const listeners = new Map<string, () => void>();
  const storage = new Map(stored instanceof Error ? [] : Object.entries(stored));
  runInNewContext(beforePaintScript(), {
    document: { documentElement: { setAttribute: (name: string, value: string) => attributes.set(name, value) } },
    localStorage: {
      getItem: (key: string) => {
        if (stored instanceof Error) throw stored;
        return storage.get(key) ?? null;
      },
    },
    addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
  });
  return { attributes, storage, listeners };
}
const withSize = (size: string) => ({ [TEXT_SIZE_STORAGE_KEY]: size });

describe('the text size', () => {
  it.each(TEXT_SIZES)('applies the stored step %s', (size) => {
    expect(run(withSize(size)).attributes.get(TEXT_SIZE_ATTRIBUTE)).toBe(size);
  });

  it.each(['', 'huge', 'LARGE', 'standard ', '__proto__', '1.5'])('falls back to standard for %j', (stored) => {
    expect(run(withSize(stored)).attributes.get(TEXT_SIZE_ATTRIBUTE)).toBe('standard');
  });

  it('is standard with nothing stored, or when storage throws', () => {
    expect(run({}).attributes.get(TEXT_SIZE_ATTRIBUTE)).toBe('standard');
    expect(run(new Error('SecurityError')).attributes.get(TEXT_SIZE_ATTRIBUTE)).toBe('standard');
  });

  it('is applied again when the page comes back from the back-forward cache', () => {
    const page = run(withSize('large'));
    page.storage.set(TEXT_SIZE_STORAGE_KEY, 'largest');
    page.listeners.get('pageshow')?.();
    expect(page.attributes.get(TEXT_SIZE_ATTRIBUTE)).toBe('largest');
  });
});

it('marks a device where read-aloud found a voice before, and no other', () => {
  expect(run({ [VOICE_STORAGE_KEY]: '1' }).attributes.has(VOICE_ATTRIBUTE)).toBe(true);
  expect(run({}).attributes.has(VOICE_ATTRIBUTE)).toBe(false);
  expect(run(new Error('SecurityError')).attributes.has(VOICE_ATTRIBUTE)).toBe(false);
});

it('isTextSize accepts the four steps and nothing else', () => {
  expect(TEXT_SIZES.filter(isTextSize)).toEqual([...TEXT_SIZES]);
  expect([undefined, null, '', 'huge', 1].some(isTextSize)).toBe(false);
});
