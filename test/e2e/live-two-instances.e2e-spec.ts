import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { Client } from 'pg';
import { expectOk, LiveTestClient } from '../../apps/api/test/support/live-clients';
import { TestClient } from '../../apps/api/test/support/test-client';
import { startRedis, stopProcess } from './support/redis-server';
import { freePort, startServer, type ServerHandle } from './support/server';

jest.setTimeout(120_000);

/*
 * Two api processes sharing one PostgreSQL, connected by a real redis-server through the socket.io
 * Redis adapter: a host on instance A and members on instance B see the same versions. Redis starts
 * after the apis (down at boot) and is stopped and restarted mid-session (down later): neither stops them.
 */

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('live sessions on two api instances with Redis', () => {
  let db: Client;
  let redisPort: number;
  let redis: ChildProcess | undefined;
  let a: ServerHandle;
  let b: ServerHandle;
  const clients: LiveTestClient[] = [];
  let meetingId: string;

  beforeAll(async () => {
    redisPort = await freePort();
    const pgPort = await freePort();
    const REDIS_URL = `redis://127.0.0.1:${redisPort}`;
    // Redis is not running yet: both instances must still boot and serve. Instance A runs the embedded
    // PostgreSQL (seeded with the demo); instance B uses the same database through DATABASE_URL.
    a = await startServer({ EMBEDDED_PG_PORT: String(pgPort), SEED_DEMO: 'true', REDIS_URL });
    const databaseUrl = `postgres://xieshang:xieshang@127.0.0.1:${pgPort}/xieshang`;
    b = await startServer({ DATABASE_URL: databaseUrl, REDIS_URL });
    redis = await startRedis(redisPort);

    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const q = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows;
    const [type] = await q(`SELECT id FROM meeting_types ORDER BY sort_order LIMIT 1`);
    const [chair] = await q(`SELECT id FROM users WHERE email = 'chair@demo.local'`);
    const agenda = [{ id: randomUUID(), title: '交流发言', kind: 'arranged_speeches' }];
    const [m] = await q(
      `INSERT INTO meetings (type_id, title, state, starts_at, ends_at, host_id, agenda, mode)
       VALUES ($1, '跨实例协商会', 'materials_sent', now() + interval '5 minutes', now() + interval '2 hours', $2, $3, 'hybrid') RETURNING id`,
      [type.id, chair.id, JSON.stringify(agenda)],
    );
    meetingId = m.id;
    await q(
      `INSERT INTO meeting_invitations (meeting_id, user_id) SELECT $1, id FROM users WHERE email = ANY($2::text[])`,
      [meetingId, ['member01', 'member02', 'member03', 'member04', 'member05', 'member06'].map((u) => `${u}@demo.local`)],
    );
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await db?.end().catch(() => undefined);
    // B first: A owns the embedded PostgreSQL
    await b?.stop();
    await a?.stop();
    await stopProcess(redis);
    for (const s of [a, b]) if (s) fs.rmSync(s.dataDir, { recursive: true, force: true });
  });

  async function client(server: ServerHandle, email: string): Promise<LiveTestClient> {
    const http = await new TestClient(server.url).login(email);
    const c = await new LiveTestClient(`${email.split('@')[0]}@${server === a ? 'A' : 'B'}`, http.cookieHeader).connect(server.url);
    clients.push(c);
    return c;
  }

  it('a host on instance A and members on instance B see the same versions, and survive Redis going away', async () => {
    const host = await client(a, 'chair@demo.local');
    const onA = await client(a, 'member01@demo.local');
    const onB = await Promise.all(['member02', 'member03', 'member04', 'member05', 'member06'].map((u) => client(b, `${u}@demo.local`)));
    const everyone = [host, onA, ...onB];
    const userIdOf = new Map<LiveTestClient, string>();
    for (const c of everyone) userIdOf.set(c, expectOk(await c.join(meetingId, { mode: 'room' })).you.userId);

    // presence is computed with fetchSockets across both instances: the host sees all seven people
    await until('presence across instances', () => host.presence.at(-1)?.count === 7);

    const open = await host.ok(meetingId, { type: 'session:open' });
    await Promise.all(everyone.map((c) => c.waitForVersion(open)));

    // members on B raise hands; the host on A runs the queue; everyone sees each version
    const hands = await Promise.all(onB.map((c) => c.ok(meetingId, { type: 'queue:raise-hand', mode: 'room' })));
    await host.waitForVersion(Math.max(...hands));
    // the ack can come before the event: wait for the version before reading the replica
    await host.waitForVersion(await host.ok(meetingId, { type: 'queue:call-next' }));
    const called = host.state!.entries.find((e) => e.status === 'called')!;
    await host.ok(meetingId, { type: 'queue:start-speaking', entryId: called.id });
    let last = await host.ok(meetingId, { type: 'queue:finish', entryId: called.id });
    await Promise.all(everyone.map((c) => c.waitForVersion(last)));
    for (const c of everyone) expect(c.state).toEqual(host.state);
    for (const c of everyone) expect(c.received.map((e) => e.version)).toEqual(Array.from({ length: last }, (_, i) => i + 1));

    // Redis stops: both instances keep serving; commands on either are still committed and acknowledged,
    // and reach the clients of the instance that applied them
    await stopProcess(redis);
    redis = undefined;
    last = await host.ok(meetingId, { type: 'timer:start' });
    await onA.waitForVersion(last);
    const withdrawer = onB.find((c) => c.state!.entries.some((e) => e.memberId === userIdOf.get(c) && e.status === 'queued'))!;
    const own = withdrawer.state!.entries.find((e) => e.memberId === userIdOf.get(withdrawer) && e.status === 'queued')!;
    last = await withdrawer.ok(meetingId, { type: 'queue:withdraw', entryId: own.id });
    const health = await Promise.all([a, b].map((s) => fetch(`${s.url}/api/health`).then((r) => r.status)));
    expect(health).toEqual([200, 200]);

    // Redis comes back on the same port: the adapters reconnect; clients fill the gap with live:sync
    redis = await startRedis(redisPort);
    await until(
      'cross-instance delivery after Redis restarted',
      async () => {
        const probe = await host.ok(meetingId, { type: 'timer:extend', ms: 1_000 });
        await new Promise((r) => setTimeout(r, 300));
        return onB.every((c) => c.received.some((e) => e.version === probe));
      },
      30_000,
    );
    for (const c of everyone) await c.sync(meetingId);
    last = await host.ok(meetingId, { type: 'session:end' });
    await Promise.all(everyone.map((c) => c.waitForVersion(last)));
    const [{ state, version }] = (await db.query(`SELECT state, version FROM live_sessions WHERE meeting_id = $1`, [meetingId])).rows;
    expect(version).toBe(last);
    for (const c of everyone) {
      expect(c.divergences).toEqual([]);
      expect(c.state).toEqual(state);
    }
    const events = (await db.query(`SELECT version FROM live_events WHERE meeting_id = $1 ORDER BY version`, [meetingId])).rows.map((r) => r.version);
    expect(events).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    const [{ state: meetingState }] = (await db.query(`SELECT state FROM meetings WHERE id = $1`, [meetingId])).rows;
    expect(meetingState).toBe('minutes');
  });
});
