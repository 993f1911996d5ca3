import { describe, expect, it } from 'vitest';
import { groupBylines } from './bylines.ts';

describe('groupBylines', () => {
  it('prints a role once before its neighbouring names, in the printed order (seed 002)', () => {
    expect(
      groupBylines([
        { name: '范光华', role: '郑报全媒体记者' },
        { name: '张改华', role: '郑报全媒体记者' },
        { name: '徐克镜', role: '通讯员' },
        { name: '郭佳星', role: '通讯员' },
      ]),
    ).toEqual([
      { role: '郑报全媒体记者', names: ['范光华', '张改华'] },
      { role: '通讯员', names: ['徐克镜', '郭佳星'] },
    ]);
  });

  it('does not move a name to join an earlier group of the same role', () => {
    expect(
      groupBylines([
        { name: '王赛华', role: '记者' },
        { name: '李明', role: '通讯员' },
        { name: '张丽', role: '记者' },
      ]).map((group) => group.role),
    ).toEqual(['记者', '通讯员', '记者']);
  });

  it('gives nothing for no bylines', () => {
    expect(groupBylines([])).toEqual([]);
  });
});
