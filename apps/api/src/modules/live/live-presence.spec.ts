import { randomUUID } from 'node:crypto';
import { presenceOf } from './live-presence.service';
import type { LiveMembership } from './live-socket';

const m = (over: Partial<LiveMembership>): LiveMembership => ({ userId: randomUUID(), name: '某委员', sectorName: null, mode: 'remote', checkedIn: false, isHost: false, invited: true, ...over });

describe('presence list', () => {
  it('counts a person once across devices, in the room if any device is, hosts first, then by name; viewers are not people', () => {
    const id = randomUUID();
    const list = presenceOf([
      m({ userId: id, name: '乙', mode: 'remote', checkedIn: true }),
      m({ userId: id, name: '乙', mode: 'room' }),
      m({ name: '甲' }),
      m({ name: '主持人', isHost: true, mode: 'room' }),
      m({ name: '投影', mode: 'viewer', isHost: true }),
    ]);
    expect(list.map((p) => [p.name, p.mode, p.checkedIn, p.isHost])).toEqual([
      ['主持人', 'room', false, true],
      ['甲', 'remote', false, false], // then by name in pinyin order: jiǎ before yǐ
      ['乙', 'room', true, false],
    ]);
  });
});
