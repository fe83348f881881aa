import { randomUUID } from 'node:crypto';
import { expectOk, LiveTestClient } from './support/live-clients';
import { liveMeeting } from './support/live-fixtures';
import { createTestApp, TestApp } from './support/test-app';

jest.setTimeout(90_000);

type Outcome = { id: string; version?: number; error?: string; lost?: true };

describe('live session across an api restart (same PostgreSQL)', () => {
  let first: TestApp | undefined;
  let second: TestApp | undefined;
  const clients: LiveTestClient[] = [];
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await second?.close();
    await first?.close().catch(() => undefined);
  });

  it('resumes from PostgreSQL: no acknowledged command lost, retries applied once, clients resync', async () => {
    first = await createTestApp({ demo: true });
    const meeting = await liveMeeting(first.ds, { hostEmail: 'chair@demo.local', invitees: ['member01@demo.local', 'member02@demo.local'] });
    const cookies = {
      host: (await first.as('chair@demo.local')).cookieHeader,
      member: (await first.as('member01@demo.local')).cookieHeader,
    };
    const host = await new LiveTestClient('host', cookies.host).connect(first.url);
    const member = await new LiveTestClient('member', cookies.member).connect(first.url);
    clients.push(host, member);
    for (const c of [host, member]) expectOk(await c.join(meeting.id, { mode: 'room' }));
    await host.ok(meeting.id, { type: 'session:open' });

    // the host keeps issuing commands, one after another and in small concurrent bursts, while the api stops
    const outcomes: Outcome[] = [];
    let stop = false;
    const send = async (): Promise<void> => {
      const id = randomUUID();
      try {
        const ack = await host.request<{ version: number }>('live:command', { meetingId: meeting.id, command: { type: 'settings:update', firstTimeFirst: outcomes.length % 2 === 0, clientCommandId: id } }, 2_000);
        outcomes.push('data' in ack ? { id, version: ack.data.version } : { id, error: ack.error.code });
      } catch {
        outcomes.push({ id, lost: true });
      }
    };
    const stream = (async () => {
      while (!stop) await Promise.all([send(), send(), send()]);
    })();
    while (outcomes.filter((o) => o.version).length < 60) await new Promise((r) => setTimeout(r, 5));
    await first.close();
    stop = true;
    await stream;
    const acked = outcomes.filter((o) => o.version !== undefined);
    expect(acked.length).toBeGreaterThanOrEqual(60);

    // a new instance on the same database
    second = await createTestApp({ env: { DATABASE_URL: first.databaseUrl } });
    const stored: Array<{ version: number; client_command_id: string }> = await second.ds.query(
      `SELECT version, client_command_id FROM live_events WHERE meeting_id = $1 ORDER BY version`,
      [meeting.id],
    );
    const storedById = new Map(stored.map((r) => [r.client_command_id, r.version]));
    // every acknowledged command is there, with the version it was acknowledged with
    for (const o of acked) expect(storedById.get(o.id)).toBe(o.version);
    // refusals were not stored
    for (const o of outcomes.filter((x) => x.error)) expect(storedById.has(o.id)).toBe(false);
    expect(stored.map((r) => r.version)).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));

    // the clients reconnect to the new instance with their last version and catch up
    const host2 = await new LiveTestClient('host2', cookies.host).connect(second.url);
    const member2 = await new LiveTestClient('member2', cookies.member).connect(second.url);
    clients.push(host2, member2);
    for (const [fresh, old] of [[host2, host], [member2, member]] as const) {
      fresh.state = old.state;
      const join = expectOk(await fresh.join(meeting.id, { mode: 'room', sinceVersion: old.version }));
      expect(join.catchUp.kind).toBe('events');
      expect(fresh.version).toBe(stored.length);
    }
    // commands whose answer was lost are retried with the same id: applied at most once
    for (const o of outcomes.filter((x) => x.lost || x.error)) {
      const v = await host2.ok(meeting.id, { type: 'settings:update', firstTimeFirst: true, clientCommandId: o.id });
      if (storedById.has(o.id)) expect(v).toBe(storedById.get(o.id));
    }
    const next = await host2.ok(meeting.id, { type: 'queue:raise-hand', mode: 'room' });
    await member2.waitForVersion(next);
    const [{ state, version }] = await second.ds.query(`SELECT state, version FROM live_sessions WHERE meeting_id = $1`, [meeting.id]);
    expect(version).toBe(next);
    for (const c of [host2, member2]) {
      expect(c.divergences).toEqual([]);
      expect(c.state).toEqual(state);
    }
    const dupes: Array<{ n: number }> = await second.ds.query(
      `SELECT count(*)::int - count(DISTINCT client_command_id)::int AS n FROM live_events WHERE meeting_id = $1`,
      [meeting.id],
    );
    expect(dupes[0].n).toBe(0);
  });
});
