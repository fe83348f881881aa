import fc from 'fast-check';
import { LIVE_ERROR_CODES, LiveCommand, LiveEvent, LiveState, type LiveActor, type LiveCommandType, type LiveTimer } from '@xieshang/contracts';
import { applyEvent, initialLiveState, reduce, timerRemainingMs, toEvent, type LiveContext } from '../index';
import { pauseTimer, resumeTimer, startTimer, timerElapsedMs } from './timer';

const uid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const T0 = 1_700_000_000_000;
const UNKNOWN = uid(0xfffff);

const host: LiveActor = { id: uid(1), roles: ['chair'], isHost: true };
const admin: LiveActor = { id: uid(2), roles: ['admin', 'member'], isHost: true };
const members: LiveActor[] = [11, 12, 13, 14].map((n) => ({ id: uid(n), roles: ['member'], isHost: false }));
const liaisons: LiveActor[] = [21, 22].map((n) => ({ id: uid(n), roles: ['department'], departmentId: uid(900 + n), isHost: false }));
const others: LiveActor[] = [
  { id: uid(31), roles: ['observer'], isHost: false },
  { id: uid(32), roles: ['leader'], isHost: false },
];
/** weighted: hosts drive most of a real session */
const ACTORS = [host, host, host, admin, ...members, ...members, ...liaisons, ...others];

const TYPES: LiveCommandType[] = [
  'session:open', 'session:pause', 'session:resume', 'session:resume', 'agenda:next',
  'queue:raise-hand', 'queue:raise-hand', 'queue:raise-hand', 'queue:withdraw', 'queue:point-of-order',
  'queue:accept-point-of-order', 'queue:request-response', 'queue:insert-response', 'queue:add-reply',
  'queue:call-next', 'queue:call-next', 'queue:call', 'queue:start-speaking', 'queue:start-speaking',
  'queue:finish', 'queue:finish', 'queue:skip', 'queue:reorder', 'queue:close', 'queue:reopen', 'queue:re-add',
  'timer:start', 'timer:pause', 'timer:resume', 'timer:stop', 'timer:extend', 'settings:update',
];

const stepArb = fc.record({
  // ending is rare so that most of a sequence happens in a live session
  type: fc.oneof(
    { weight: 1, arbitrary: fc.constant<LiveCommandType>('session:end') },
    { weight: 120, arbitrary: fc.constantFrom(...TYPES) },
  ),
  actor: fc.constantFrom(...ACTORS),
  /** most host commands come from a host, or nothing would happen */
  hostBias: fc.nat({ max: 9 }),
  dt: fc.integer({ min: 0, max: 120_000 }),
  ref: fc.nat(),
  ref2: fc.nat(),
  flag: fc.boolean(),
  flag2: fc.boolean(),
  index: fc.nat({ max: 12 }),
  mode: fc.constantFrom('room' as const, 'remote' as const),
  durationMs: fc.integer({ min: 10_000, max: 600_000 }),
  ms: fc.integer({ min: 1_000, max: 1_800_000 }),
  idMode: fc.constantFrom('fresh', 'fresh', 'fresh', 'fresh', 'fresh', 'fresh', 'missing', 'duplicate'),
});
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

/** Turn a state-independent random step into a concrete command and context for the current state. */
function materialize(s: LiveState, st: Step, i: number, at: number): { raw: Record<string, unknown>; ctx: LiveContext } {
  const pick = (r: number) => (s.entries.length === 0 || r % 13 === 0 ? UNKNOWN : s.entries[r % s.entries.length].id);
  const someone = [...members, ...liaisons][st.ref2 % 6].id;
  const entryId = st.idMode === 'fresh' ? uid(1_000_000 + i) : st.idMode === 'duplicate' ? pick(st.ref2) : undefined;
  const member = /^queue:(raise-hand|withdraw|point-of-order|request-response)$/.test(st.type);
  const actor = !member && st.hostBias < 8 ? (st.hostBias % 2 ? host : admin) : st.actor;
  const ctx: LiveContext = { actor, at, ...(entryId !== undefined && { entryId }) };
  const base = { type: st.type, clientCommandId: uid(2_000_000 + i) };
  const extra = ((): Record<string, unknown> => {
    switch (st.type) {
      case 'queue:raise-hand':
        return { mode: st.mode, ...(st.flag && { memberId: someone }) };
      case 'queue:point-of-order':
        return { mode: st.mode };
      case 'queue:request-response':
        return { mode: st.mode, ...(st.flag && { afterEntryId: pick(st.ref) }) };
      case 'queue:insert-response':
        return {
          mode: st.mode,
          afterEntryId: st.flag2 ? null : pick(st.ref),
          ...(st.flag ? { pendingEntryId: s.pending[st.ref2 % Math.max(1, s.pending.length)] ?? UNKNOWN } : { memberId: someone }),
        };
      case 'queue:add-reply':
        return { mode: st.mode, memberId: someone, replyToEntryId: pick(st.ref) };
      case 'queue:accept-point-of-order':
        return { entryId: s.pending[st.ref % Math.max(1, s.pending.length)] ?? pick(st.ref), accept: st.flag };
      case 'queue:withdraw':
      case 'queue:finish':
      case 'queue:skip':
        return { entryId: pick(st.ref) };
      case 'queue:call':
        return { entryId: pick(st.ref), ...(st.flag && { finishCurrent: st.flag2 }) };
      case 'queue:call-next':
        return st.flag ? { finishCurrent: st.flag2 } : {};
      case 'queue:start-speaking':
        return { entryId: s.order[0] !== undefined && st.flag2 ? s.order[0] : pick(st.ref), ...(st.flag && { durationMs: st.durationMs }) };
      case 'queue:reorder':
        return { entryId: pick(st.ref), toIndex: st.index };
      case 'queue:re-add':
        return { entryId: pick(st.ref), ...(st.flag && { toIndex: st.index }) };
      case 'timer:start':
        return st.flag ? { durationMs: st.durationMs } : {};
      case 'timer:extend':
        return { ms: st.ms };
      case 'settings:update':
        return st.flag2 ? { firstTimeFirst: st.flag } : { speakingLimitMs: st.durationMs };
      default:
        return {};
    }
  })();
  return { raw: { ...base, ...extra }, ctx };
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

const OPEN_STATUSES = new Set(['queued', 'called', 'speaking']);

function checkInvariants(s: LiveState): void {
  const byId = new Map(s.entries.map((e) => [e.id, e]));
  expect(byId.size).toBe(s.entries.length);
  const speaking = s.entries.filter((e) => e.status === 'speaking');
  const called = s.entries.filter((e) => e.status === 'called');
  expect(speaking.length).toBeLessThanOrEqual(1);
  expect(speaking.length + called.length).toBeLessThanOrEqual(1);
  expect(new Set(s.order).size).toBe(s.order.length);
  expect(new Set(s.pending).size).toBe(s.pending.length);
  for (const id of s.order) {
    const e = byId.get(id);
    expect(e && (e.status === 'queued' || e.status === 'called') && e.accepted !== false).toBe(true);
    expect(s.pending).not.toContain(id);
  }
  for (const id of s.pending) expect(byId.get(id)).toMatchObject({ status: 'queued', accepted: false });
  for (const e of s.entries) {
    if (e.status === 'queued' || e.status === 'called') expect(s.order.includes(e.id) || s.pending.includes(e.id)).toBe(true);
    if (e.status === 'done') {
      expect(e.startedAt).toBeDefined();
      expect(e.endedAt).toBeGreaterThanOrEqual(e.startedAt ?? Infinity);
      expect(e.durationMs).toBeGreaterThanOrEqual(0);
    }
  }
  if (called.length === 1) expect(s.order[0]).toBe(called[0].id);
  if (s.timer?.entryId !== undefined) expect(byId.get(s.timer.entryId)?.status).toBe('speaking');
  const open = new Set<string>();
  for (const e of s.entries) {
    if (e.kind === 'arranged' || !OPEN_STATUSES.has(e.status)) continue;
    const key = `${e.memberId}/${e.kind}`;
    expect(open.has(key)).toBe(false);
    open.add(key);
  }
  if (s.status === 'ended') expect([speaking.length, s.timer]).toEqual([0, null]);
  const json = JSON.parse(JSON.stringify(s));
  expect(LiveState.parse(json)).toEqual(json);
  expect(json).toEqual(s);
}

function fresh(firstTimeFirst: boolean, arranged: number): LiveState {
  return initialLiveState({
    meetingId: uid(400),
    agenda: [
      { id: uid(501), title: 'Briefing', kind: 'briefing' },
      { id: uid(502), title: 'Exchange', kind: 'arranged_speeches' },
      { id: uid(503), title: 'Free discussion', kind: 'free_discussion' },
    ],
    arranged: Array.from({ length: arranged }, (_, k) => ({
      speechId: uid(700 + k),
      memberId: members[k % members.length].id,
      name: `Speaker ${k}`,
      sectorName: `Sector ${k % 3}`,
    })),
    speakingLimitMs: 480_000,
    settings: { firstTimeFirst },
    createdAt: T0,
  });
}

describe('speaking queue properties', () => {
  it('keeps its invariants under random command sequences from random actors', () => {
    let accepted = 0;
    let refused = 0;
    const acceptedTypes = new Set<string>();
    const refusedCodes = new Set<string>();
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.nat({ max: 5 }),
        fc.nat({ max: 4 }).map((n) => n > 0),
        fc.array(stepArb, { minLength: 1, maxLength: 60, size: 'max' }),
        (firstTimeFirst, arranged, openFirst, steps) => {
          let s = fresh(firstTimeFirst, arranged);
          let at = T0;
          if (openFirst) s = reduce(s, LiveCommand.parse({ type: 'session:open', clientCommandId: uid(3) }), { actor: host, at }).state;
          checkInvariants(s);
          steps.forEach((st, i) => {
            at += st.dt;
            const { raw, ctx } = materialize(s, st, i, at);
            const command = LiveCommand.parse(raw);
            const before = deepFreeze(s);
            const r = reduce(before, command, ctx);
            expect(reduce(before, command, ctx)).toEqual(r);
            if (r.error) {
              refused++;
              refusedCodes.add(r.error.code);
              expect(r.state).toBe(before);
              expect(typeof r.error.code).toBe('string');
              return;
            }
            accepted++;
            acceptedTypes.add(command.type);
            expect(r.state.version).toBe(before.version + 1);
            expect(r.state).not.toBe(before);
            checkInvariants(r.state);
            // what a client does with the broadcast delta: same state
            const event = LiveEvent.parse(JSON.parse(JSON.stringify(toEvent(command, ctx, r.state.version))));
            const client = applyEvent(JSON.parse(JSON.stringify(before)) as LiveState, event);
            expect(client.error).toBeUndefined();
            expect(client.state).toEqual(r.state);
            if (command.type === 'queue:raise-hand' && r.state.settings.firstTimeFirst) checkFairness(before, r.state, ctx);
            s = r.state;
          });
        },
      ),
      // A fixed seed: the coverage counts below are about the generator, and must not depend on luck.
      { numRuns: 200, seed: 20261123 },
    );
    // the generator must exercise every command and every refusal
    expect(accepted).toBeGreaterThan(1_200);
    expect(refused).toBeGreaterThan(1_200);
    expect([...acceptedTypes].sort()).toEqual([...new Set([...TYPES, 'session:end'])].sort());
    expect([...refusedCodes].sort()).toEqual([...LIVE_ERROR_CODES].filter((c) => c !== 'STALE_VERSION').sort());
  });

  it('the timer: elapsed is the sum of running stretches, remaining never grows while time passes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 7_200_000 }),
        fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 600_000 }),
        (durationMs, gaps, tail) => {
          let t: LiveTimer = startTimer(T0, durationMs);
          let now = T0;
          let running = 0;
          gaps.forEach((gap, k) => {
            now += gap;
            if (k % 2 === 0) running += gap;
            t = k % 2 === 0 ? pauseTimer(t, now) : resumeTimer(t, now);
          });
          const isRunning = gaps.length % 2 === 0;
          expect(timerElapsedMs(t, now + tail)).toBe(running + (isRunning ? tail : 0));
          const a = timerRemainingMs(t, now) ?? NaN;
          const b = timerRemainingMs(t, now + tail) ?? NaN;
          expect(b).toBeLessThanOrEqual(a);
          expect(a).toBe(durationMs - running);
        },
      ),
    );
  });
});

/** A first-time speaker's new hand is not behind a queued hand of someone who has spoken. */
function checkFairness(before: LiveState, after: LiveState, ctx: LiveContext): void {
  const spoke = (m: string) => before.entries.some((e) => e.memberId === m && (e.status === 'done' || e.status === 'speaking'));
  const added = after.entries[after.entries.length - 1];
  if (spoke(added.memberId)) return;
  const pos = after.order.indexOf(added.id);
  for (const id of after.order.slice(0, pos)) {
    const e = after.entries.find((x) => x.id === id);
    if (e?.kind === 'hand' && e.status === 'queued') expect(spoke(e.memberId)).toBe(false);
  }
  expect(ctx.entryId).toBe(added.id);
}
