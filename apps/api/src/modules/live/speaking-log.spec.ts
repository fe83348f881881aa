import { randomUUID } from 'node:crypto';
import type { LiveCommand, LiveState } from '@xieshang/contracts';
import { initialLiveState, reduce, type LiveContext } from '@xieshang/domain';
import { finishedSpeeches } from './speaking-log';

const host = { id: randomUUID(), roles: ['chair' as const], isHost: true };
const item = { id: randomUUID(), title: '交流发言', kind: 'arranged_speeches' as const };

function run(s: LiveState, c: Record<string, unknown>, at: number): LiveState {
  const ctx: LiveContext = { actor: host, at, entryId: randomUUID() };
  const r = reduce(s, { clientCommandId: randomUUID(), ...c } as LiveCommand, ctx);
  if (r.error) throw new Error(r.error.code);
  return r.state;
}

describe('speaking log rows from reducer states', () => {
  const speechId = randomUUID();
  const memberId = randomUUID();
  const start = initialLiveState({ meetingId: randomUUID(), agenda: [item], arranged: [{ speechId, memberId, name: '张委员', sectorName: '经济界' }], speakingLimitMs: 300_000, createdAt: 0 });

  it('writes one row when a speech finishes, with the agenda title and the timed duration', () => {
    let s = run(start, { type: 'session:open' }, 1_000);
    s = run(s, { type: 'queue:call-next' }, 2_000);
    s = run(s, { type: 'queue:start-speaking', entryId: speechId }, 3_000);
    expect(finishedSpeeches(start, s)).toEqual([]);
    const done = run(s, { type: 'queue:finish', entryId: speechId }, 63_000);
    expect(finishedSpeeches(s, done)).toEqual([
      expect.objectContaining({ entryId: speechId, memberId, name: '张委员', sectorName: '经济界', kind: 'arranged', agendaTitle: '交流发言', speechId, startedAt: 3_000, endedAt: 63_000, durationMs: 60_000 }),
    ]);
    // nothing new finished: no rows
    expect(finishedSpeeches(done, run(done, { type: 'timer:start' }, 64_000))).toEqual([]);
  });

  it('catches the speech that ending the session closes', () => {
    let s = run(start, { type: 'session:open' }, 1_000);
    s = run(s, { type: 'queue:call-next' }, 2_000);
    s = run(s, { type: 'queue:start-speaking', entryId: speechId }, 3_000);
    const ended = run(s, { type: 'session:end' }, 10_000);
    expect(finishedSpeeches(s, ended).map((r) => [r.entryId, r.durationMs])).toEqual([[speechId, 7_000]]);
  });
});
