import { LiveCommand, LiveEvent, LiveState, type LiveActor, type LiveErrorCode } from '@xieshang/contracts';
import {
  applyEvent,
  currentSpeaker,
  initialLiveState,
  nextEntries,
  positionOf,
  reduce,
  speakingLog,
  speakingTotals,
  timerRemainingMs,
  toEvent,
  unreached,
} from '../index';

const uid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const MIN = 60_000;
const T0 = 1_700_000_000_000;

const host: LiveActor = { id: uid(1), roles: ['chair'], isHost: true };
const m1: LiveActor = { id: uid(11), roles: ['member'], isHost: false };
const m2: LiveActor = { id: uid(12), roles: ['member'], isHost: false };
const m3: LiveActor = { id: uid(13), roles: ['member'], isHost: false };
const liaison: LiveActor = { id: uid(21), roles: ['department'], departmentId: uid(900), isHost: false };
const observer: LiveActor = { id: uid(31), roles: ['observer'], isHost: false };

const AGENDA = [
  { id: uid(501), title: 'Briefing', kind: 'briefing' as const },
  { id: uid(502), title: 'Exchange', kind: 'arranged_speeches' as const },
];
const A1 = uid(701); // arranged speech of m1
const A2 = uid(702); // arranged speech of m2

type CommandInput = LiveCommand extends infer C ? (C extends LiveCommand ? Omit<C, 'clientCommandId'> : never) : never;

let seq = 0;
let clock = T0;
/** Commands go through the contract schema first, as on the socket. */
function run(s: LiveState, actor: LiveActor, c: CommandInput, opts: { at?: number; entryId?: string } = {}) {
  const command = LiveCommand.parse({ ...c, clientCommandId: uid(100_000 + ++seq) });
  clock = opts.at ?? clock + 1_000;
  return reduce(s, command, { actor, at: clock, ...(opts.entryId !== undefined && { entryId: opts.entryId }) });
}
function ok(s: LiveState, actor: LiveActor, c: CommandInput, opts?: { at?: number; entryId?: string }): LiveState {
  const r = run(s, actor, c, opts);
  if (r.error) throw new Error(`expected ${c.type} to pass, got ${r.error.code} ${JSON.stringify(r.error.params)}`);
  expect(r.state.version).toBe(s.version + 1);
  return r.state;
}
function refused(s: LiveState, actor: LiveActor, c: CommandInput, code: LiveErrorCode, opts?: { at?: number; entryId?: string }) {
  const r = run(s, actor, c, opts);
  expect(r.error?.code).toBe(code);
  expect(r.state).toBe(s);
}

function fresh(firstTimeFirst = false): LiveState {
  return initialLiveState({
    meetingId: uid(400),
    agenda: AGENDA,
    arranged: [
      { speechId: A1, memberId: m1.id, name: 'Li Ming', sectorName: 'Economy' },
      { speechId: A2, memberId: m2.id, name: 'Wang Fang', sectorName: 'Education', mode: 'remote' },
    ],
    speakingLimitMs: 8 * MIN,
    settings: { firstTimeFirst },
    createdAt: T0 - 1_000,
  });
}
const live = (firstTimeFirst = false) => ok(fresh(firstTimeFirst), host, { type: 'session:open' });
const entry = (s: LiveState, id: string) => s.entries.find((e) => e.id === id);
const hand = (s: LiveState, a: LiveActor, entryId: string) => ok(s, a, { type: 'queue:raise-hand', mode: 'room' }, { entryId });
/** call and start the first in line */
function speak(s: LiveState, at?: number): LiveState {
  const called = ok(s, host, { type: 'queue:call-next' }, { at });
  return ok(called, host, { type: 'queue:start-speaking', entryId: called.order[0] }, { at });
}
const status = (s: LiveState, id: string) => entry(s, id)?.status;

describe('initialLiveState', () => {
  it('queues the arranged speeches in order under the arranged-speeches item and passes the schema', () => {
    const s = fresh();
    expect(s.order).toEqual([A1, A2]);
    expect(s.entries.map((e) => [e.kind, e.status, e.agendaItemId])).toEqual([
      ['arranged', 'queued', uid(502)],
      ['arranged', 'queued', uid(502)],
    ]);
    expect(s.version).toBe(0);
    expect(LiveState.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });
});

describe('session', () => {
  it('host opens, pauses, resumes and ends', () => {
    let s = ok(fresh(), host, { type: 'session:open' }, { at: T0 });
    expect([s.status, s.openedAt]).toEqual(['live', T0]);
    refused(s, host, { type: 'session:open' }, 'INVALID_TRANSITION');
    refused(s, host, { type: 'session:resume' }, 'INVALID_TRANSITION');
    s = ok(s, host, { type: 'session:pause' });
    expect(s.status).toBe('paused');
    refused(s, host, { type: 'session:pause' }, 'INVALID_TRANSITION');
    s = ok(s, host, { type: 'session:resume' });
    s = ok(s, host, { type: 'session:end' }, { at: T0 + 60 * MIN });
    expect([s.status, s.endedAt]).toEqual(['ended', T0 + 60 * MIN]);
    refused(s, host, { type: 'session:end' }, 'INVALID_TRANSITION');
    refused(s, host, { type: 'session:open' }, 'INVALID_TRANSITION');
  });

  it('refuses session commands from anyone but the host', () => {
    for (const a of [m1, liaison, observer]) refused(fresh(), a, { type: 'session:open' }, 'NOT_HOST');
    refused(live(), m1, { type: 'session:end' }, 'NOT_HOST');
  });

  it('pausing the session pauses the speaker clock; resuming the session leaves it to the host', () => {
    let s = speak(live(), T0);
    s = ok(s, host, { type: 'session:pause' }, { at: T0 + MIN });
    expect(s.timer?.pausedAt).toBe(T0 + MIN);
    s = ok(s, host, { type: 'session:resume' }, { at: T0 + 5 * MIN });
    expect(timerRemainingMs(s.timer, T0 + 6 * MIN)).toBe(7 * MIN);
    s = ok(s, host, { type: 'timer:resume' }, { at: T0 + 6 * MIN });
    expect(timerRemainingMs(s.timer, T0 + 7 * MIN)).toBe(6 * MIN);
  });

  it('ending finishes the speaker, keeps waiting people for the unreached list, refuses everything after', () => {
    let s = hand(live(), m3, uid(801));
    s = speak(s, T0);
    s = ok(s, host, { type: 'session:end' }, { at: T0 + 3 * MIN });
    expect(entry(s, A1)).toMatchObject({ status: 'done', endedAt: T0 + 3 * MIN, durationMs: 3 * MIN });
    expect(s.timer).toBeNull();
    expect(unreached(s).map((e) => e.id)).toEqual([A2, uid(801)]);
    refused(s, m1, { type: 'queue:raise-hand', mode: 'room' }, 'SESSION_NOT_LIVE', { entryId: uid(802) });
    refused(s, host, { type: 'queue:call-next' }, 'SESSION_NOT_LIVE');
    refused(s, host, { type: 'queue:close' }, 'SESSION_NOT_LIVE');
  });
});

describe('agenda:next', () => {
  it('moves to the next item; new entries carry it', () => {
    let s = ok(live(), host, { type: 'agenda:next' });
    expect(s.agendaIndex).toBe(1);
    s = hand(s, m3, uid(801));
    expect(entry(s, uid(801))?.agendaItemId).toBe(uid(502));
    refused(s, host, { type: 'agenda:next' }, 'INVALID_TRANSITION');
  });
  it('is refused while someone speaks, to members, and before the session opens', () => {
    refused(speak(live()), host, { type: 'agenda:next' }, 'SPEAKER_ACTIVE');
    refused(live(), m1, { type: 'agenda:next' }, 'NOT_HOST');
    refused(fresh(), host, { type: 'agenda:next' }, 'SESSION_NOT_LIVE');
  });
});

describe('queue:raise-hand', () => {
  it('a member raises their own hand; it goes to the end', () => {
    const s = hand(live(), m3, uid(801));
    expect(s.order).toEqual([A1, A2, uid(801)]);
    expect(entry(s, uid(801))).toMatchObject({ kind: 'hand', memberId: m3.id, status: 'queued', mode: 'room', requestedAt: clock });
  });
  it('works during a break, not before the session opens', () => {
    const paused = ok(live(), host, { type: 'session:pause' });
    hand(paused, m3, uid(801));
    refused(fresh(), m3, { type: 'queue:raise-hand', mode: 'room' }, 'SESSION_NOT_LIVE', { entryId: uid(801) });
  });
  it('observers and liaisons cannot raise hands', () => {
    refused(live(), observer, { type: 'queue:raise-hand', mode: 'remote' }, 'FORBIDDEN', { entryId: uid(801) });
    refused(live(), liaison, { type: 'queue:raise-hand', mode: 'remote' }, 'FORBIDDEN', { entryId: uid(801) });
  });
  it('a member cannot raise a hand for someone else; the host can', () => {
    refused(live(), m1, { type: 'queue:raise-hand', mode: 'room', memberId: m3.id }, 'NOT_OWN_ENTRY', { entryId: uid(801) });
    const s = ok(live(), host, { type: 'queue:raise-hand', mode: 'room', memberId: m3.id }, { entryId: uid(801) });
    expect(entry(s, uid(801))?.memberId).toBe(m3.id);
  });
  it('one open hand per member', () => {
    const s = hand(live(), m3, uid(801));
    refused(s, m3, { type: 'queue:raise-hand', mode: 'room' }, 'ALREADY_QUEUED', { entryId: uid(802) });
    const again = hand(ok(s, m3, { type: 'queue:withdraw', entryId: uid(801) }), m3, uid(802));
    expect(again.order).toContain(uid(802));
  });
  it('a closed list refuses members, not the host', () => {
    const s = ok(live(), host, { type: 'queue:close' });
    refused(s, m3, { type: 'queue:raise-hand', mode: 'room' }, 'QUEUE_CLOSED', { entryId: uid(801) });
    ok(s, host, { type: 'queue:raise-hand', mode: 'room', memberId: m3.id }, { entryId: uid(801) });
  });
  it('needs a fresh entry id from the server', () => {
    refused(live(), m3, { type: 'queue:raise-hand', mode: 'room' }, 'VALIDATION_FAILED');
    refused(live(), m3, { type: 'queue:raise-hand', mode: 'room' }, 'VALIDATION_FAILED', { entryId: A1 });
    refused(live(), m3, { type: 'queue:raise-hand', mode: 'room' }, 'VALIDATION_FAILED', { entryId: 'not-a-uuid' });
  });
  it('first-time speakers go before hands of people who spoke (fairness on), arranged speeches keep their place', () => {
    let s = speak(live(true)); // m1 speaks (arranged)
    s = ok(s, host, { type: 'queue:finish', entryId: A1 });
    s = hand(s, m1, uid(801)); // m1 has spoken
    s = hand(s, m3, uid(802)); // m3 has not
    expect(s.order).toEqual([A2, uid(802), uid(801)]);
    let off = speak(live(false));
    off = ok(off, host, { type: 'queue:finish', entryId: A1 });
    off = hand(hand(off, m1, uid(801)), m3, uid(802));
    expect(off.order).toEqual([A2, uid(801), uid(802)]);
  });
});

describe('queue:withdraw', () => {
  it('owner or host withdraws a queued or called entry', () => {
    let s = hand(live(), m3, uid(801));
    refused(s, m1, { type: 'queue:withdraw', entryId: uid(801) }, 'NOT_OWN_ENTRY');
    s = ok(s, m3, { type: 'queue:withdraw', entryId: uid(801) });
    expect([status(s, uid(801)), s.order.includes(uid(801))]).toEqual(['withdrawn', false]);
    refused(s, m3, { type: 'queue:withdraw', entryId: uid(801) }, 'INVALID_TRANSITION');
    const called = ok(live(), host, { type: 'queue:call-next' });
    expect(status(ok(called, host, { type: 'queue:withdraw', entryId: A1 }), A1)).toBe('withdrawn');
  });
  it('unknown entries and speaking entries are refused', () => {
    refused(live(), m1, { type: 'queue:withdraw', entryId: uid(999) }, 'ENTRY_NOT_FOUND');
    refused(speak(live()), m1, { type: 'queue:withdraw', entryId: A1 }, 'INVALID_TRANSITION');
  });
});

describe('points of order', () => {
  it('wait for the host, then go to the front (after whoever is called)', () => {
    let s = ok(live(), host, { type: 'queue:call-next' }); // A1 called
    s = ok(s, m3, { type: 'queue:point-of-order', mode: 'remote' }, { entryId: uid(801) });
    expect(s.pending).toEqual([uid(801)]);
    expect(entry(s, uid(801))?.accepted).toBe(false);
    expect(s.order).not.toContain(uid(801));
    refused(s, m3, { type: 'queue:accept-point-of-order', entryId: uid(801), accept: true }, 'NOT_HOST');
    s = ok(s, host, { type: 'queue:accept-point-of-order', entryId: uid(801), accept: true });
    expect(s.order).toEqual([A1, uid(801), A2]);
    expect(s.pending).toEqual([]);
    // a later point of order queues behind the earlier one
    s = ok(s, m2, { type: 'queue:point-of-order', mode: 'room' }, { entryId: uid(802) });
    s = ok(s, host, { type: 'queue:accept-point-of-order', entryId: uid(802), accept: true });
    expect(s.order).toEqual([A1, uid(801), uid(802), A2]);
  });
  it('can be rejected, work on a closed list, one at a time, not for observers', () => {
    let s = ok(live(), host, { type: 'queue:close' });
    s = ok(s, m3, { type: 'queue:point-of-order', mode: 'room' }, { entryId: uid(801) });
    refused(s, m3, { type: 'queue:point-of-order', mode: 'room' }, 'ALREADY_QUEUED', { entryId: uid(802) });
    s = ok(s, host, { type: 'queue:accept-point-of-order', entryId: uid(801), accept: false });
    expect([status(s, uid(801)), s.pending]).toEqual(['skipped', []]);
    refused(s, host, { type: 'queue:accept-point-of-order', entryId: uid(801), accept: true }, 'INVALID_TRANSITION');
    refused(s, host, { type: 'queue:accept-point-of-order', entryId: A1, accept: true }, 'INVALID_TRANSITION');
    refused(s, observer, { type: 'queue:point-of-order', mode: 'room' }, 'FORBIDDEN', { entryId: uid(803) });
  });
});

describe('department responses', () => {
  it('a liaison requests; the host places it right after the speech', () => {
    let s = ok(live(), liaison, { type: 'queue:request-response', mode: 'room', afterEntryId: A1 }, { entryId: uid(801) });
    expect(entry(s, uid(801))).toMatchObject({ kind: 'department_response', departmentId: uid(900), accepted: false });
    expect(s.pending).toEqual([uid(801)]);
    refused(s, liaison, { type: 'queue:request-response', mode: 'room' }, 'ALREADY_QUEUED', { entryId: uid(802) });
    refused(s, liaison, { type: 'queue:insert-response', mode: 'room', afterEntryId: A1, pendingEntryId: uid(801) }, 'NOT_HOST');
    s = ok(s, host, { type: 'queue:insert-response', mode: 'room', afterEntryId: A1, pendingEntryId: uid(801) });
    expect(s.order).toEqual([A1, uid(801), A2]);
    expect(entry(s, uid(801))?.accepted).toBe(true);
  });
  it('only liaisons with a department may request', () => {
    refused(live(), m1, { type: 'queue:request-response', mode: 'room' }, 'FORBIDDEN', { entryId: uid(801) });
    const noDept: LiveActor = { id: uid(22), roles: ['department'], isHost: false };
    refused(live(), noDept, { type: 'queue:request-response', mode: 'room' }, 'FORBIDDEN', { entryId: uid(801) });
    refused(live(), liaison, { type: 'queue:request-response', mode: 'room', afterEntryId: uid(999) }, 'ENTRY_NOT_FOUND', { entryId: uid(801) });
  });
  it('the host inserts a response after the current speech (front of the queue) or after a queued entry', () => {
    let s = speak(live()); // A1 speaking
    s = ok(s, host, { type: 'queue:insert-response', mode: 'room', afterEntryId: A1, memberId: liaison.id, departmentId: uid(900) }, { entryId: uid(801) });
    expect(s.order).toEqual([uid(801), A2]);
    s = ok(s, host, { type: 'queue:insert-response', mode: 'room', afterEntryId: A2, memberId: uid(23) }, { entryId: uid(802) });
    expect(s.order).toEqual([uid(801), A2, uid(802)]);
    refused(s, host, { type: 'queue:insert-response', mode: 'room', afterEntryId: uid(999), memberId: uid(24) }, 'ENTRY_NOT_FOUND', { entryId: uid(803) });
    refused(s, host, { type: 'queue:insert-response', mode: 'room', afterEntryId: null, pendingEntryId: A2 }, 'INVALID_TRANSITION');
  });
  it('the contract wants exactly one of pendingEntryId and memberId', () => {
    const base = { type: 'queue:insert-response', clientCommandId: uid(1), mode: 'room', afterEntryId: null };
    expect(LiveCommand.safeParse(base).success).toBe(false);
    expect(LiveCommand.safeParse({ ...base, memberId: uid(2), pendingEntryId: uid(3) }).success).toBe(false);
  });
});

describe('queue:add-reply', () => {
  it('the host adds replies right after the entry they answer, in the order asked', () => {
    let s = ok(live(), host, { type: 'queue:add-reply', mode: 'room', memberId: m3.id, replyToEntryId: A1 }, { entryId: uid(801) });
    s = ok(s, host, { type: 'queue:add-reply', mode: 'room', memberId: uid(14), replyToEntryId: A1 }, { entryId: uid(802) });
    expect(s.order).toEqual([A1, uid(801), uid(802), A2]);
    expect(entry(s, uid(801))).toMatchObject({ kind: 'reply', replyToEntryId: A1 });
    refused(s, host, { type: 'queue:add-reply', mode: 'room', memberId: m3.id, replyToEntryId: A2 }, 'ALREADY_QUEUED', { entryId: uid(803) });
    refused(s, host, { type: 'queue:add-reply', mode: 'room', memberId: uid(15), replyToEntryId: uid(999) }, 'ENTRY_NOT_FOUND', { entryId: uid(803) });
    refused(s, m3, { type: 'queue:add-reply', mode: 'room', memberId: m3.id, replyToEntryId: A2 }, 'NOT_HOST', { entryId: uid(803) });
  });
});

describe('calling and speaking', () => {
  it('call-next calls the first in line, start-speaking starts the clock', () => {
    let s = ok(live(), host, { type: 'queue:call-next' }, { at: T0 });
    expect(entry(s, A1)).toMatchObject({ status: 'called', calledAt: T0 });
    expect(currentSpeaker(s)?.id).toBe(A1);
    refused(s, host, { type: 'queue:start-speaking', entryId: A2 }, 'INVALID_TRANSITION');
    s = ok(s, host, { type: 'queue:start-speaking', entryId: A1 }, { at: T0 + 1_000 });
    expect(entry(s, A1)).toMatchObject({ status: 'speaking', startedAt: T0 + 1_000 });
    expect(s.order).toEqual([A2]);
    expect(s.timer).toEqual({ startedAt: T0 + 1_000, durationMs: 8 * MIN, elapsedBeforePauseMs: 0, entryId: A1 });
  });
  it('one speaker at a time: SPEAKER_ACTIVE unless finishCurrent', () => {
    let s = speak(live(), T0);
    refused(s, host, { type: 'queue:call-next' }, 'SPEAKER_ACTIVE');
    refused(s, host, { type: 'queue:call', entryId: A2 }, 'SPEAKER_ACTIVE');
    s = ok(s, host, { type: 'queue:call-next', finishCurrent: true }, { at: T0 + 2 * MIN });
    expect(entry(s, A1)).toMatchObject({ status: 'done', endedAt: T0 + 2 * MIN, durationMs: 2 * MIN });
    expect(status(s, A2)).toBe('called');
    expect(s.timer).toBeNull();
    // a called person who does not show up is skipped when the host moves on
    s = hand(s, m3, uid(801));
    s = ok(s, host, { type: 'queue:call-next', finishCurrent: true });
    expect([status(s, A2), status(s, uid(801))]).toEqual(['skipped', 'called']);
  });
  it('NO_ONE_QUEUED when the list is empty, even with finishCurrent', () => {
    let s = speak(live());
    s = ok(s, host, { type: 'queue:skip', entryId: A2 });
    refused(s, host, { type: 'queue:call-next', finishCurrent: true }, 'NO_ONE_QUEUED');
  });
  it('call takes a given entry to the front; pending requests cannot be called', () => {
    let s = hand(live(), m3, uid(801));
    s = ok(s, host, { type: 'queue:call', entryId: uid(801) });
    expect(s.order).toEqual([uid(801), A1, A2]);
    let p = ok(live(), m3, { type: 'queue:point-of-order', mode: 'room' }, { entryId: uid(802) });
    refused(p, host, { type: 'queue:call', entryId: uid(802) }, 'INVALID_TRANSITION');
    p = ok(p, host, { type: 'queue:accept-point-of-order', entryId: uid(802), accept: true });
    expect(ok(p, host, { type: 'queue:call', entryId: uid(802) }).order[0]).toBe(uid(802));
    refused(p, host, { type: 'queue:call', entryId: uid(999) }, 'ENTRY_NOT_FOUND');
  });
  it('only the host calls, and only while live', () => {
    refused(live(), m1, { type: 'queue:call-next' }, 'NOT_HOST');
    refused(ok(live(), host, { type: 'session:pause' }), host, { type: 'queue:call-next' }, 'SESSION_NOT_LIVE');
    refused(fresh(), host, { type: 'queue:call-next' }, 'SESSION_NOT_LIVE');
  });
  it('start-speaking takes a per-speech duration; the contract bounds it to 10 s–2 h', () => {
    const s = ok(ok(live(), host, { type: 'queue:call-next' }), host, { type: 'queue:start-speaking', entryId: A1, durationMs: 3 * MIN });
    expect(s.timer?.durationMs).toBe(3 * MIN);
    const c = { type: 'queue:start-speaking', clientCommandId: uid(1), entryId: A1 };
    expect(LiveCommand.safeParse({ ...c, durationMs: 9_999 }).success).toBe(false);
    expect(LiveCommand.safeParse({ ...c, durationMs: 120 * MIN + 1 }).success).toBe(false);
  });
});

describe('queue:finish', () => {
  it('records the end and the speaking time without pauses', () => {
    let s = speak(live(), T0);
    s = ok(s, host, { type: 'timer:pause' }, { at: T0 + MIN });
    s = ok(s, host, { type: 'timer:resume' }, { at: T0 + 3 * MIN });
    s = ok(s, host, { type: 'queue:finish', entryId: A1 }, { at: T0 + 4 * MIN });
    expect(entry(s, A1)).toMatchObject({ status: 'done', startedAt: T0, endedAt: T0 + 4 * MIN, durationMs: 2 * MIN });
    expect(s.timer).toBeNull();
    refused(s, host, { type: 'queue:finish', entryId: A1 }, 'INVALID_TRANSITION');
  });
  it('the speaker may finish themselves; others may not', () => {
    const s = speak(live());
    refused(s, m2, { type: 'queue:finish', entryId: A1 }, 'NOT_OWN_ENTRY');
    expect(status(ok(s, m1, { type: 'queue:finish', entryId: A1 }), A1)).toBe('done');
  });
  it('uses wall time when the timer was stopped', () => {
    let s = speak(live(), T0);
    s = ok(s, host, { type: 'timer:stop' }, { at: T0 + MIN });
    s = ok(s, host, { type: 'queue:finish', entryId: A1 }, { at: T0 + 5 * MIN });
    expect(entry(s, A1)?.durationMs).toBe(5 * MIN);
  });
});

describe('queue:skip', () => {
  it('host skips queued or called, not speaking', () => {
    const s = ok(live(), host, { type: 'queue:skip', entryId: A2 });
    expect([status(s, A2), s.order]).toEqual(['skipped', [A1]]);
    refused(live(), m1, { type: 'queue:skip', entryId: A2 }, 'NOT_HOST');
    refused(speak(live()), host, { type: 'queue:skip', entryId: A1 }, 'INVALID_TRANSITION');
    refused(live(), host, { type: 'queue:skip', entryId: uid(999) }, 'ENTRY_NOT_FOUND');
  });
});

describe('queue:reorder', () => {
  it('moves a queued entry; never ahead of the called person', () => {
    let s = hand(live(), m3, uid(801));
    s = ok(s, host, { type: 'queue:reorder', entryId: uid(801), toIndex: 0 });
    expect(s.order).toEqual([uid(801), A1, A2]);
    s = ok(s, host, { type: 'queue:reorder', entryId: uid(801), toIndex: 2 });
    expect(s.order).toEqual([A1, A2, uid(801)]);
    refused(s, host, { type: 'queue:reorder', entryId: uid(801), toIndex: 3 }, 'VALIDATION_FAILED');
    refused(s, m3, { type: 'queue:reorder', entryId: uid(801), toIndex: 0 }, 'NOT_HOST');
    s = ok(s, host, { type: 'queue:call-next' });
    refused(s, host, { type: 'queue:reorder', entryId: A1, toIndex: 1 }, 'INVALID_TRANSITION');
    s = ok(s, host, { type: 'queue:reorder', entryId: uid(801), toIndex: 0 });
    expect(s.order).toEqual([A1, uid(801), A2]);
  });
  it('works before the session opens (preparing the list)', () => {
    expect(ok(fresh(), host, { type: 'queue:reorder', entryId: A2, toIndex: 0 }).order).toEqual([A2, A1]);
  });
});

describe('queue:close / queue:reopen', () => {
  it('toggle the list, host only', () => {
    let s = ok(live(), host, { type: 'queue:close' });
    expect(s.listOpen).toBe(false);
    refused(s, host, { type: 'queue:close' }, 'INVALID_TRANSITION');
    refused(s, m1, { type: 'queue:reopen' }, 'NOT_HOST');
    s = ok(s, host, { type: 'queue:reopen' });
    expect(s.listOpen).toBe(true);
    refused(s, host, { type: 'queue:reopen' }, 'INVALID_TRANSITION');
  });
});

describe('queue:re-add', () => {
  it('gives a finished speaker a new entry (as a hand)', () => {
    let s = speak(live());
    refused(s, host, { type: 'queue:re-add', entryId: A1 }, 'INVALID_TRANSITION', { entryId: uid(801) });
    s = ok(s, host, { type: 'queue:finish', entryId: A1 });
    s = ok(s, host, { type: 'queue:re-add', entryId: A1 }, { entryId: uid(801) });
    expect(entry(s, uid(801))).toMatchObject({ kind: 'hand', memberId: m1.id, status: 'queued', name: 'Li Ming' });
    expect(s.order).toEqual([A2, uid(801)]);
    expect(status(s, A1)).toBe('done');
    refused(s, host, { type: 'queue:re-add', entryId: A1 }, 'ALREADY_QUEUED', { entryId: uid(802) });
    refused(s, m1, { type: 'queue:re-add', entryId: A1 }, 'NOT_HOST', { entryId: uid(802) });
  });
  it('can place the new entry', () => {
    let s = ok(live(), host, { type: 'queue:skip', entryId: A1 });
    s = ok(s, host, { type: 'queue:re-add', entryId: A1, toIndex: 0 }, { entryId: uid(801) });
    expect(s.order).toEqual([uid(801), A2]);
  });
});

describe('timer', () => {
  it('start, pause, resume, extend, stop; overtime is negative', () => {
    let s = ok(live(), host, { type: 'timer:start', durationMs: 2 * MIN }, { at: T0 });
    expect(s.timer?.entryId).toBeUndefined();
    refused(s, host, { type: 'timer:start' }, 'INVALID_TRANSITION');
    refused(s, host, { type: 'timer:resume' }, 'INVALID_TRANSITION');
    expect(timerRemainingMs(s.timer, T0 + 30_000)).toBe(90_000);
    s = ok(s, host, { type: 'timer:pause' }, { at: T0 + MIN });
    refused(s, host, { type: 'timer:pause' }, 'INVALID_TRANSITION');
    expect(timerRemainingMs(s.timer, T0 + 10 * MIN)).toBe(MIN);
    s = ok(s, host, { type: 'timer:resume' }, { at: T0 + 10 * MIN });
    s = ok(s, host, { type: 'timer:extend', ms: 30_000 }, { at: T0 + 10 * MIN });
    expect(timerRemainingMs(s.timer, T0 + 11 * MIN)).toBe(30_000);
    expect(timerRemainingMs(s.timer, T0 + 12 * MIN)).toBe(-30_000);
    s = ok(s, host, { type: 'timer:stop' });
    expect([s.timer, timerRemainingMs(s.timer, T0)]).toEqual([null, null]);
    refused(s, host, { type: 'timer:stop' }, 'INVALID_TRANSITION');
    refused(s, host, { type: 'timer:extend', ms: 1_000 }, 'INVALID_TRANSITION');
  });
  it('is the host’s, runs only in a live session, and the contract caps extension at 30 min', () => {
    refused(live(), m1, { type: 'timer:start' }, 'NOT_HOST');
    refused(fresh(), host, { type: 'timer:start' }, 'SESSION_NOT_LIVE');
    expect(LiveCommand.safeParse({ type: 'timer:extend', clientCommandId: uid(1), ms: 30 * MIN + 1 }).success).toBe(false);
  });
});

describe('settings:update', () => {
  it('host changes fairness and the default limit', () => {
    const s = ok(live(), host, { type: 'settings:update', firstTimeFirst: true, speakingLimitMs: 5 * MIN });
    expect([s.settings.firstTimeFirst, s.speakingLimitMs]).toEqual([true, 5 * MIN]);
    refused(s, m1, { type: 'settings:update', firstTimeFirst: false }, 'NOT_HOST');
    expect(LiveCommand.safeParse({ type: 'settings:update', clientCommandId: uid(1) }).success).toBe(false);
  });
});

describe('queries', () => {
  it('next entries, positions, totals, log and unreached', () => {
    let s = hand(live(), m3, uid(801));
    expect(nextEntries(s, 2).map((e) => e.id)).toEqual([A1, A2]);
    expect([positionOf(s, m1.id), positionOf(s, m3.id), positionOf(s, observer.id)]).toEqual([1, 3, null]);
    s = speak(s, T0);
    expect(nextEntries(s, 3).map((e) => e.id)).toEqual([A2, uid(801)]);
    expect(positionOf(s, m1.id)).toBeNull();
    s = ok(s, host, { type: 'queue:call-next', finishCurrent: true }, { at: T0 + 2 * MIN });
    s = ok(s, host, { type: 'queue:start-speaking', entryId: A2 }, { at: T0 + 2 * MIN });
    s = ok(s, host, { type: 'queue:finish', entryId: A2 }, { at: T0 + 5 * MIN });
    s = ok(s, host, { type: 'queue:re-add', entryId: A1 }, { entryId: uid(802) });
    s = speak(ok(s, host, { type: 'queue:reorder', entryId: uid(802), toIndex: 0 }), T0 + 6 * MIN);
    const totals = speakingTotals(s, T0 + 7 * MIN);
    expect(totals.byMember).toEqual([
      { memberId: m1.id, name: 'Li Ming', sectorName: 'Economy', count: 2, totalMs: 3 * MIN },
      { memberId: m2.id, name: 'Wang Fang', sectorName: 'Education', count: 1, totalMs: 3 * MIN },
    ]);
    expect(speakingTotals(s).byMember[0]).toMatchObject({ count: 1, totalMs: 2 * MIN });
    expect(totals.bySector.map((t) => [t.sectorName, t.totalMs])).toEqual([
      ['Economy', 3 * MIN],
      ['Education', 3 * MIN],
    ]);
    s = ok(s, host, { type: 'session:end' }, { at: T0 + 8 * MIN });
    expect(speakingLog(s).map((l) => [l.entryId, l.kind, l.startedAt, l.endedAt, l.durationMs])).toEqual([
      [A1, 'arranged', T0, T0 + 2 * MIN, 2 * MIN],
      [A2, 'arranged', T0 + 2 * MIN, T0 + 5 * MIN, 3 * MIN],
      [uid(802), 'hand', T0 + 6 * MIN, T0 + 8 * MIN, 2 * MIN],
    ]);
    expect(unreached(s).map((e) => e.memberId)).toEqual([m3.id]);
  });
});

describe('events', () => {
  it('a client re-applying the broadcast delta reaches the same state; gaps are STALE_VERSION', () => {
    const server0 = live();
    const command = LiveCommand.parse({ type: 'queue:raise-hand', clientCommandId: uid(5), mode: 'remote' });
    const ctx = { actor: m3, at: T0, entryId: uid(801) };
    const server1 = reduce(server0, command, ctx).state;
    const event = LiveEvent.parse(JSON.parse(JSON.stringify(toEvent(command, ctx, server1.version))));
    const client = applyEvent(JSON.parse(JSON.stringify(server0)) as LiveState, event);
    expect(client.error).toBeUndefined();
    expect(client.state).toEqual(server1);
    expect(applyEvent(server1, event).error?.code).toBe('STALE_VERSION');
  });
});
