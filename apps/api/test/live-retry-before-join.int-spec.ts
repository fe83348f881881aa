import { randomUUID } from 'node:crypto';
import { codeOf, expectOk, LiveTestClient } from './support/live-clients';
import { liveMeeting } from './support/live-fixtures';
import { createTestApp, TestApp } from './support/test-app';

jest.setTimeout(90_000);

/*
 * Found by the kill -9 fault suite: after a reconnect, socket.io sends what it buffered — and the web app's
 * live client resends a command whose ack was lost, with the same clientCommandId — before the app has joined
 * the meeting again. That retry used to be answered FORBIDDEN (not joined) although the command was stored and
 * applied: a false refusal. A stored command is now answered with its version on any connection of the user who
 * sent it, from the instance's recent events or, after a restart, from PostgreSQL. Anything else still needs a join.
 */
describe('live: a command retried before the (re)join', () => {
  let first: TestApp | undefined;
  let second: TestApp | undefined;
  const clients: LiveTestClient[] = [];
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await second?.close();
    await first?.close().catch(() => undefined);
  });

  async function connect(app: TestApp, cookie: string, name: string): Promise<LiveTestClient> {
    const c = await new LiveTestClient(name, cookie).connect(app.url);
    clients.push(c);
    return c;
  }

  it('is answered with the version it got, once, and only to the user who sent it', async () => {
    first = await createTestApp({ demo: true });
    const meeting = await liveMeeting(first.ds, { hostEmail: 'chair@demo.local', invitees: ['member01@demo.local'] });
    const hostCookie = (await first.as('chair@demo.local')).cookieHeader;
    const memberCookie = (await first.as('member01@demo.local')).cookieHeader;
    const host = await connect(first, hostCookie, 'host');
    expectOk(await host.join(meeting.id, { mode: 'room' }));
    const openId = randomUUID();
    const handId = randomUUID();
    await host.ok(meeting.id, { type: 'session:open', clientCommandId: openId });
    const hand = await host.ok(meeting.id, { type: 'queue:raise-hand', mode: 'room', clientCommandId: handId });
    const [{ state }] = await first.ds.query(`SELECT state FROM live_sessions WHERE meeting_id = $1`, [meeting.id]);
    const entryId: string = state.entries.find((e: { kind: string }) => e.kind === 'hand').id;
    const withdrawId = randomUUID();
    const withdrawn = await host.ok(meeting.id, { type: 'queue:withdraw', entryId, clientCommandId: withdrawId });

    // a new connection of the same user, not joined: the retry is answered from the recent events
    const reconnected = await connect(first, hostCookie, 'host, reconnected');
    expect(expectOk(await reconnected.send(meeting.id, { type: 'queue:raise-hand', mode: 'room', clientCommandId: handId })).version).toBe(hand);
    // a command never stored still needs a join; so does someone else's id
    expect(codeOf(await reconnected.send(meeting.id, { type: 'timer:start' }))).toBe('FORBIDDEN');
    const member = await connect(first, memberCookie, 'member');
    expect(codeOf(await member.send(meeting.id, { type: 'queue:raise-hand', mode: 'room', clientCommandId: handId }))).toBe('FORBIDDEN');

    // after a restart (no recent events in memory) the answer comes from PostgreSQL
    await first.close();
    second = await createTestApp({ env: { DATABASE_URL: first.databaseUrl } });
    const afterRestart = await connect(second, hostCookie, 'host, after the restart');
    expect(expectOk(await afterRestart.send(meeting.id, { type: 'session:open', clientCommandId: openId })).version).toBe(1);
    expect(expectOk(await afterRestart.send(meeting.id, { type: 'queue:raise-hand', mode: 'room', clientCommandId: handId })).version).toBe(hand);
    // joined again, the retry goes through the command lane: applying it again would be refused (the hand is
    // withdrawn already) and that refusal is not the answer — it was stored, so its version is (kill -9 fault suite)
    expectOk(await afterRestart.join(meeting.id, { mode: 'room' }));
    expect(expectOk(await afterRestart.send(meeting.id, { type: 'queue:withdraw', entryId, clientCommandId: withdrawId })).version).toBe(withdrawn);
    expect(codeOf(await afterRestart.send(meeting.id, { type: 'queue:withdraw', entryId }))).toBe('INVALID_TRANSITION');

    const events: Array<{ version: number; client_command_id: string }> = await second.ds.query(
      `SELECT version, client_command_id FROM live_events WHERE meeting_id = $1 ORDER BY version`,
      [meeting.id],
    );
    expect(events).toEqual([
      { version: 1, client_command_id: openId },
      { version: hand, client_command_id: handId },
      { version: withdrawn, client_command_id: withdrawId },
    ]);
  });
});
