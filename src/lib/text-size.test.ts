import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { TEXT_SIZE_ATTRIBUTE, TEXT_SIZE_SCRIPT, TEXT_SIZE_STORAGE_KEY, TEXT_SIZES, isTextSize } from './text-size.ts';

/** Runs the head script against a stand-in page whose storage holds `stored` (or throws). */
function run(stored: string | null | Error) {
  const attributes = new Map<string, string>();
  const listeners = new Map<string, () => void>();
  const storage = new Map<string, string>();
  if (typeof stored === 'string') storage.set(TEXT_SIZE_STORAGE_KEY, stored);
  runInNewContext(TEXT_SIZE_SCRIPT, {
    document: { documentElement: { setAttribute: (name: string, value: string) => attributes.set(name, value) } },
    localStorage: {
      getItem: (key: string) => {
        if (stored instanceof Error) throw stored;
        return storage.get(key) ?? null;
      },
    },
    addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
  });
  return { attribute: () => attributes.get(TEXT_SIZE_ATTRIBUTE), storage, listeners };
}

describe('the head script', () => {
  it.each(TEXT_SIZES)('applies the stored step %s', (size) => {
    expect(run(size).attribute()).toBe(size);
  });

  it.each([null, '', 'huge', 'LARGE', 'standard ', '__proto__', '1.5'])('falls back to standard for %j', (stored) => {
    expect(run(stored).attribute()).toBe('standard');
  });

  it('falls back to standard when storage throws', () => {
    expect(run(new Error('SecurityError')).attribute()).toBe('standard');
  });

  it('applies the stored step again when the page comes back from the back-forward cache', () => {
    const page = run('large');
    page.storage.set(TEXT_SIZE_STORAGE_KEY, 'largest');
    page.listeners.get('pageshow')?.();
    expect(page.attribute()).toBe('largest');
  });
});

it('isTextSize accepts the four steps and nothing else', () => {
  expect(TEXT_SIZES.filter(isTextSize)).toEqual([...TEXT_SIZES]);
  expect([undefined, null, '', 'huge', 1].some(isTextSize)).toBe(false);
});
