import { TestClient } from '../../apps/api/test/support/test-client';
import { CollabTestClient, createDocument } from '../../apps/api/test/support/collab-clients';
import { liveMeeting } from '../../apps/api/test/support/live-fixtures';
import { nodeLiveClient, sqlClient, startPostgres, startServer, until, sleep, type NodeLiveClient, type PostgresHandle, type ServerHandle } from './support/cluster';
import { percentile, recordFault } from './support/fault-report';
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
  type SentCommand,
} from './support/outage-support';

/*
 * PostgreSQL stopped for 10 s under one api, then started again, twice. Meanwhile a host and members keep
 * sending live commands, a member keeps writing over REST, and three editors keep typing. Every answer during
 * the outage must be a coded refusal (never a false ack), /api/health must say the database is down and say it
 * quickly, collab updates must stay pending. After the restart the api recovers by itself (no restart of the
 * api): health 200, commands ack, editors flush, live clients hold the stored state; PostgreSQL holds every
 * acknowledged command and update and none of the refused ones.
 */

const OUTAGE_MS = 10_000;
const CYCLES = 2;
const MEMBERS = ['member01@demo.local', 'member02@demo.local', 'member03@demo.local'];
/** opens the meeting on a phone while the database is down: it must come online by itself afterwards */
const LATE = 'member04@demo.local';
/** what the api may answer while its database is away: coded, 5xx, "nothing was saved" */
const OUTAGE_CODES = new Set(['DB_UNAVAILABLE']);

interface RestAnswer {
  route: string;
  status: number;
  code: string | undefined;
  title?: string;
}

describe('PostgreSQL outage under a live session and collab editors', () => {
  let pg: PostgresHandle;
  let api: ServerHandle | undefined;
  const live: NodeLiveClient[] = [];
  const typists: Typist[] = [];

  beforeAll(async () => {
    pg = await startPostgres();
    api = await startServer({ DATABASE_URL: pg.url, SEED_DEMO: 'true' });
  });

  afterAll(async () => {
    for (const c of live) c.close();
    for (const t of typists) {
      t.stop();
      t.c.close();
    }
    await api?.stop('SIGKILL');
    await pg?.start().catch(() => undefined); // a failed cycle may have left it stopped; stop() below needs it up to end cleanly
    await pg?.stop();
  });

  it('refuses with coded errors while the database is away, never acks falsely, and recovers by itself (2 cycles)', async () => {
    const url = api!.url;
    const { db, ds } = await sqlClient(pg.url);
    const meeting = await liveMeeting(ds, { hostEmail: 'chair@demo.local', invitees: [...MEMBERS, LATE] });
    const documentId = await createDocument(db);
    await db.end();

    const chair = await new TestClient(url).login('chair@demo.local');
    const members = await Promise.all(MEMBERS.map((e) => new TestClient(url).login(e)));
    const admin = await new TestClient(url).login('admin@demo.local');
    const late = await new TestClient(url).login(LATE);
    let latePhone: NodeLiveClient | undefined;
    let lateEditor: Typist | undefined;

    const host = nodeLiveClient(url, chair.cookieHeader, meeting.id, 'room');
    live.push(host, ...members.map((m) => nodeLiveClient(url, m.cookieHeader, meeting.id, 'room')));
    await until('live clients joined', () => live.every((c) => c.store.replica.state !== null), 15_000);
    for (let i = 0; i < 3; i++) typists.push(new Typist(new CollabTestClient(`e${i}`, url, admin.cookieHeader, documentId)));
    await Promise.all(typists.map((t) => t.c.synced()));

    const commands: SentCommand[] = [];
    const send = async (c: NodeLiveClient, input: Parameters<typeof liveCommand>[2]) => {
      const sent = await liveCommand(c.socket, meeting.id, input);
      commands.push(sent);
      return sent;
    };
    const open = await send(host, { type: 'session:open' });
    expect(open.ack).toHaveProperty('data');

    let toggle = false;
    const hostCommand = () => send(host, { type: 'settings:update', firstTimeFirst: (toggle = !toggle) });
    let topicSeq = 0;
    const proposeTopic = async (tag: string): Promise<RestAnswer> => {
      const title = `停库期间议题 ${tag}-${topicSeq++}`;
      const res = await members[0].post('/api/topics', {
        title,
        summary: `${title}：现状、问题与对策。`,
        rationale: '群众反映强烈，适合开展专题协商。',
        category: 'consultation',
        policyArea: 'livelihood',
      });
      return { route: 'POST /api/topics', status: res.status, code: res.body?.error?.code, title };
    };
    const replyInvitation = async (): Promise<RestAnswer> => {
      const res = await members[1].post(`/api/meetings/${meeting.id}/invitation`, { action: 'accept' });
      return { route: 'POST /api/meetings/:id/invitation', status: res.status, code: res.body?.error?.code };
    };

    // before any outage the routes work
    const storedTopics = [await proposeTopic('before')];
    expect(storedTopics[0].status).toBe(200);
    expect((await replyInvitation()).status).toBe(200);

    const healthDownMs: number[] = [];
    const outageCommands: SentCommand[] = [];
    const outageRest: RestAnswer[] = [];
    const recovery = { healthMs: [] as number[], commandMs: [] as number[], flushMs: [] as number[], resyncMs: [] as number[] };
    let outageTokens = 0;
    let lateJoinMs = -1;

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      // a clean start: everything typed so far is durable, every replica is at the stored version
      await Promise.all(typists.map((t) => t.c.flushed(15_000)));
      typists.forEach((t, i) => t.start(200 + i * 37));
      await sleep(600);

      await pg.stop();
      const stoppedAt = Date.now();
      if (cycle === 0) {
        // a phone and an editor connect while the database is down (opened the page, or their network came
        // back): they cannot be authenticated now, and must come online by themselves afterwards
        latePhone = nodeLiveClient(url, late.cookieHeader, meeting.id, 'room');
        lateEditor = new Typist(new CollabTestClient('late', url, admin.cookieHeader, documentId));
        live.push(latePhone);
        typists.push(lateEditor);
        lateEditor.start(250);
      }
      // nothing typed from here on can be committed until PostgreSQL is back
      const typedBeforeStop = typists.map((t) => t.tokens.length);
      const versionsAtStop = live.map((c) => c.version);

      while (Date.now() - stoppedAt < OUTAGE_MS) {
        const tick = Date.now();
        const member = live[1 + ((outageCommands.length / 2) % MEMBERS.length)];
        const [health, hostCmd, memberCmd, topic, reply] = await Promise.all([
          (async () => {
            const t0 = Date.now();
            const res = await fetch(`${url}/api/health`);
            return { status: res.status, body: (await res.json()) as { db?: string }, ms: Date.now() - t0 };
          })(),
          hostCommand(),
          send(member, { type: 'queue:raise-hand', mode: 'room' }),
          proposeTopic(`c${cycle}`),
          replyInvitation(),
        ]);
        expect({ status: health.status, db: health.body.db }).toEqual({ status: 503, db: 'down' });
        healthDownMs.push(health.ms);
        outageCommands.push(hostCmd, memberCmd);
        outageRest.push(topic, reply);
        // not one acknowledgement, and every refusal is coded
        expect([hostCmd, memberCmd].map((c) => ({ type: c.type, code: codeOf(c) }))).toEqual([
          { type: hostCmd.type, code: 'DB_UNAVAILABLE' },
          { type: memberCmd.type, code: 'DB_UNAVAILABLE' },
        ]);
        for (const r of [topic, reply]) expect({ route: r.route, status: r.status, coded: OUTAGE_CODES.has(r.code ?? '') }).toEqual({ route: r.route, status: 503, coded: true });
        // updates typed during the outage stay pending: nothing typed after the stop is acknowledged
        typists.forEach((t, i) => expect(t.acknowledgedCount()).toBeLessThanOrEqual(typedBeforeStop[i]));
        await sleep(Math.max(0, 500 - (Date.now() - tick)));
      }
      typists.forEach((t) => t.stop());
      // no replica moved: nothing was broadcast that was not stored
      expect(live.map((c) => c.version)).toEqual(versionsAtStop);
      outageTokens += typists.reduce((n, t, i) => n + t.tokens.length - typedBeforeStop[i], 0);
      typists.forEach((t, i) => expect(t.acknowledgedCount()).toBeLessThanOrEqual(typedBeforeStop[i]));

      await pg.start();
      const restartedAt = Date.now();
      // the api recovers by itself: the same process, no restart
      recovery.healthMs.push(
        await timeUntil('health 200 again', async () => (await fetch(`${url}/api/health`)).status === 200, 15_000, 100),
      );
      recovery.commandMs.push(await timeUntil('a live command acks again', async () => acked(await hostCommand()), 15_000, 100));
      recovery.flushMs.push(
        await timeUntil('editors flushed what they typed meanwhile', () => typists.every((t) => t.c.provider.status.synced && t.c.provider.status.pending === 0), 20_000),
      );
      if (cycle === 0) {
        await until('the phone and the editor that connected during the outage are online', () => latePhone!.store.replica.state !== null && lateEditor!.c.provider.status.synced, 15_000);
        lateJoinMs = Date.now() - restartedAt;
      }
      const stored = await withDb(pg.url, (c) => storedSession(c, meeting.id));
      recovery.resyncMs.push(
        await timeUntil('live clients hold the stored version', () => live.every((c) => c.version >= stored.version), 15_000),
      );
    }

    // members' commands ack again too, and a last host command reaches everyone
    for (const m of live.slice(1)) {
      const hand = await send(m, { type: 'queue:raise-hand', mode: 'room' });
      expect(hand.ack).toHaveProperty('data');
    }
    storedTopics.push(await proposeTopic('after'));
    expect(storedTopics[1].status).toBe(200);
    const last = await hostCommand();
    expect(last.ack).toHaveProperty('data');
    await until('everyone at the last version', () => live.every((c) => c.version === (last.ack as { data: { version: number } }).data.version), 10_000);

    // ---- what PostgreSQL holds ----
    const ids = commands.filter((c) => codeOf(c) !== 'NO_ANSWER').map((c) => c.id);
    const check = await withDb(pg.url, async (c) => ({
      counts: await storedCommandCounts(c, meeting.id, ids),
      session: await storedSession(c, meeting.id),
      text: await storedText(c, documentId),
      topics: (await c.query<{ title: string }>(`SELECT title FROM topics WHERE title LIKE '停库期间议题%'`)).rows.map((r) => r.title),
      events: (await c.query<{ n: string }>(`SELECT count(*) AS n FROM live_events WHERE meeting_id = $1`, [meeting.id])).rows[0].n,
    }));
    const ackedCommands = commands.filter(acked);
    const refusedCommands = commands.filter((c) => codeOf(c) !== undefined && codeOf(c) !== 'NO_ANSWER');
    const lostCommands = ackedCommands.filter((c) => check.counts.get(c.id) !== 1);
    const falseAcks = refusedCommands.filter((c) => (check.counts.get(c.id) ?? 0) > 0);
    expect(lostCommands.map((c) => c.id)).toEqual([]);
    expect(falseAcks.map((c) => ({ id: c.id, code: codeOf(c) }))).toEqual([]);
    expect(Number(check.events)).toBe(check.session.version);
    for (const c of live) expect(c.store.replica.state).toEqual(check.session.state);

    const tokens = typists.flatMap((t) => t.tokens);
    const missingTokens = tokens.filter((t) => occurrences(check.text, t) === 0);
    const doubledTokens = tokens.filter((t) => occurrences(check.text, t) > 1);
    expect(missingTokens).toEqual([]);
    expect(doubledTokens).toEqual([]);
    for (const t of typists) expect(t.c.toString()).toBe(check.text);

    // REST: what was answered 200 is stored, what was refused is not
    expect(storedTopics.filter((r) => !check.topics.includes(r.title!)).map((r) => r.title)).toEqual([]);
    const refusedTopics = outageRest.filter((r) => r.title);
    expect(refusedTopics.filter((r) => check.topics.includes(r.title!)).map((r) => r.title)).toEqual([]);

    const codes: Record<string, number> = {};
    for (const c of [...outageCommands.map(codeOf), ...outageRest.map((r) => r.code)]) codes[c ?? 'none'] = (codes[c ?? 'none'] ?? 0) + 1;
    recordFault('postgres-outage', {
      fault: `PostgreSQL stopped ${OUTAGE_MS / 1000} s and restarted under one api (live session: host + ${MEMBERS.length} members; 3 editors; REST writes; a phone and an editor connecting mid-outage)`,
      cycles: CYCLES,
      checked: {
        ackedLiveCommands: ackedCommands.length,
        refusedLiveCommandsDuringOutage: outageCommands.length,
        refusedRestWritesDuringOutage: outageRest.length,
        docTokens: tokens.length,
        docTokensTypedDuringOutage: outageTokens,
        healthChecksDuringOutage: healthDownMs.length,
      },
      lost: lostCommands.length + missingTokens.length,
      duplicated: doubledTokens.length + ackedCommands.filter((c) => (check.counts.get(c.id) ?? 0) > 1).length,
      metrics: {
        falseAcks: falseAcks.length,
        healthDownP50Ms: percentile(healthDownMs, 50),
        healthDownMaxMs: Math.max(...healthDownMs),
        recoveryHealthMaxMs: Math.max(...recovery.healthMs),
        recoveryCommandMaxMs: Math.max(...recovery.commandMs),
        recoveryEditorsFlushedMaxMs: Math.max(...recovery.flushMs),
        recoveryLiveResyncMaxMs: Math.max(...recovery.resyncMs),
        connectedDuringOutageOnlineAfterMs: lateJoinMs,
      },
      notes: `answers during the outage: ${JSON.stringify(codes)}; the api process was never restarted`,
    });
  });
});
