import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { LiveCatchUp } from '@xieshang/contracts';
import { LIVE_MAX_CATCH_UP_EVENTS } from '@xieshang/contracts';
import { expectOk, ids, LiveTestClient } from './support/live-clients';
import { liveClient, liveMeeting, type LiveMeeting } from './support/live-fixtures';
import { userIds } from './support/meeting-fixtures';
import { createTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);


async function storedEvents(t: TestApp, meetingId: string): Promise<Array<{ version: number; client_command_id: string }>> {
  return t.ds.query(`SELECT version, client_command_id FROM live_events WHERE meeting_id = $1 ORDER BY version`, [meetingId]);
}

describe('live session consistency: races, resync, failures (real app, real PostgreSQL)', () => {
  let t: TestApp;
  let meeting: LiveMeeting;
  let chair: LiveTestClient;
  let admin: LiveTestClient;
  let member: LiveTestClient;
  let memberIds: string[];

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    const invitees = Array.from({ length: 30 }, (_, i) => `member${String(i + 1).padStart(2, '0')}@demo.local`);
    memberIds = await userIds(t.ds, ...invitees);
    meeting = await liveMeeting(t.ds, { hostEmail: 'chair@demo.local', invitees });
    [chair, admin, member] = await Promise.all([liveClient(t, 'chair@demo.local'), liveClient(t, 'admin@demo.local'), liveClient(t, 'member05@demo.local')]);
    for (const c of [chair, admin, member]) expectOk(await c.join(meeting.id, { mode: 'room' }));
    await chair.ok(meeting.id, { type: 'session:open' });
  });
  afterAll(async () => {
    [chair, admin, member].forEach((c) => c?.close());
    await t?.close();
  });

  it('serializes two hosts racing 50 commands each: contiguous versions, none lost, none doubled', async () => {
    const start = (await storedEvents(t, meeting.id)).length;
    // a mix: settings (always accepted) and hands raised on members' behalf (each accepted once)
    const burst = (host: LiveTestClient, offset: number) =>
      Array.from({ length: 50 }, (_, i) =>
        i % 5 === 0
          ? host.send(meeting.id, { type: 'queue:raise-hand', mode: 'room', memberId: memberIds[(offset + i / 5) % memberIds.length] })
          : host.send(meeting.id, { type: 'settings:update', speakingLimitMs: 60_000 * (1 + ((offset + i) % 10)) }),
      );
    const acks = await Promise.all([...burst(chair, 0), ...burst(admin, 10)]);
    const versions = acks.map((a) => ('data' in a ? a.data.version : a.error.code));
    expect(versions.every((v) => typeof v === 'number')).toBe(true);
    const sorted = (versions as number[]).slice().sort((a, b) => a - b);
    expect(sorted).toEqual(Array.from({ length: 100 }, (_, i) => start + 1 + i));

    const stored = await storedEvents(t, meeting.id);
    expect(stored.map((r) => r.version)).toEqual(Array.from({ length: start + 100 }, (_, i) => i + 1));
    expect(new Set(stored.map((r) => r.client_command_id)).size).toBe(stored.length);
    // every client applied the same 100 deltas and holds the server's state
    const [{ state }] = await t.ds.query(`SELECT state FROM live_sessions WHERE meeting_id = $1`, [meeting.id]);
    for (const c of [chair, admin, member]) {
      await c.waitForVersion(start + 100);
      expect(c.divergences).toEqual([]);
      expect(c.state).toEqual(state);
    }
    expect(state.entries.filter((e: { kind: string }) => e.kind === 'hand')).toHaveLength(20);
  });

  it('sends a reconnecting client exactly the events it missed', async () => {
    const since = member.version;
    member.close();
    const missed = [];
    for (let i = 0; i < 5; i++) missed.push(await chair.ok(meeting.id, { type: 'settings:update', firstTimeFirst: i % 2 === 0 }));
    const back = await liveClient(t, 'member05@demo.local');
    try {
      back.state = member.state;
      const join = expectOk(await back.join(meeting.id, { mode: 'room', sinceVersion: since }));
      expect(join.catchUp.kind).toBe('events');
      const events = (join.catchUp as Extract<LiveCatchUp, { kind: 'events' }>).events;
      expect(events.map((e) => e.version)).toEqual(missed);
      expect(events.map((e) => e.command.type)).toEqual(Array(5).fill('settings:update'));
      expect(back.version).toBe(missed.at(-1));
      // up to date: nothing to send
      const sync = expectOk(await back.sync(meeting.id));
      expect(sync).toEqual({ kind: 'events', events: [] });
      member = back;
    } catch (e) {
      back.close();
      throw e;
    }
  });

  it('sends a snapshot to a client too far behind', async () => {
    const since = member.version;
    const n = LIVE_MAX_CATCH_UP_EVENTS + 1;
    const acks = await Promise.all(Array.from({ length: n }, (_, i) => chair.send(meeting.id, { type: 'settings:update', speakingLimitMs: 60_000 + (i % 7) * 1000 })));
    expect(acks.every((a) => 'data' in a)).toBe(true);
    const now = since + n;
    const far = expectOk(await member.request<LiveCatchUp>('live:sync', { meetingId: meeting.id, sinceVersion: since }));
    expect(far.kind).toBe('snapshot');
    expect((far as Extract<LiveCatchUp, { kind: 'snapshot' }>).snapshot.version).toBe(now);
    // one event short of the limit still gets events
    const near = expectOk(await member.request<LiveCatchUp>('live:sync', { meetingId: meeting.id, sinceVersion: now - LIVE_MAX_CATCH_UP_EVENTS }));
    expect(near.kind).toBe('events');
    expect((near as Extract<LiveCatchUp, { kind: 'events' }>).events).toHaveLength(LIVE_MAX_CATCH_UP_EVENTS);
    // a version from the future (a database restored from backup) gets a snapshot too
    const future = expectOk(await member.request<LiveCatchUp>('live:sync', { meetingId: meeting.id, sinceVersion: now + 10 }));
    expect(future.kind).toBe('snapshot');
  });

  it('answers DB_UNAVAILABLE when PostgreSQL fails mid-command, stores nothing, and applies the retry once', async () => {
    const dbName = new URL(t.databaseUrl).pathname.slice(1);
    const holder = new Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      // hold the session row so the command waits inside its transaction, then cut the api's connections
      await holder.query('BEGIN');
      const [{ version: before }] = (await holder.query(`SELECT version FROM live_sessions WHERE meeting_id = $1 FOR UPDATE`, [meeting.id])).rows;
      const [clientCommandId] = ids(1);
      const pending = chair.send(meeting.id, { type: 'timer:start', clientCommandId });
      await waitUntil(async () => {
        const r = await holder.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [dbName]);
        return r.rows[0].n > 0;
      });
      await holder.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName]);
      const ack = await pending;
      expect('error' in ack && ack.error.code).toBe('DB_UNAVAILABLE');
      await holder.query('ROLLBACK');

      const [{ version: after }] = (await holder.query(`SELECT version FROM live_sessions WHERE meeting_id = $1`, [meeting.id])).rows;
      expect(after).toBe(before);
      // the client retries with the same id: applied once, and a second retry gets the same version
      const retried = await chair.ok(meeting.id, { type: 'timer:start', clientCommandId });
      expect(retried).toBe(before + 1);
      expect(await chair.ok(meeting.id, { type: 'timer:start', clientCommandId })).toBe(retried);
      const rows = (await holder.query(`SELECT count(*)::int AS n FROM live_events WHERE meeting_id = $1 AND client_command_id = $2`, [meeting.id, clientCommandId])).rows;
      expect(rows[0].n).toBe(1);
      await chair.waitForVersion(retried);
      expect(chair.divergences).toEqual([]);
    } finally {
      await holder.end();
    }
  });

  it('answers a retry of a command applied long ago with its stored version, applying nothing', async () => {
    const [old] = await storedEvents(t, meeting.id).then((rows) => rows.filter((r) => r.version === 2));
    const [{ version: before }] = await t.ds.query(`SELECT version FROM live_sessions WHERE meeting_id = $1`, [meeting.id]);
    // not among the recent events this instance keeps: found through the unique key, then looked up
    const ack = await chair.send(meeting.id, { type: 'settings:update', firstTimeFirst: true, clientCommandId: old.client_command_id });
    expect(ack).toEqual({ data: { version: 2 } });
    const [{ version: after }] = await t.ds.query(`SELECT version FROM live_sessions WHERE meeting_id = $1`, [meeting.id]);
    expect(after).toBe(before);
    // a fresh command in the same breath still gets the next version
    expect(await chair.ok(meeting.id, { type: 'settings:update', firstTimeFirst: false })).toBe(before + 1);
  });

  it('acknowledges each command of a burst with its own version', async () => {
    const hands = await Promise.all(memberIds.slice(20, 30).map((memberId) => chair.send(meeting.id, { type: 'queue:raise-hand', mode: 'remote', memberId, clientCommandId: randomUUID() })));
    const versions = hands.map((h) => ('data' in h ? h.data.version : -1));
    expect(new Set(versions).size).toBe(10);
    expect(Math.min(...versions)).toBeGreaterThan(0);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
