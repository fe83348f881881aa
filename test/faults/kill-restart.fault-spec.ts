import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { Client } from 'pg';
import type { LiveEvent, LiveState } from '@xieshang/contracts';
import { applyEvent } from '@xieshang/domain';
import { CollabTestClient, createDocument } from '../../apps/api/test/support/collab-clients';
import { occurrences, storedText, Typist } from '../../apps/api/test/support/collab-typing';
import { liveMeeting } from '../../apps/api/test/support/live-fixtures';
import type { LiveCommandInput, LiveJoinMode } from '../../apps/web/src/features/live/session/liveClient';
import { cookieFor, freePort, nodeLiveClient, sleep, sqlClient, startPostgres, startServer, until, type NodeLiveClient, type PostgresHandle, type ServerHandle } from './support/cluster';
import { percentile, recordFault } from './support/fault-report';

/*
 * Issue 7, first fault: kill -9 the api mid-session, ten times, while the meeting's host drives the speaking
 * queue (members raising and withdrawing hands through the web app's own live client) and ten editors type into
 * one document through the real collab provider.
 *
 * Right after each kill — before anything could be resent — PostgreSQL must hold every live command that was
 * acknowledged (by its clientCommandId, with the acknowledged version), no refused command, contiguous versions,
 * a stored state equal to the replay of the stored events, and every acknowledged document token. Then the api
 * restarts on the same port and the SAME client objects must reconnect and resync by themselves: every live
 * replica equal to the stored state at the stored version, every editor flushed, all texts equal to the stored
 * text, every token typed (also during the outage) in it exactly once.
 *
 * PostgreSQL is the test's own process (startPostgres), so killing the api never touches the database.
 */

const CYCLES = 10;
const MEMBERS = 10;
const EDITORS = 10;
/** activity before the kill: 1–1.5 s */
const ACTIVE_MS = 1_000;
/** editors keep typing this long into the dead api (pending, resent after the restart) */
const OUTAGE_TYPING_MS = 300;
const RESYNC_DEADLINE_MS = 45_000;

const memberEmail = (i: number) => `member${String(i + 1).padStart(2, '0')}@demo.local`;
const norm = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** One live command as sent: acknowledged with a version, refused with a code, or still unanswered. */
interface Outcome {
  id: string;
  type: string;
  by: string;
  version?: number;
  code?: string;
  sentAt: number;
  answeredAt?: number;
}

/**
 * The web app's live client (LiveClient + LiveStore + jittered reconnection, as nodeLiveClient builds it),
 * constructed here with its `newId` option so every command's clientCommandId is known, acked or not.
 */
class TrackedLiveClient {
  private readonly live: NodeLiveClient;
  readonly outcomes: Outcome[] = [];
  private lastId = '';

  constructor(
    readonly name: string,
    baseUrl: string,
    cookie: string,
    meetingId: string,
    mode: LiveJoinMode,
  ) {
    this.live = nodeLiveClient(baseUrl, cookie, meetingId, mode, { newId: () => (this.lastId = randomUUID()) });
  }

  get socket() {
    return this.live.socket;
  }

  get store() {
    return this.live.store;
  }

  get client() {
    return this.live.client;
  }

  get state(): LiveState | null {
    return this.store.replica.state;
  }

  get userId(): string | undefined {
    return this.store.getSnapshot().you?.userId;
  }

  /** Send through LiveClient (which retries a lost ack with the same id) and record the outcome. */
  send(input: LiveCommandInput): Promise<void> {
    const pending = this.client.send(input);
    // LiveClient draws the id synchronously when send() starts
    const o: Outcome = { id: this.lastId, type: input.type, by: this.name, sentAt: Date.now() };
    this.outcomes.push(o);
    return pending.then((ack) => {
      o.answeredAt = Date.now();
      if ('data' in ack) o.version = ack.data.version;
      else o.code = ack.error.code;
    });
  }

  close(): void {
    this.live.close();
  }
}

/** Resolves after `ms`, or when `p` settles first (and then leaves no timer behind). */
async function within(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p.catch(() => undefined), new Promise((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}

const countBy = (xs: readonly string[]) => xs.reduce<Record<string, number>>((n, x) => ({ ...n, [x]: (n[x] ?? 0) + 1 }), {});


/** The speaking queue's invariants: one speaker at most, one called-or-speaking at most, no duplicate ids. */
function queueViolations(s: LiveState): string[] {
  const out: string[] = [];
  const ids = s.entries.map((e) => e.id);
  if (new Set(ids).size !== ids.length) out.push('duplicate entry ids');
  if (new Set(s.order).size !== s.order.length) out.push('duplicate ids in order');
  const speaking = s.entries.filter((e) => e.status === 'speaking').length;
  if (speaking > 1) out.push(`${speaking} speakers`);
  const active = s.entries.filter((e) => e.status === 'speaking' || e.status === 'called').length;
  if (active > 1) out.push(`${active} called or speaking`);
  for (const id of s.order) {
    const e = s.entries.find((x) => x.id === id);
    if (!e || (e.status !== 'queued' && e.status !== 'called')) out.push(`order holds ${id} (${e?.status ?? 'missing'})`);
  }
  return out;
}

describe('fault: kill -9 the api mid-session, 10 cycles', () => {
  let pg: PostgresHandle | undefined;
  let db: Client;
  let server: ServerHandle | undefined;
  const dataDirs: string[] = [];
  const live: TrackedLiveClient[] = [];
  const typists: Typist[] = [];
  const loops: Array<Promise<void>> = [];
  const sends: Array<Promise<void>> = [];
  let active = false;
  let done = false;

  afterAll(async () => {
    done = true;
    active = false;
    for (const t of typists) {
      t.stop();
      t.c.close();
    }
    live.forEach((c) => c.close());
    await within(Promise.allSettled(loops), 5_000);
    await server?.stop();
    if (db) await within(db.end(), 5_000);
    await pg?.stop();
    for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
  });

  async function boot(env: Record<string, string>): Promise<ServerHandle> {
    const s = await startServer(env);
    dataDirs.push(s.dataDir);
    return s;
  }

  /** Run `step` while `active`, until `done`; a send that hangs (api dead) does not stall the actor for long. */
  function actor(step: () => Promise<void> | undefined, pauseMs: () => number): void {
    const run = async () => {
      while (!done) {
        if (!active) {
          await sleep(20);
          continue;
        }
        const sent = step();
        if (sent) {
          sends.push(sent);
          await within(sent, 1_000);
        }
        await sleep(pauseMs());
      }
    };
    loops.push(run());
  }

  it('every acknowledged queue command and document update survives; nothing applied twice; clients resync by themselves', async () => {
    pg = await startPostgres();
    const env = { DATABASE_URL: pg.url, PORT: String(await freePort()) };
    server = await boot({ ...env, SEED_DEMO: 'true' });
    const baseUrl = server.url;
    const sql = await sqlClient(pg.url);
    db = sql.db;
    const ds = sql.ds;
    const q = async <T>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];

    // ---- the meeting, the document, the people ----
    const members = Array.from({ length: MEMBERS }, (_, i) => memberEmail(i));
    const meeting = await liveMeeting(ds, { hostEmail: 'chair@demo.local', invitees: members });
    const documentId = await createDocument(db, { members: Object.fromEntries(members.slice(0, EDITORS).map((e) => [e, 'editor' as const])) });
    const cookies = new Map<string, string>();
    for (const email of ['chair@demo.local', ...members]) cookies.set(email, await cookieFor(baseUrl, email));

    const host = new TrackedLiveClient('host', baseUrl, cookies.get('chair@demo.local')!, meeting.id, 'room');
    const people = members.map((e, i) => new TrackedLiveClient(e.split('@')[0], baseUrl, cookies.get(e)!, meeting.id, i % 2 === 0 ? 'room' : 'remote'));
    live.push(host, ...people);
    await until('every live client joined', () => live.every((c) => c.state !== null && c.userId !== undefined), 20_000);
    // the version-0 state every stored event log is replayed from
    const initial = norm(host.state!);
    expect(initial.version).toBe(0);
    await host.send({ type: 'session:open' });
    expect(host.outcomes[0].version).toBe(1);

    for (const [i, email] of members.slice(0, EDITORS).entries()) {
      typists.push(new Typist(new CollabTestClient(`e${i}`, baseUrl, cookies.get(email)!, documentId)));
    }
    await Promise.all(typists.map((t) => t.c.synced()));

    // ---- the actors: the host drives the floor from what its screen shows; members raise and withdraw hands ----
    actor(
      () => {
        const s = host.state;
        if (!s || s.status !== 'live') return undefined;
        const speaking = s.entries.find((e) => e.status === 'speaking');
        const called = s.entries.find((e) => e.status === 'called');
        const r = Math.random();
        if (called) return host.send({ type: 'queue:start-speaking', entryId: called.id });
        if (speaking) {
          if (r < 0.3) return host.send({ type: 'timer:extend', ms: 5_000 });
          if (r < 0.4 && s.timer) return host.send({ type: s.timer.pausedAt === undefined ? 'timer:pause' : 'timer:resume' });
          if (r < 0.5) return host.send({ type: 'queue:call-next', finishCurrent: true });
          return host.send({ type: 'queue:finish', entryId: speaking.id });
        }
        if (s.order.length > 0) return host.send({ type: 'queue:call-next' });
        return host.send(s.timer ? { type: 'timer:stop' } : { type: 'timer:start' });
      },
      () => 10 + Math.random() * 30,
    );
    for (const m of people) {
      actor(
        () => {
          const s = m.state;
          if (!s || s.status !== 'live') return undefined;
          const mine = s.entries.find((e) => e.memberId === m.userId && e.kind === 'hand' && ['queued', 'called', 'speaking'].includes(e.status));
          if (!mine) return m.send({ type: 'queue:raise-hand', mode: 'room' });
          if (mine.status === 'queued' && Math.random() < 0.15) return m.send({ type: 'queue:withdraw', entryId: mine.id });
          return undefined;
        },
        () => 80 + Math.random() * 220,
      );
    }

    const outcomes = () => live.flatMap((c) => c.outcomes);
    const stored = async () => {
      const rows = await q<{ version: number; client_command_id: string; event: LiveEvent }>(
        `SELECT version, client_command_id, event FROM live_events WHERE meeting_id = $1 ORDER BY version`,
        [meeting.id],
      );
      const [session] = await q<{ version: number; state: LiveState }>(`SELECT version, state FROM live_sessions WHERE meeting_id = $1`, [meeting.id]);
      return { rows, session, byId: new Map(rows.map((r) => [r.client_command_id, r.version])) };
    };

    let lost = 0;
    let duplicated = 0;
    let refusedButStored = 0;
    let ackedQueueAtKills = 0;
    let ackedDocAtKills = 0;
    const resyncMs: number[] = [];
    const bootMs: number[] = [];
    /** [kill, restart] times of each cycle */
    const outages: Array<[number, number]> = [];

    /** PostgreSQL as the kill left it: every ack there, no refusal, contiguous versions, state = replay. */
    async function checkStoredAfterKill(cycle: number): Promise<void> {
      const acked = outcomes().filter((o) => o.version !== undefined);
      const refused = outcomes().filter((o) => o.code !== undefined && o.code !== 'NETWORK');
      const ackedTokens = typists.flatMap((t) => t.acknowledged());
      const { rows, session, byId } = await stored();

      const missing = acked.filter((o) => byId.get(o.id) !== o.version);
      const wronglyStored = refused.filter((o) => byId.has(o.id));
      lost += missing.length;
      refusedButStored += wronglyStored.length;
      expect({ cycle, missing }).toEqual({ cycle, missing: [] });
      expect({ cycle, wronglyStored }).toEqual({ cycle, wronglyStored: [] });

      const versions = rows.map((r) => r.version);
      expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
      expect(new Set(rows.map((r) => r.client_command_id)).size).toBe(rows.length);
      expect(session.version).toBe(versions.at(-1));
      // replaying the stored log from version 0 gives the stored state: nothing applied twice or skipped
      let replayed = initial;
      for (const r of rows) {
        const next = applyEvent(replayed, r.event);
        if (next.error) throw new Error(`cycle ${cycle}: stored event v${r.version} ${r.event.command.type} does not replay: ${next.error.code}`);
        replayed = next.state;
      }
      expect(norm(replayed)).toEqual(norm(session.state));
      expect(queueViolations(session.state)).toEqual([]);

      const text = await storedText(db, documentId);
      const missingTokens = ackedTokens.filter((t) => !text.includes(t));
      lost += missingTokens.length;
      expect({ cycle, missingTokens }).toEqual({ cycle, missingTokens: [] });
      ackedQueueAtKills += acked.length;
      ackedDocAtKills += ackedTokens.length;
    }

    /** Every client caught up with PostgreSQL by itself: same version and state, editors flushed and equal. */
    async function resynced(): Promise<boolean> {
      if (!live.every((c) => c.store.getSnapshot().connection === 'online')) return false;
      if (!typists.every((t) => t.c.provider.status.synced && t.c.provider.status.pending === 0)) return false;
      const text0 = typists[0].c.toString();
      if (!typists.every((t) => t.c.toString() === text0)) return false;
      const [session] = await q<{ version: number; state: LiveState }>(`SELECT version, state FROM live_sessions WHERE meeting_id = $1`, [meeting.id]);
      const dbState = norm(session.state);
      if (!live.every((c) => c.store.replica.version === session.version && isDeepStrictEqual(norm(c.state), dbState))) return false;
      return (await storedText(db, documentId)) === text0;
    }

    // ---- the cycles ----
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      active = true;
      typists.forEach((t, i) => t.start(30 + i * 4));
      await sleep(ACTIVE_MS + Math.random() * 500);

      const killAt = Date.now();
      await server.stop('SIGKILL');
      // a killed handle never stops again (its exit already happened): afterAll must not wait for it
      server = undefined;
      active = false;
      await checkStoredAfterKill(cycle);

      // typing goes on into the dead api; those updates stay pending and are resent after the restart
      await sleep(OUTAGE_TYPING_MS);
      typists.forEach((t) => t.stop());

      const restartAt = Date.now();
      outages.push([killAt, restartAt]);
      server = await boot(env);
      bootMs.push(Date.now() - restartAt);
      await until(`cycle ${cycle}: every client resynced`, resynced, RESYNC_DEADLINE_MS, 50);
      resyncMs.push(Date.now() - restartAt);

      for (const c of live) expect({ cycle, client: c.name, violations: queueViolations(c.state!) }).toEqual({ cycle, client: c.name, violations: [] });
    }

    // ---- the end: every command answered (retries of lost acks included), then the final reckoning ----
    done = true;
    await Promise.all(loops);
    await Promise.all(sends);
    const all = outcomes();
    expect(all.filter((o) => o.version === undefined && o.code === undefined)).toEqual([]);
    await until('every client resynced after the last answers', resynced, RESYNC_DEADLINE_MS, 50);

    const { rows, session, byId } = await stored();
    const acked = all.filter((o) => o.version !== undefined);
    const refused = all.filter((o) => o.code !== undefined && o.code !== 'NETWORK');
    const missing = acked.filter((o) => byId.get(o.id) !== o.version);
    const wronglyStored = refused.filter((o) => byId.has(o.id));
    lost += missing.length;
    refusedButStored += wronglyStored.length;
    expect(missing).toEqual([]);
    expect(wronglyStored).toEqual([]);
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    expect(session.version).toBe(rows.length);
    // an acked command is stored once: two acks of one id share one version, no two ids share one
    expect(new Set(acked.map((o) => o.id)).size).toBe(acked.length);
    const dupVersions = acked.length - new Set(acked.map((o) => o.version)).size;
    duplicated += dupVersions;
    expect(dupVersions).toBe(0);
    expect(queueViolations(session.state)).toEqual([]);
    for (const c of live) expect(norm(c.state)).toEqual(norm(session.state));

    const finalText = await storedText(db, documentId);
    for (const t of typists) expect(t.c.toString()).toBe(finalText);
    const tokens = typists.flatMap((t) => t.tokens);
    const absent = tokens.filter((t) => occurrences(finalText, t) === 0);
    const twice = tokens.filter((t) => occurrences(finalText, t) > 1);
    lost += absent.length;
    duplicated += twice.length;
    expect(absent).toEqual([]);
    expect(twice).toEqual([]);
    // every token was typed once: the text is exactly the tokens, nothing else
    expect(finalText.length).toBe(tokens.reduce((n, t) => n + t.length, 0));

    // the run did what it claims: real traffic on both channels in every cycle, commands in flight at kills
    expect(ackedQueueAtKills).toBeGreaterThan(CYCLES * 10);
    expect(ackedDocAtKills).toBeGreaterThan(CYCLES * EDITORS);
    expect(acked.length).toBeGreaterThan(CYCLES * 10);
    const network = all.filter((o) => o.code === 'NETWORK').length;
    // sent before a kill and answered only after the restart: the lost-ack retries (same id) and buffered sends
    const inFlightAtKills = all.filter((o) => outages.some(([kill, restart]) => o.sentAt < kill && o.answeredAt! > restart));

    recordFault('kill-9-mid-session', {
      fault: 'kill -9 the api while a host drives the queue and 10 editors type',
      cycles: CYCLES,
      checked: { ackedQueueCommands: acked.length, ackedDocUpdates: tokens.length, liveClients: live.length, editors: typists.length },
      lost,
      duplicated,
      metrics: {
        resyncP50Ms: percentile(resyncMs, 50),
        resyncMaxMs: Math.max(...resyncMs),
        bootP50Ms: percentile(bootMs, 50),
        refusedQueueCommands: refused.length,
        networkErrors: network,
        inFlightAtKills: inFlightAtKills.length,
        inFlightAtKillsAcked: inFlightAtKills.filter((o) => o.version !== undefined).length,
        storedEvents: rows.length,
      },
      notes:
        `checked after each kill (before any resend): ${ackedQueueAtKills} acked queue commands, ${ackedDocAtKills} acked doc tokens (cumulative); ` +
        `refusals (none stored): ${JSON.stringify(countBy(refused.map((o) => o.code!)))}; refused commands stored: ${refusedButStored}`,
    });
  });
});
