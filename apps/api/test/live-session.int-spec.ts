import { randomUUID } from 'node:crypto';
import { currentSpeaker } from '@xieshang/domain';
import type { LiveState } from '@xieshang/contracts';
import { codeOf, expectOk, LiveTestClient } from './support/live-clients';
import { liveClient, liveMeeting, oralSpeech, userWithRole, type LiveMeeting } from './support/live-fixtures';
import { userId, userIds } from './support/meeting-fixtures';
import { createTestApp, TestApp } from './support/test-app';

// logins (argon2) and a whole session with 21 sockets take more than jest's default 5 s
jest.setTimeout(60_000);

const members = Array.from({ length: 20 }, (_, i) => `member${String(i + 1).padStart(2, '0')}@demo.local`);

async function serverState(t: TestApp, meetingId: string): Promise<LiveState> {
  const [row] = await t.ds.query(`SELECT state FROM live_sessions WHERE meeting_id = $1`, [meetingId]);
  return row.state;
}


describe('live session over /live (real app, real PostgreSQL, real socket.io clients)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(() => t.close());

  describe('a host and 20 members through a whole session', () => {
    let meeting: LiveMeeting;
    let host: LiveTestClient;
    let crowd: LiveTestClient[];
    let memberIds: string[];

    beforeAll(async () => {
      meeting = await liveMeeting(t.ds, { hostEmail: 'chair@demo.local', invitees: members, speakers: ['member01@demo.local', 'member02@demo.local'] });
      memberIds = await userIds(t.ds, ...members);
      host = await liveClient(t, 'chair@demo.local');
      crowd = await Promise.all(members.map((e) => liveClient(t, e)));
    });
    afterAll(() => [host, ...crowd].forEach((c) => c?.close()));

    it('runs from opening to the end, every screen ends with the server state', async () => {
      const hostJoin = expectOk(await host.join(meeting.id, { mode: 'room' }));
      expect(hostJoin.you).toMatchObject({ isHost: true, canRequestFloor: true });
      // the opening queue: the accepted oral speeches, in their order, named from the directory
      expect(host.version).toBe(0);
      expect(host.state!.entries.map((e) => [e.kind, e.speechId, e.name])).toEqual([
        ['arranged', meeting.speechIds[0], expect.any(String)],
        ['arranged', meeting.speechIds[1], expect.any(String)],
      ]);
      expect(host.state!.agenda).toEqual(meeting.agenda);
      expect(host.state!.speakingLimitMs).toBe(5 * 60_000);

      const joins = await Promise.all(crowd.map((c) => c.join(meeting.id, { mode: 'remote' })));
      for (const j of joins) expect(expectOk(j).you).toMatchObject({ isHost: false, canRequestFloor: true, canRespond: false });
      // joining online checks the member in (remote), just after the join is answered
      const remoteCheckIns = async () =>
        ((await t.ds.query(`SELECT count(*)::int AS n FROM meeting_invitations WHERE meeting_id = $1 AND state = 'checked_in' AND check_in_mode = 'remote'`, [meeting.id])) as Array<{ n: number }>)[0].n;
      const deadline = Date.now() + 10_000;
      while ((await remoteCheckIns()) < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await remoteCheckIns()).toBe(20);
      // presence reaches the room (debounced): 21 people, the host first, the remote members checked in
      await host.waitFor('presence of 21, all checked in', () => host.presence.at(-1)?.count === 21 && host.presence.at(-1)!.presence.filter((p) => p.checkedIn).length === 20);
      const people = host.presence.at(-1)!.presence;
      expect(people[0]).toMatchObject({ isHost: true, mode: 'room' });
      expect(people.filter((p) => p.mode === 'remote' && p.checkedIn)).toHaveLength(20);

      expect(await host.ok(meeting.id, { type: 'session:open' })).toBe(1);
      const [{ state: meetingState }] = await t.ds.query(`SELECT state FROM meetings WHERE id = $1`, [meeting.id]);
      expect(meetingState).toBe('live');

      // five members raise their hands at once; one claims another name, the directory's name wins
      const raised = await Promise.all(
        crowd.slice(2, 7).map((c, i) => c.ok(meeting.id, { type: 'queue:raise-hand', mode: 'remote', ...(i === 0 && { name: '冒名顶替', sectorName: '假界别' }) })),
      );
      expect([...raised].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6]);
      await host.waitForVersion(6);
      const hand = host.state!.entries.find((e) => e.memberId === memberIds[2])!;
      const [{ name: realName }] = await t.ds.query(`SELECT name FROM users WHERE id = $1`, [memberIds[2]]);
      expect(hand.name).toBe(realName);
      expect(hand.sectorName).not.toBe('假界别');

      // a member withdraws their own hand
      const own = host.state!.entries.find((e) => e.memberId === memberIds[6] && e.kind === 'hand')!;
      await crowd[6].ok(meeting.id, { type: 'queue:withdraw', entryId: own.id });

      // first arranged speech: call, speak, extend, pause, resume, finish
      await host.ok(meeting.id, { type: 'queue:call-next' });
      const first = currentSpeaker(host.state!) ?? currentSpeaker(await serverState(t, meeting.id))!;
      expect(first.speechId).toBe(meeting.speechIds[0]);
      await host.ok(meeting.id, { type: 'queue:start-speaking', entryId: first.id });
      await host.ok(meeting.id, { type: 'timer:extend', ms: 60_000 });
      await host.ok(meeting.id, { type: 'timer:pause' });
      await host.ok(meeting.id, { type: 'timer:resume' });
      await new Promise((r) => setTimeout(r, 30));
      await host.ok(meeting.id, { type: 'queue:finish', entryId: first.id });

      // second: called and started, then replaced by calling the next with finishCurrent
      await host.ok(meeting.id, { type: 'queue:call-next' });
      const second = (await serverState(t, meeting.id)).entries.find((e) => e.status === 'called')!;
      await host.ok(meeting.id, { type: 'queue:start-speaking', entryId: second.id });
      await host.ok(meeting.id, { type: 'queue:call-next', finishCurrent: true });
      const third = (await serverState(t, meeting.id)).entries.find((e) => e.status === 'called')!;
      expect(third.kind).toBe('hand');
      await host.ok(meeting.id, { type: 'queue:start-speaking', entryId: third.id, durationMs: 120_000 });
      // the speaker may end their own turn
      const speakerClient = crowd[memberIds.indexOf(third.memberId)];
      await speakerClient.ok(meeting.id, { type: 'queue:finish', entryId: third.id });

      await host.ok(meeting.id, { type: 'agenda:next' });
      await host.ok(meeting.id, { type: 'queue:close' });
      const closed = await crowd[10].send(meeting.id, { type: 'queue:raise-hand', mode: 'remote' });
      expect(codeOf(closed)).toBe('QUEUE_CLOSED');
      await host.ok(meeting.id, { type: 'queue:reopen' });
      await host.ok(meeting.id, { type: 'queue:call-next' });
      const fourth = (await serverState(t, meeting.id)).entries.find((e) => e.status === 'called')!;
      await host.ok(meeting.id, { type: 'queue:start-speaking', entryId: fourth.id });
      // ending the session finishes the current speech
      const endVersion = await host.ok(meeting.id, { type: 'session:end' });

      await Promise.all([host, ...crowd].map((c) => c.waitForVersion(endVersion)));
      const final = await serverState(t, meeting.id);
      expect(final.status).toBe('ended');
      for (const c of [host, ...crowd]) {
        expect(c.divergences).toEqual([]);
        expect(c.state).toEqual(final);
        // every client saw every version once, in a contiguous run
        const versions = c.received.map((e) => e.version);
        expect(new Set(versions).size).toBe(versions.length);
        expect(Math.min(...versions)).toBe(1);
        expect(Math.max(...versions)).toBe(endVersion);
      }

      // the meeting moved to minutes and attendance was settled
      const [m] = await t.ds.query(`SELECT state FROM meetings WHERE id = $1`, [meeting.id]);
      expect(m.state).toBe('minutes');
      const attendance: Array<{ attendance: string; n: number }> = await t.ds.query(
        `SELECT attendance, count(*)::int AS n FROM meeting_invitations WHERE meeting_id = $1 GROUP BY attendance`,
        [meeting.id],
      );
      expect(attendance).toEqual([{ attendance: 'present', n: 20 }]);

      // the speaking log: four finished speeches, with agenda titles and durations
      const log: Array<{ entry_id: string; member_id: string; name: string; kind: string; agenda_title: string | null; speech_id: string | null; duration_ms: number; started_at: Date; ended_at: Date }> =
        await t.ds.query(`SELECT * FROM speaking_log WHERE meeting_id = $1 ORDER BY started_at`, [meeting.id]);
      expect(log.map((r) => r.entry_id)).toEqual([first.id, second.id, third.id, fourth.id]);
      expect(log.map((r) => r.kind)).toEqual(['arranged', 'arranged', 'hand', 'hand']);
      expect(log[0]).toMatchObject({ speech_id: meeting.speechIds[0], agenda_title: '交流发言', member_id: memberIds[0] });
      // a hand belongs to the agenda item during which it was raised
      expect(log.slice(2).map((r) => r.agenda_title)).toEqual(['情况通报', '情况通报']);
      for (const r of log) {
        expect(r.duration_ms).toBeGreaterThanOrEqual(0);
        expect(r.ended_at.getTime()).toBeGreaterThanOrEqual(r.started_at.getTime());
      }
      expect(log[0].duration_ms).toBeGreaterThanOrEqual(20);
      const events: Array<{ n: number; max: number }> = await t.ds.query(`SELECT count(*)::int AS n, max(version) AS max FROM live_events WHERE meeting_id = $1`, [meeting.id]);
      expect(events[0]).toEqual({ n: endVersion, max: endVersion });
    });

    it('keeps the room readable after the end, and refuses further commands', async () => {
      const late = await liveClient(t, 'member15@demo.local');
      try {
        const j = expectOk(await late.join(meeting.id, { mode: 'room', sinceVersion: 3 }));
        expect(j.catchUp.kind).toBe('events');
        expect(late.state).toBeNull();
        expect(codeOf(await late.send(meeting.id, { type: 'queue:raise-hand', mode: 'room' }))).toBe('SESSION_NOT_LIVE');
      } finally {
        late.close();
      }
    });
  });

  describe('who may do what', () => {
    let meeting: LiveMeeting;
    const clients: LiveTestClient[] = [];
    const open = async (email: string) => {
      const c = await liveClient(t, email);
      clients.push(c);
      return c;
    };
    afterAll(() => clients.forEach((c) => c.close()));

    beforeAll(async () => {
      meeting = await liveMeeting(t.ds, { hostEmail: 'chair@demo.local', invitees: ['member21@demo.local', 'member22@demo.local', 'dept01@demo.local'] });
      const [dept] = await t.ds.query(`SELECT department_id FROM users WHERE email = 'dept01@demo.local'`);
      await userWithRole(t.ds, 'observer@live.test', ['observer']);
      await userWithRole(t.ds, 'liaison2@live.test', ['department'], { departmentId: dept.department_id });
    });

    it('refuses host commands and other people’s entries to members, the floor to observers and outsiders', async () => {
      const host = await open('chair@demo.local');
      const m21 = await open('member21@demo.local');
      const m22 = await open('member22@demo.local');
      const observer = await open('observer@live.test');
      const leader = await open('leader@demo.local');
      const outsider = await open('member30@demo.local');
      const otherLiaison = await open('liaison2@live.test');

      expect(codeOf(await m21.send(meeting.id, { type: 'queue:raise-hand', mode: 'room' }))).toBe('FORBIDDEN'); // not joined yet
      expect(codeOf(await outsider.join(meeting.id))).toBe('NOT_INVITED');
      expect(codeOf(await otherLiaison.join(meeting.id))).toBe('NOT_INVITED');
      for (const c of [host, m21, m22]) expectOk(await c.join(meeting.id, { mode: 'room' }));
      const obs = expectOk(await observer.join(meeting.id, { mode: 'viewer' }));
      expect(obs.you).toMatchObject({ isHost: false, canRequestFloor: false, canRespond: false });
      expectOk(await leader.join(meeting.id, { mode: 'viewer' }));

      expect(codeOf(await m21.send(meeting.id, { type: 'session:open' }))).toBe('NOT_HOST');
      await host.ok(meeting.id, { type: 'session:open' });
      await m21.ok(meeting.id, { type: 'queue:raise-hand', mode: 'room' });
      await m22.waitForVersion(2);
      const hand21 = m22.state!.entries.find((e) => e.kind === 'hand')!;

      const refusals = {
        memberCallsNext: await m22.send(meeting.id, { type: 'queue:call-next' }),
        memberWithdrawsOthers: await m22.send(meeting.id, { type: 'queue:withdraw', entryId: hand21.id }),
        memberRaisesForOthers: await m22.send(meeting.id, { type: 'queue:raise-hand', mode: 'room', memberId: hand21.memberId }),
        memberEnds: await m22.send(meeting.id, { type: 'session:end' }),
        observerRaises: await observer.send(meeting.id, { type: 'queue:raise-hand', mode: 'room' }),
        leaderRaises: await leader.send(meeting.id, { type: 'queue:raise-hand', mode: 'room' }),
        observerPointOfOrder: await observer.send(meeting.id, { type: 'queue:point-of-order', mode: 'room' }),
        memberRequestsResponse: await m22.send(meeting.id, { type: 'queue:request-response', mode: 'room' }),
        memberSkips: await m22.send(meeting.id, { type: 'queue:skip', entryId: hand21.id }),
      };
      expect(Object.fromEntries(Object.entries(refusals).map(([k, v]) => [k, codeOf(v)]))).toEqual({
        memberCallsNext: 'NOT_HOST',
        memberWithdrawsOthers: 'NOT_OWN_ENTRY',
        memberRaisesForOthers: 'NOT_OWN_ENTRY',
        memberEnds: 'NOT_HOST',
        observerRaises: 'FORBIDDEN',
        leaderRaises: 'FORBIDDEN',
        observerPointOfOrder: 'FORBIDDEN',
        memberRequestsResponse: 'FORBIDDEN',
        memberSkips: 'NOT_HOST',
      });
      // refusals store nothing and broadcast nothing
      const [{ version }] = await t.ds.query(`SELECT version FROM live_sessions WHERE meeting_id = $1`, [meeting.id]);
      expect(version).toBe(2);
      expect(host.received.map((e) => e.version)).toEqual([1, 2]);

      // the invited liaison requests to respond; the host places it after the hand
      const dept = await open('dept01@demo.local');
      const deptJoin = expectOk(await dept.join(meeting.id, { mode: 'room' }));
      expect(deptJoin.you).toMatchObject({ canRespond: true, canRequestFloor: false });
      expect(codeOf(await dept.send(meeting.id, { type: 'queue:raise-hand', mode: 'room' }))).toBe('FORBIDDEN');
      await dept.ok(meeting.id, { type: 'queue:request-response', mode: 'room' });
      await host.waitForVersion(3);
      const pending = host.state!.pending[0];
      await host.ok(meeting.id, { type: 'queue:insert-response', mode: 'room', afterEntryId: hand21.id, pendingEntryId: pending });
      await host.waitForVersion(4);
      expect(host.state!.order).toEqual([hand21.id, pending]);
      // the host raises a hand for someone in the room, named from the directory
      const m22Id = await userId(t.ds, 'member22@demo.local');
      await host.ok(meeting.id, { type: 'queue:raise-hand', mode: 'room', memberId: m22Id, name: '随便写的' });
      await host.waitForVersion(5);
      const [{ name }] = await t.ds.query(`SELECT name FROM users WHERE id = $1`, [m22Id]);
      expect(host.state!.entries.at(-1)).toMatchObject({ memberId: m22Id, name });
      // the admin hosts every meeting
      const admin = await open('admin@demo.local');
      expect(expectOk(await admin.join(meeting.id, { mode: 'viewer' })).you.isHost).toBe(true);
    });

    it('answers bad payloads with VALIDATION_FAILED and applies nothing', async () => {
      const host = await open('chair@demo.local');
      expectOk(await host.join(meeting.id));
      const before = (await t.ds.query(`SELECT version FROM live_sessions WHERE meeting_id = $1`, [meeting.id]))[0].version;
      const bad: unknown[] = [
        undefined,
        'session:open',
        { meetingId: 'not-a-uuid', command: { type: 'session:pause', clientCommandId: randomUUID() } },
        { meetingId: meeting.id, command: { type: 'session:pause' } },
        { meetingId: meeting.id, command: { type: 'queue:explode', clientCommandId: randomUUID() } },
        { meetingId: meeting.id, command: { type: 'session:pause', clientCommandId: randomUUID(), extra: 1 } },
        { meetingId: meeting.id, command: { type: 'timer:extend', clientCommandId: randomUUID(), ms: -5 } },
        { meetingId: meeting.id, command: { type: 'queue:raise-hand', clientCommandId: randomUUID(), mode: 'teleport' } },
        { meetingId: meeting.id, command: { type: 'queue:insert-response', clientCommandId: randomUUID(), mode: 'room', afterEntryId: null } },
        { meetingId: meeting.id, command: { type: 'queue:raise-hand', clientCommandId: randomUUID(), mode: 'room', name: 'x'.repeat(500) } },
      ];
      for (const payload of bad) {
        const ack = await host.request('live:command', payload);
        expect(codeOf(ack)).toBe('VALIDATION_FAILED');
      }
      expect(codeOf(await host.request('live:join', { meetingId: meeting.id, mode: 'astral' }))).toBe('VALIDATION_FAILED');
      expect(codeOf(await host.request('live:sync', { meetingId: meeting.id, sinceVersion: -1 }))).toBe('VALIDATION_FAILED');
      expect(codeOf(await host.request('live:leave', {}))).toBe('VALIDATION_FAILED');
      // a member id that is nobody
      expect(codeOf(await host.send(meeting.id, { type: 'queue:raise-hand', mode: 'room', memberId: randomUUID() }))).toBe('VALIDATION_FAILED');
      // an unknown meeting
      expect(codeOf(await host.join(randomUUID()))).toBe('NOT_FOUND');
      const after = (await t.ds.query(`SELECT version FROM live_sessions WHERE meeting_id = $1`, [meeting.id]))[0].version;
      expect(after).toBe(before);
    });

    it('applies a command sent twice with the same clientCommandId once', async () => {
      const host = await open('chair@demo.local');
      expectOk(await host.join(meeting.id));
      const clientCommandId = randomUUID();
      const first = await host.ok(meeting.id, { type: 'timer:start', clientCommandId });
      const again = await host.ok(meeting.id, { type: 'timer:start', clientCommandId });
      expect(again).toBe(first);
      // the same id twice at once (a retry racing its original) is applied once too
      const twinId = randomUUID();
      const twins = await Promise.all([host.ok(meeting.id, { type: 'timer:extend', ms: 5_000, clientCommandId: twinId }), host.ok(meeting.id, { type: 'timer:extend', ms: 5_000, clientCommandId: twinId })]);
      expect(twins[0]).toBe(twins[1]);
      const rows: Array<{ client_command_id: string; n: number }> = await t.ds.query(
        `SELECT client_command_id, count(*)::int AS n FROM live_events WHERE meeting_id = $1 AND client_command_id = ANY($2::uuid[]) GROUP BY 1`,
        [meeting.id, [clientCommandId, twinId]],
      );
      expect(rows.map((r) => r.n)).toEqual([1, 1]);
      await host.waitForVersion(twins[0]);
      expect(host.state!.timer?.durationMs).toBe(5 * 60_000 + 5_000);
    });

  });

  it('lets a member leave the room: no more events, presence without them', async () => {
    const meeting = await liveMeeting(t.ds, { hostEmail: 'chair@demo.local', invitees: ['member33@demo.local'] });
    const m33Id = await userId(t.ds, 'member33@demo.local');
    const host = await liveClient(t, 'chair@demo.local');
    const m33 = await liveClient(t, 'member33@demo.local');
    try {
      expectOk(await host.join(meeting.id, { mode: 'room' }));
      expectOk(await m33.join(meeting.id, { mode: 'room' }));
      await host.waitFor('m33 present', () => host.presence.at(-1)?.presence.some((p) => p.userId === m33Id) ?? false);
      expect(host.presence.at(-1)).toMatchObject({ meetingId: meeting.id, count: 2 });
      expect(await m33.request('live:leave', { meetingId: meeting.id })).toEqual({ data: { left: true } });
      await host.ok(meeting.id, { type: 'session:open' });
      await host.waitFor('presence without m33', () => host.presence.at(-1)?.count === 1);
      expect(m33.received).toEqual([]);
      expect(codeOf(await m33.send(meeting.id, { type: 'queue:raise-hand', mode: 'room' }))).toBe('FORBIDDEN');
      // a disconnect counts as leaving too
      expectOk(await m33.join(meeting.id, { mode: 'room' }));
      await host.waitFor('m33 back', () => host.presence.at(-1)?.count === 2);
      m33.close();
      await host.waitFor('m33 gone', () => host.presence.at(-1)?.count === 1);
    } finally {
      host.close();
      m33.close();
    }
  });

  it('rebuilds the not-yet-started queue when the arranged speeches change, and tells clients to resync', async () => {
    const meeting = await liveMeeting(t.ds, { hostEmail: null, invitees: ['member31@demo.local', 'member32@demo.local'], speakers: ['member31@demo.local'] });
    const chair = await liveClient(t, 'chair@demo.local'); // no host named: any chair hosts
    try {
      const j = expectOk(await chair.join(meeting.id, { mode: 'room' }));
      expect(j.you.isHost).toBe(true);
      expect(chair.state!.entries).toHaveLength(1);
      await oralSpeech(t.ds, meeting.id, await userId(t.ds, 'member32@demo.local'), 2);
      // the first command starts from the meeting as it is now, and the room hears live:reset first
      const v = await chair.ok(meeting.id, { type: 'session:open' });
      expect(v).toBe(1);
      await chair.waitFor('reset', () => chair.resets === 1);
      const sync = expectOk(await chair.sync(meeting.id, 0));
      expect(sync.kind).toBe('snapshot');
      expect(chair.state!.entries.map((e) => e.kind)).toEqual(['arranged', 'arranged']);
      expect(chair.state!.version).toBe(1);
    } finally {
      chair.close();
    }
  });
});
