import { CARET_COLORS, colorForUser } from './userColor';
import { presentUsers } from './presence';

describe('caret colours and who is here', () => {
  it('gives a person the same #rrggbb colour everywhere, and spreads people over the palette', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    for (const id of ids) {
      expect(colorForUser(id)).toBe(colorForUser(id));
      expect(colorForUser(id)).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(new Set(ids.map(colorForUser)).size).toBeGreaterThan(CARET_COLORS.length / 2);
  });

  it('lists each person once, me first, and skips clients that have not announced themselves', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { id: 'b', name: '王五', color: '#c92a2a' } }],
      [2, { user: { id: 'a', name: '李四', color: '#1864ab' } }],
      [3, { user: { id: 'a', name: '李四', color: '#1864ab' } }],
      [4, {}],
      [5, { user: { id: 'me', name: '张三', color: '#087f5b' } }],
    ]);
    expect(presentUsers(states, 5).map((p) => [p.name, p.self])).toEqual([
      ['张三', true],
      ['李四', false],
      ['王五', false],
    ]);
  });
});
