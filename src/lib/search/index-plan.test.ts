import { describe, expect, it } from 'vitest';
import { languageOfPart, partDir, partOfPageId } from './index-plan.ts';

describe('index folders and languages', () => {
  it('names each index in its own index language, which page ids carry back to the index', () => {
    expect(languageOfPart('pagefind')).toBe('und');
    expect(languageOfPart(partDir(3))).toBe('und-x-3');
    expect(partOfPageId('und_1a2b3c4')).toBe('pagefind');
    expect(partOfPageId('und-x-3_1a2b3c4d')).toBe('pagefind-3');
  });
});
