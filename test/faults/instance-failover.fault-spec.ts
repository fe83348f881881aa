import type { ChildProcess } from 'node:child_process';
import { TestClient } from '../../apps/api/test/support/test-client';
import { CollabTestClient, createDocument } from '../../apps/api/test/support/collab-clients';
import { liveMeeting } from '../../apps/api/test/support/live-fixtures';
import { startRedis, stopProcess } from '../e2e/support/redis-server';
import { freePort, nodeLiveClient, sqlClient, startPostgres, startServer, until, sleep, type NodeLiveClient, type PostgresHandle, type ServerHandle } from './support/cluster';
import { recordFault } from './support/fault-report';
import { startNginx, type NginxHandle } from './support/nginx';
import {
  acked,
  codeOf,
  liveCommand,
  occurrences,
  storedCommandCounts,
  storedSession,
  storedText,
  timeUntil,
  Typist,
  withDb,
  type CommandInput,
  type SentCommand,
} from './support/outage-support';

/*
 * Two api instances on one PostgreSQL, joined by Redis, behind nginx running OUR docker/nginx.conf.
 * 1. Everyone connects through nginx (ip_hash: all of them land on one instance). That instance is killed
 *    with SIGKILL: nginx sends the reconnects to the other; live clients and editors resync within 10 s
 *    (the deadline); every command acknowledged before the kill is in PostgreSQL; new commands ack
 *    and reach everyone.
 * 2. The killed instance is back; a host straight on A, members straight on B, editors on both. Redis is
 *    stopped and started again on the same port: broadcasts between the instances resume, and nothing
 *    acknowledged is lost.
 */

const RESYNC_DEADLINE_MS = 10_000;
const MEMBERS = ['member01@demo.local', 'member02@demo.local', 'member03@demo.local', 'member04@demo.local'];

describe('instance failover behind nginx, and a Redis restart', () => {
  let pg: PostgresHandle;
  let redisPort: number;
  let redis: ChildProcess | undefined;
  const servers: Record<'A' | 'B', { env: Record<string, string>; handle?: ServerHandle }> = { A: { env: {} }, B: { env: {} } };
  let nginx: NginxHandle | undefined;
  const live: NodeLiveClient[] = [];
  const typists: Typist[] = [];

  beforeAll(async () => {
    pg = await startPostgres();
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    const REDIS_URL = `redis://127.0.0.1:${redisPort}`;
    servers.A.env = { DATABASE_URL: pg.url, REDIS_URL, PORT: String(await freePort()) };
    servers.B.env = { DATABASE_URL: pg.url, REDIS_URL, PORT: String(await freePort()) };
    // A migrates and seeds; B then starts on the same database
    servers.A.handle = await startServer({ ...servers.A.env, SEED_DEMO: 'true' });
    servers.B.handle = await startServer(servers.B.env);
    nginx = await startNginx([`127.0.0.1:${servers.A.env.PORT}`, `127.0.0.1:${servers.B.env.PORT}`]);
  });

  afterAll(async () => {
    for (const c of live) c.close();
    for (const t of typists) {
      t.stop();
      t.c.close();
    }
    await nginx?.stop();
    await Promise.all([servers.A.handle?.stop('SIGKILL'), servers.B.handle?.stop('SIGKILL')]);
    await stopProcess(redis);
    await pg?.stop();
  });

  it('kill -9 the instance behind nginx that serves everyone; then restart Redis under clients on both instances', async () => {
    const { db, ds } = await sqlClient(pg.url);
    const meeting = await liveMeeting(ds, { hostEmail: 'chair@demo.local', invitees: MEMBERS });
    const documentId = await createDocument(db);
    await db.end();

    // logins and clients all go through nginx
    const chair = await new TestClient(nginx!.url).login('chair@demo.local');
    const members = await Promise.all(MEMBERS.map((e) => new TestClient(nginx!.url).login(e)));
    const admin = await new TestClient(nginx!.url).login('admin@demo.local');

    const commands: SentCommand[] = [];
    const send = async (c: NodeLiveClient, input: CommandInput) => {
      const sent = await liveCommand(c.socket, meeting.id, input);
      commands.push(sent);
      return sent;
    };
    const versionOf = (c: SentCommand) => ('data' in c.ack ? c.ack.data.version : -1);
    const mustAck = async (c: NodeLiveClient, input: CommandInput) => {
      const sent = await send(c, input);
      if (!acked(sent)) throw new Error(`${input.type} refused: ${JSON.stringify(sent.ack)}`);
      return versionOf(sent);
    };
    let toggle = false;
    const hostSetting = (host: NodeLiveClient) => mustAck(host, { type: 'settings:update', firstTimeFirst: (toggle = !toggle) });

    // ---- 1. failover ----
    const host = nodeLiveClient(nginx!.url, chair.cookieHeader, meeting.id, 'room');
    const viaNginx = [host, ...members.map((m) => nodeLiveClient(nginx!.url, m.cookieHeader, meeting.id, 'room'))];
    live.push(...viaNginx);
    const editors = [0, 1, 2].map((i) => new Typist(new CollabTestClient(`n${i}`, nginx!.url, admin.cookieHeader, documentId)));
    typists.push(...editors);
    await until('live clients joined through nginx', () => viaNginx.every((c) => c.store.replica.state !== null), 15_000);
    await Promise.all(editors.map((t) => t.c.synced()));

    const serving = await nginx!.upstreamOf();
    const victim = serving.endsWith(`:${servers.A.env.PORT}`) ? 'A' : serving.endsWith(`:${servers.B.env.PORT}`) ? 'B' : null;
    if (!victim) throw new Error(`nginx answered from ${serving || 'nowhere'}, neither A nor B`);
    const survivor = victim === 'A' ? 'B' : 'A';

    await mustAck(host, { type: 'session:open' });
    for (const m of viaNginx.slice(1)) await mustAck(m, { type: 'queue:raise-hand', mode: 'room' });
    let v = await mustAck(host, { type: 'queue:call-next' });
    await until('everyone at the call', () => viaNginx.every((c) => c.version >= v), 10_000);
    editors.forEach((t, i) => t.start(60 + i * 17));
    // the host keeps working through the kill: a command in flight then gets no answer (neither counted as
    // acknowledged nor refused), later ones wait in the socket's buffer and go to the survivor
    let driving = true;
    const driver = (async () => {
      while (driving) {
        await send(host, { type: 'settings:update', firstTimeFirst: (toggle = !toggle) });
        await sleep(80);
      }
    })();
    await sleep(800);

    // every client must really lose its connection and come back (not just stay on a socket that survived)
    const dropped = new Set<unknown>();
    for (const c of viaNginx) c.socket.once('disconnect', () => dropped.add(c));
    for (const t of editors) t.c.socket.once('disconnect', () => dropped.add(t));
    await servers[victim].handle!.stop('SIGKILL');
    const killedAt = Date.now();
    // a killed handle is done with (its stop() would wait for an exit that already happened)
    servers[victim].handle = undefined;
    const tokensAckedAtKill = editors.flatMap((t) => t.acknowledged());
    const ackedBeforeKill = commands.filter(acked);
    // before anyone could resend anything: PostgreSQL already holds every acknowledgement
    const atKill = await withDb(pg.url, async (c) => ({
      counts: await storedCommandCounts(c, meeting.id, ackedBeforeKill.map((x) => x.id)),
      text: await storedText(c, documentId),
      session: await storedSession(c, meeting.id),
    }));
    const lostAtKill = ackedBeforeKill.filter((x) => atKill.counts.get(x.id) !== 1).length + tokensAckedAtKill.filter((t) => !atKill.text.includes(t)).length;
    expect(lostAtKill).toBe(0);

    // clients reconnect through nginx to the survivor and resync by themselves; the deadline counts from the kill
    await timeUntil(
      'live clients back online at the stored version',
      () => viaNginx.every((c) => dropped.has(c) && c.store.getSnapshot().connection === 'online' && c.version >= atKill.session.version),
      RESYNC_DEADLINE_MS + 5_000,
    );
    const liveResyncMs = Date.now() - killedAt;
    await timeUntil('editors synced again', () => editors.every((t) => dropped.has(t) && t.c.provider.status.synced), RESYNC_DEADLINE_MS + 5_000);
    const editorsResyncMs = Date.now() - killedAt;
    expect({ liveResyncMs: liveResyncMs <= RESYNC_DEADLINE_MS, editorsResyncMs: editorsResyncMs <= RESYNC_DEADLINE_MS }).toEqual({ liveResyncMs: true, editorsResyncMs: true });
    expect(await nginx!.upstreamOf()).toContain(`:${servers[survivor].env.PORT}`);
    driving = false;
    await driver;
    const unanswered = commands.filter((c) => codeOf(c) === 'NO_ANSWER').length;

    // new commands ack and reach everyone
    await hostSetting(host);
    const called = host.store.replica.state?.entries.find((e) => e.status === 'called');
    if (!called) throw new Error('the called speaker is missing after the failover');
    await mustAck(host, { type: 'queue:start-speaking', entryId: called.id });
    v = await mustAck(host, { type: 'queue:finish', entryId: called.id });
    await until('a new command reached everyone', () => viaNginx.every((c) => c.version >= v), 10_000);
    editors.forEach((t) => t.stop());
    const flushMs = await timeUntil('editors flushed', () => editors.every((t) => t.c.provider.status.pending === 0), 15_000);

    // ---- 2. Redis restart with clients on both instances ----
    servers[victim].handle = await startServer(servers[victim].env);
    const onA = nodeLiveClient(servers.A.handle!.url, chair.cookieHeader, meeting.id, 'room');
    const onB = members.slice(0, 2).map((m) => nodeLiveClient(servers.B.handle!.url, m.cookieHeader, meeting.id, 'room'));
    live.push(onA, ...onB);
    const editorA = new Typist(new CollabTestClient('a', servers.A.handle!.url, admin.cookieHeader, documentId));
    const editorB = new Typist(new CollabTestClient('b', servers.B.handle!.url, admin.cookieHeader, documentId));
    typists.push(editorA, editorB);
    await until('direct clients joined', () => [onA, ...onB].every((c) => c.store.replica.state !== null), 15_000);
    await Promise.all([editorA, editorB].map((t) => t.c.synced()));
    // broadcasts cross instances before the restart
    v = await hostSetting(onA);
    await until('A → B before the restart', () => onB.every((c) => c.version >= v), 10_000);

    await stopProcess(redis);
    redis = undefined;
    const redisDownAt = Date.now();
    // commands still commit and ack on either instance while Redis is away
    const duringRedisDown: SentCommand[] = [];
    for (let i = 0; i < 5; i++) {
      duringRedisDown.push(await send(onA, { type: 'settings:update', firstTimeFirst: (toggle = !toggle) }));
      editorA.type();
      editorB.type();
      await sleep(400);
    }
    expect(duringRedisDown.filter((c) => !acked(c)).map((c) => codeOf(c))).toEqual([]);
    // whether B's members missed those broadcasts (they should: nothing carries them without Redis)
    const bMissedWhileDown = onB.every((c) => c.version < versionOf(duringRedisDown.at(-1)!));

    redis = await startRedis(redisPort);
    const redisBackAt = Date.now();
    // a command from the host on A reaches members on B by broadcast again (not only by a later sync)
    let broadcastMs = -1;
    await until(
      'cross-instance broadcast after Redis restarted',
      async () => {
        const probe = await hostSetting(onA);
        await sleep(300);
        const arrived = onB.every((c) => c.version >= probe);
        if (arrived) broadcastMs = Date.now() - redisBackAt;
        return arrived;
      },
      30_000,
      0,
    );
    // editors on both instances converge again
    editorA.type();
    editorB.type();
    await timeUntil('editors on A and B flushed', () => [editorA, editorB].every((t) => t.c.provider.status.pending === 0), 15_000);
    v = await hostSetting(onA);
    await until('every live client at the last version', () => live.every((c) => c.version >= v), 15_000);
    await until('every editor holds the same text', () => typists.every((t) => t.c.toString() === typists[0].c.toString()), 15_000);

    // ---- what PostgreSQL holds ----
    const ackedCommands = commands.filter(acked);
    const final = await withDb(pg.url, async (c) => ({
      counts: await storedCommandCounts(c, meeting.id, commands.map((x) => x.id)),
      session: await storedSession(c, meeting.id),
      text: await storedText(c, documentId),
      events: Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM live_events WHERE meeting_id = $1`, [meeting.id])).rows[0].n),
    }));
    const lostCommands = ackedCommands.filter((x) => (final.counts.get(x.id) ?? 0) === 0).length;
    // any command, answered or not, is applied at most once
    const doubledCommands = commands.filter((x) => (final.counts.get(x.id) ?? 0) > 1).length;
    const tokens = typists.flatMap((t) => t.tokens);
    const missingTokens = tokens.filter((t) => occurrences(final.text, t) === 0).length;
    const doubledTokens = tokens.filter((t) => occurrences(final.text, t) > 1).length;
    expect({ lostCommands, doubledCommands, missingTokens, doubledTokens }).toEqual({ lostCommands: 0, doubledCommands: 0, missingTokens: 0, doubledTokens: 0 });
    expect(final.events).toBe(final.session.version);
    for (const c of live) expect(c.store.replica.state).toEqual(final.session.state);
    for (const t of typists) expect(t.c.toString()).toBe(final.text);

    const redisAcked = duringRedisDown.length;
    recordFault('instance-failover', {
      fault: 'kill -9 the api instance behind nginx (docker/nginx.conf, ip_hash) that serves every client; nginx fails over to the other',
      cycles: 1,
      checked: {
        ackedLiveCommandsAtKill: ackedBeforeKill.length,
        unansweredLiveCommandsAtKill: unanswered,
        ackedDocTokensAtKill: tokensAckedAtKill.length,
        liveClients: viaNginx.length,
        editors: editors.length,
      },
      lost: lostAtKill,
      duplicated: doubledCommands + doubledTokens,
      metrics: {
        liveResyncMs,
        editorsResyncMs,
        editorsFlushedAfterMs: flushMs,
        resyncDeadlineMs: RESYNC_DEADLINE_MS,
      },
      notes: `killed instance ${victim} (nginx sent 127.0.0.1 there); clients came back through nginx on ${survivor}`,
    });
    recordFault('redis-restart', {
      fault: 'redis-server stopped and started on the same port under two api instances (host on A, members and an editor on each)',
      cycles: 1,
      checked: { ackedLiveCommands: ackedCommands.length, ackedWhileRedisDown: redisAcked, docTokens: tokens.length },
      lost: lostCommands + missingTokens,
      duplicated: doubledCommands + doubledTokens,
      metrics: { crossInstanceBroadcastBackMs: broadcastMs, redisDownMs: redisBackAt - redisDownAt },
      notes: bMissedWhileDown ? 'members on B missed the broadcasts while Redis was down and caught up after' : 'members on B saw broadcasts even while Redis was down',
    });
  });
});
