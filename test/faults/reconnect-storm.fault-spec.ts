import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import type { LiveCommandInput } from '../../apps/web/src/features/live/session/liveClient';
import { cookieFor, freePort, nodeLiveClient, sleep, sqlClient, startPostgres, startServer, until, type NodeLiveClient, type PostgresHandle, type ServerHandle } from './support/cluster';
import { percentile, recordFault } from './support/fault-report';
import { benchSeed, StormFleets, webAppReconnection, type ClientSummary } from './support/storm-fleets';

jest.setTimeout(240_000);

/*
 * Reconnect storm (issue 7): 2,000 members follow a live meeting from two client fleets (child processes,
 * 1,000 clients each, so this process stays free to measure). The api is killed with SIGKILL and started
 * again on the same port: every connection drops at once and comes back with the web app's jittered backoff,
 * rejoining with its last version. Meanwhile /api/health is probed every ~20 ms from here, and the host
 * sends commands as soon as it is back. Checked against PostgreSQL afterwards: every client applied exactly
 * the stored events, in order, up to live_sessions.version. Health latency is recorded, not asserted (the
 * target, p99 ≤ 200 ms, is a figure for faults.json, not a timed assert on a shared 2-core machine).
 */

const CLIENTS = 2_000;
const FLEETS = 2;
const CYCLES = 2;
/** first joins in flight at once, per fleet (filling the hall before the drop is not what is measured) */
const JOIN_CONCURRENCY = 50;
const PROBE_EVERY_MS = 20;
const HEALTH_P99_TARGET_MS = 200;
/** the host's commands: timer controls, always valid while the session is live (as in bench/live/bench.js) */
const HOST_COMMANDS: LiveCommandInput[] = [{ type: 'timer:start' }, { type: 'timer:pause' }, { type: 'timer:resume' }, { type: 'timer:extend', ms: 30_000 }, { type: 'timer:stop' }];

const now = () => performance.timeOrigin + performance.now();

interface HealthProbes {
  /** latencies of the probes after the restarted api first answered */
  latencies: number[];
  /** probes after that first answer that failed (an error, a timeout or not 200) */
  failures: number;
  /** probes before it: the api still booting, not counted */
  booting: number;
  firstAnswerAt: number;
}

/** Sequential /api/health probes, ~every 20 ms, from the first answer of the restarted api until `done()`. */
async function probeHealth(url: string, done: () => boolean): Promise<HealthProbes> {
  const p: HealthProbes = { latencies: [], failures: 0, booting: 0, firstAnswerAt: 0 };
  while (!done()) {
    const t0 = now();
    let ok = false;
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      ok = res.ok;
    } catch {
      ok = false;
    }
    const ms = now() - t0;
    if (!p.firstAnswerAt && !ok) p.booting++;
    else {
      p.firstAnswerAt ||= t0;
      if (ok) p.latencies.push(ms);
      else p.failures++;
    }
    await sleep(Math.max(1, PROBE_EVERY_MS - ms));
  }
  return p;
}

async function serverVersion(db: Client, meetingId: string): Promise<number> {
  return (await db.query<{ version: number }>(`SELECT version FROM live_sessions WHERE meeting_id = $1`, [meetingId])).rows[0].version;
}

/** The stored events, clientCommandId by version (index 0 = version 1). */
async function storedEvents(db: Client, meetingId: string): Promise<{ versions: number[]; ids: string[] }> {
  const rows = (await db.query<{ version: number; id: string }>(`SELECT version, client_command_id AS id FROM live_events WHERE meeting_id = $1 ORDER BY version`, [meetingId])).rows;
  return { versions: rows.map((r) => r.version), ids: rows.map((r) => r.id) };
}

/** A client resynced when it is connected, at the server's version, and applied exactly the stored events since its snapshot. */
function resynced(c: ClientSummary, version: number, ids: string[]): boolean {
  const expected = ids.slice(c.base, version);
  return c.connected && c.error === null && c.held === 0 && c.version === version && c.trail.length === expected.length && c.trail.every((id, i) => id === expected[i]);
}

describe('reconnect storm: 2,000 live clients dropped at once', () => {
  let pg: PostgresHandle | undefined;
  let api: ServerHandle | undefined;
  let db: Client | undefined;
  let fleets: StormFleets | undefined;
  let host: NodeLiveClient | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-storm-'));
  let env: Record<string, string>;

  beforeAll(async () => {
    if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o777);
    fleets = new StormFleets(FLEETS);
    pg = await startPostgres();
    env = { DATABASE_URL: pg.url, PORT: String(await freePort()), DATA_DIR: dataDir };
    api = await startServer({ ...env, SEED_DEMO: 'true' });
    ({ db } = await sqlClient(pg.url));
    await fleets.ready();
  });

  afterAll(async () => {
    host?.close();
    await fleets?.exit();
    await api?.stop('SIGKILL');
    await db?.end().catch(() => undefined);
    await pg?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('every client rejoins with its version and resyncs; health answers throughout', async () => {
    const members = await benchSeed.seedMembers(db!, CLIENTS);
    const meetingId = await benchSeed.seedMeeting(db!, members.ids);
    host = nodeLiveClient(api!.url, await cookieFor(api!.url, 'chair@demo.local'), meetingId, 'room');
    const h = host;
    const connection = () => h.store.getSnapshot().connection;
    await until('host joined', () => connection() === 'online' && h.version >= 0);
    let sent = 0;
    const command = async () => {
      const ack = await h.client.send(HOST_COMMANDS[sent++ % HOST_COMMANDS.length]);
      if ('error' in ack) throw new Error(`host command refused: ${JSON.stringify(ack.error)}`);
      return ack.data.version;
    };
    expect('error' in (await h.client.send({ type: 'session:open' }))).toBe(false);

    const reconnection = webAppReconnection();
    const opened = await fleets!.open({ url: `${api!.url}/live`, meetingId, reconnection, concurrency: JOIN_CONCURRENCY }, members.cookies);
    expect(opened).toEqual({ joined: CLIENTS, errors: 0 });
    await command();
    await command();
    const before = await serverVersion(db!, meetingId);
    await until('every client has the commands before the drop', async () => (await fleets!.status(before)).atVersion === CLIENTS, 30_000, 200);

    const storms: { health: HealthProbes; allRejoinedMs: number; rejoinMs: number[]; bootMs: number; acks: number[] }[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      await fleets!.mark();
      await api!.stop('SIGKILL');
      const killedAt = now();
      let allRejoined = false;
      const restarted = startServer(env);
      const probing = probeHealth(api!.url, () => allRejoined);
      const watching = (async () => {
        await until('every client rejoined', async () => (await fleets!.status(-1)).rejoined === CLIENTS, 90_000, 100);
        allRejoined = true;
      })();
      // the host is back like everyone else (its own reconnection), then drives the session
      const driving = (async () => {
        await until('host saw the drop', () => connection() !== 'online', 10_000, 5);
        await until('host rejoined', () => connection() === 'online', 60_000, 20);
        const acks: number[] = [];
        for (let i = 0; i < 4; i++) acks.push(await command());
        return acks;
      })();
      try {
        api = await restarted;
        await watching;
      } finally {
        allRejoined = true;
      }
      const health = await probing;
      const acks = await driving;
      const rejoinMs = (await fleets!.report()).map((c) => c.rejoinedAt - killedAt);
      storms.push({ health, acks, rejoinMs, allRejoinedMs: Math.max(...rejoinMs), bootMs: health.firstAnswerAt - killedAt });
      // the acknowledged commands are stored and the version moved on by exactly them
      expect(acks).toEqual(acks.map((_, i) => acks[0] + i));
      expect(await serverVersion(db!, meetingId)).toBe(acks.at(-1));
      const version = acks.at(-1)!;
      await until('every client caught up with the host', async () => (await fleets!.status(version)).atVersion === CLIENTS, 30_000, 200);
    }

    // ---- checked against PostgreSQL ----
    const version = await serverVersion(db!, meetingId);
    const stored = await storedEvents(db!, meetingId);
    expect(stored.versions).toEqual(Array.from({ length: version }, (_, i) => i + 1));
    expect(host.version).toBe(version);
    const clients = await fleets!.report();
    expect(clients).toHaveLength(CLIENTS);
    const notResynced = clients.filter((c) => !resynced(c, version, stored.ids));
    const appliedTwice = clients.reduce((n, c) => n + c.trail.length - new Set(c.trail).size, 0);
    const endedWithError = clients.filter((c) => c.error !== null);
    expect(notResynced.slice(0, 3)).toEqual([]);
    expect(appliedTwice).toBe(0);
    expect(endedWithError).toEqual([]);
    for (const s of storms) expect(s.health.failures).toBe(0);
    // the drop really happened to everyone: each client lost its connection and joined again, at least once a cycle
    expect(clients.filter((c) => c.disconnects < CYCLES || c.joins < CYCLES + 1)).toEqual([]);

    const latencies = storms.flatMap((s) => s.health.latencies);
    const r = (x: number) => Math.round(x * 10) / 10;
    const sumOf = (f: (c: ClientSummary) => number) => clients.reduce((n, c) => n + f(c), 0);
    // recorded in faults.json (the README's figures)
    const metrics = {
      healthP50Ms: r(percentile(latencies, 50)),
      healthP99Ms: r(percentile(latencies, 99)),
      healthMaxMs: r(Math.max(...latencies)),
      healthP99TargetMs: HEALTH_P99_TARGET_MS,
      healthProbes: latencies.length,
      healthFailures: storms.reduce((n, s) => n + s.health.failures, 0),
      apiBootMs: Math.round(Math.max(...storms.map((s) => s.bootMs))),
      rejoinP50Ms: Math.round(percentile(storms.flatMap((s) => s.rejoinMs), 50)),
      allRejoinedMs: Math.round(Math.max(...storms.map((s) => s.allRejoinedMs))),
      eventsFromCatchUp: sumOf((c) => c.caughtUp),
      rejoinSnapshots: sumOf((c) => c.snapshots - 1),
    };
    // printed only: how the storm went
    const diagnostics = {
      healthP95Ms: r(percentile(latencies, 95)),
      gapsFilled: sumOf((c) => c.gaps),
      extraDrops: sumOf((c) => c.disconnects) - CLIENTS * CYCLES,
      failedConnectAttempts: sumOf((c) => c.connectErrors),
      joinTimeouts: sumOf((c) => c.joinTimeouts),
    };
    const rows: [string, string | number][] = [
      ['clients dropped at once', CLIENTS],
      ['resynced (version = live_sessions.version, events = live_events)', clients.length - notResynced.length],
      ['health probes during the storm (failed)', `${metrics.healthProbes} (${metrics.healthFailures})`],
      ['health p50 / p95 / p99 / max', `${metrics.healthP50Ms} / ${diagnostics.healthP95Ms} / ${metrics.healthP99Ms} / ${metrics.healthMaxMs} ms`],
      ['health p99 target', `≤ ${HEALTH_P99_TARGET_MS} ms: ${metrics.healthP99Ms <= HEALTH_P99_TARGET_MS ? 'met' : 'NOT met'}`],
      ['kill → api answers again (per storm)', storms.map((s) => `${Math.round(s.bootMs)} ms`).join(', ')],
      ['kill → client rejoined p50 / p95 / all (per storm)', storms.map((s) => [50, 95, 100].map((p) => Math.round(percentile(s.rejoinMs, p))).join(' / ') + ' ms').join(', ')],
      ['failed connection attempts / joins without an answer in 8 s', `${diagnostics.failedConnectAttempts} / ${diagnostics.joinTimeouts}`],
      ['missed events received in join answers', metrics.eventsFromCatchUp],
      ['gaps filled with live:sync / snapshots on rejoin', `${diagnostics.gapsFilled} / ${metrics.rejoinSnapshots}`],
      ['connections dropped again during the storm', diagnostics.extraDrops],
    ];
    const w = Math.max(...rows.map(([k]) => k.length));
    console.log('\n' + rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n') + '\n');

    recordFault('reconnect-storm', {
      fault: '2,000 live clients dropped at once (kill -9 + restart)',
      cycles: CYCLES,
      checked: { clients: CLIENTS, resynced: clients.length - notResynced.length },
      lost: notResynced.length,
      duplicated: appliedTwice,
      metrics,
      notes: `health probed every ~${PROBE_EVERY_MS} ms from the first answer of the restarted api until every client rejoined; target p99 ≤ ${HEALTH_P99_TARGET_MS} ms (recorded, not asserted)`,
    });
  });
});
