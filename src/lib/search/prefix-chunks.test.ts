import { describe, expect, it } from 'vitest';
import { prefixChunks } from './prefix-chunks.ts';
import { symbolOf } from './tokens.ts';

describe('prefix chunks', () => {
  const comma = symbolOf('，');
  const chunks = [
    { from: '一二', to: '的人' },
    { from: '的他', to: '的是' },
    { from: `的${comma}`, to: '的第' },
    { from: '目', to: '龙头' },
  ];

  it("lists, per character, the chunks that start inside its words' range", () => {
    expect(prefixChunks(chunks)).toEqual({ 的: ['的他', `的${comma}`], 目: ['目'] });
  });
});
