import type { LiveEvent } from '@xieshang/contracts';
import { LiveScript, MEETING_ID, host, memberActor, uid } from '../test/liveFixtures';
import { LiveClient, type LiveClientEvent, type LiveTransport, type LiveTransportEvent } from './liveClient';
import { LiveStore } from './liveStore';

interface Pending {
  event: LiveClientEvent;
  payload: Record<string, unknown>;
  resolve: (ack: unknown) => void;
  reject: (e: Error) => void;
}

/** A socket at the hook boundary: the test plays the server, answering requests and broadcasting. */
class FakeTransport implements LiveTransport {
  connected = false;
  readonly requests: Pending[] = [];
  private readonly listeners = new Map<LiveTransportEvent, Set<(p?: unknown) => void>>();

  on(event: LiveTransportEvent, l: (p?: unknown) => void) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(l);
  }
  off(event: LiveTransportEvent, l: (p?: unknown) => void) {
    this.listeners.get(event)?.delete(l);
  }
  request(event: LiveClientEvent, payload: unknown) {
    return new Promise<unknown>((resolve, reject) => this.requests.push({ event, payload: payload as Record<string, unknown>, resolve, reject }));
  }
  fire(event: LiveTransportEvent, payload?: unknown) {
    for (const l of this.listeners.get(event) ?? []) l(payload);
  }
  connect() {
    this.connected = true;
    this.fire('connect');
  }
  disconnect() {
    this.connected = false;
    this.fire('disconnect');
  }
  /** the oldest unanswered request, which must be of this kind */
  take(event: LiveClientEvent): Pending {
    const i = this.requests.findIndex((r) => r.event === event);
    if (i < 0) throw new Error(`no ${event} request; got ${this.requests.map((r) => r.event).join(', ') || 'none'}`);
    return this.requests.splice(i, 1)[0];
  }
  broadcast(event: LiveEvent) {
    this.fire('live:event', { meetingId: MEETING_ID, event });
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const you = { userId: uid(11), isHost: false, canRequestFloor: true, canRespond: false, departmentId: null };
const joined = (catchUp: unknown) => ({ data: { catchUp, serverNow: Date.now(), you, presence: [], presenceCount: 1 } });

function setup(gapGraceMs = 0) {
  const script = new LiveScript();
  const a = memberActor(11, '甲');
  const b = memberActor(12, '乙');
  script.run(host, { type: 'session:open' });
  const transport = new FakeTransport();
  const store = new LiveStore(MEETING_ID);
  let n = 0;
  const client = new LiveClient(transport, store, 'remote', { newId: () => uid(0xe000 + ++n), gapGraceMs });
  client.start();
  return { script, a, b, transport, store, client };
}

async function joinWithSnapshot(t: FakeTransport, script: LiveScript) {
  t.connect();
  const join = t.take('live:join');
  join.resolve(joined({ kind: 'snapshot', snapshot: { version: script.state.version, state: structuredClone(script.state) } }));
  await flush();
  return join;
}

describe('live client catch-up', () => {
  it('joins with a snapshot, then applies broadcast events in version order with the shared reducer', async () => {
    const { script, a, b, transport, store } = setup();
    const join = await joinWithSnapshot(transport, script);
    expect(join.payload).toEqual({ meetingId: MEETING_ID, mode: 'remote' });
    expect(store.getSnapshot()).toMatchObject({ connection: 'online', you, state: script.state });

    transport.broadcast(script.raise(a));
    transport.broadcast(script.raise(b));
    transport.broadcast(script.run(host, { type: 'queue:call-next' }));

    expect(store.getSnapshot().state).toEqual(script.state);
    expect(store.getSnapshot().state?.entries.map((e) => [e.name, e.status])).toEqual([
      ['甲', 'called'],
      ['乙', 'queued'],
    ]);
    expect(transport.requests).toEqual([]);
  });

  it('ignores an event it already has, and events of other meetings', async () => {
    const { script, a, transport, store } = setup();
    await joinWithSnapshot(transport, script);
    const e = script.raise(a);
    transport.broadcast(e);
    const after = store.getSnapshot().state;
    transport.broadcast(e);
    transport.fire('live:event', { meetingId: uid(0xffff), event: script.raise(memberActor(13)) });
    expect(store.getSnapshot().state).toBe(after);
    expect(transport.requests).toEqual([]);
  });

  it('asks live:sync for the missed versions on a gap, holds later events, and applies everything in order', async () => {
    const { script, a, b, transport, store } = setup();
    await joinWithSnapshot(transport, script);
    const base = script.state.version;
    const missed = script.raise(a);
    const early = script.raise(b);
    transport.broadcast(early);
    await flush();

    const sync = transport.take('live:sync');
    expect(sync.payload).toEqual({ meetingId: MEETING_ID, sinceVersion: base });
    expect(store.getSnapshot().state?.version).toBe(base);

    // one more event arrives while the sync is under way: it waits too, no second sync
    const later = script.run(host, { type: 'queue:call-next' });
    transport.broadcast(later);
    expect(transport.requests).toEqual([]);

    sync.resolve({ data: { kind: 'events', events: [missed, early] } });
    await flush();
    expect(store.getSnapshot().state).toEqual(script.state);
    expect(store.getSnapshot().state?.version).toBe(base + 3);
    expect(transport.requests).toEqual([]);
  });

  it('waits a moment for an overtaken event before asking for a sync (two api instances)', async () => {
    const { script, a, b, transport, store } = setup(40);
    await joinWithSnapshot(transport, script);
    const first = script.raise(a);
    const second = script.raise(b);
    transport.broadcast(second);
    transport.broadcast(first);
    await new Promise((r) => setTimeout(r, 60));
    expect(transport.requests).toEqual([]);
    expect(store.getSnapshot().state).toEqual(script.state);
  });

  it('fetches the rebuilt version-0 state on live:reset, and keeps presence updates', async () => {
    const { transport, store } = setup();
    const before = new LiveScript();
    transport.connect();
    transport.take('live:join').resolve(joined({ kind: 'snapshot', snapshot: { version: 0, state: structuredClone(before.state) } }));
    await flush();

    transport.fire('live:presence', { meetingId: MEETING_ID, count: 42, presence: [] });
    expect(store.getSnapshot()).toMatchObject({ presenceCount: 42, presence: [] });

    const rebuilt = new LiveScript(['情况通报', '交流发言', '自由讨论']);
    transport.fire('live:reset', { meetingId: MEETING_ID });
    const sync = transport.take('live:sync');
    expect(sync.payload).toEqual({ meetingId: MEETING_ID, sinceVersion: 0 });
    sync.resolve({ data: { kind: 'snapshot', snapshot: { version: 0, state: structuredClone(rebuilt.state) } } });
    await flush();
    expect(store.getSnapshot().state?.agenda).toHaveLength(3);
  });

  it('rejoins with its last version after a reconnect and applies the missed events', async () => {
    const { script, a, b, transport, store } = setup();
    await joinWithSnapshot(transport, script);
    transport.broadcast(script.raise(a));
    const seen = script.state.version;

    transport.disconnect();
    expect(store.getSnapshot().connection).toBe('reconnecting');
    const missed = [script.raise(b), script.run(host, { type: 'queue:call-next' })];

    transport.connect();
    const rejoin = transport.take('live:join');
    expect(rejoin.payload).toEqual({ meetingId: MEETING_ID, mode: 'remote', sinceVersion: seen });
    rejoin.resolve(joined({ kind: 'events', events: missed }));
    await flush();
    expect(store.getSnapshot()).toMatchObject({ connection: 'online', state: script.state });
  });

  it('starts over from a snapshot when an in-order event does not apply (the replica diverged)', async () => {
    const { script, a, transport, store } = setup();
    await joinWithSnapshot(transport, script);
    const good = script.raise(a);
    // the same version, but a command this state refuses (a second hand for the same member)
    const bad: LiveEvent = { ...good, command: { ...good.command, clientCommandId: uid(0xf001) } };
    transport.broadcast(good);
    transport.broadcast({ ...bad, version: good.version + 1 });

    const rejoin = transport.take('live:join');
    expect(rejoin.payload).toEqual({ meetingId: MEETING_ID, mode: 'remote' });
    rejoin.resolve(joined({ kind: 'snapshot', snapshot: { version: script.state.version, state: structuredClone(script.state) } }));
    await flush();
    expect(store.getSnapshot().state).toEqual(script.state);
  });

  it('resends a command whose ack got lost with the same clientCommandId, and returns the ack', async () => {
    const { script, transport, client } = setup();
    await joinWithSnapshot(transport, script);
    const sent = client.send({ type: 'queue:raise-hand', mode: 'room' });
    await flush();

    const first = transport.take('live:command');
    first.reject(new Error('operation has timed out'));
    await flush();
    const second = transport.take('live:command');
    expect(second.payload).toEqual(first.payload);
    expect(first.payload).toEqual({ meetingId: MEETING_ID, command: { type: 'queue:raise-hand', mode: 'room', clientCommandId: uid(0xe001) } });

    second.resolve({ data: { version: script.state.version + 1 } });
    await expect(sent).resolves.toEqual({ data: { version: script.state.version + 1 } });
  });

  it('gives each command a fresh clientCommandId and passes a refusal through', async () => {
    const { script, transport, client } = setup();
    await joinWithSnapshot(transport, script);
    const one = client.send({ type: 'queue:close' });
    const two = client.send({ type: 'queue:close' });
    await flush();
    const [r1, r2] = [transport.take('live:command'), transport.take('live:command')];
    expect((r1.payload.command as { clientCommandId: string }).clientCommandId).not.toBe((r2.payload.command as { clientCommandId: string }).clientCommandId);
    r1.resolve({ error: { code: 'NOT_HOST', message: 'Only the host can do this' } });
    r2.resolve({ data: { version: 9 } });
    await expect(one).resolves.toEqual({ error: { code: 'NOT_HOST', message: 'Only the host can do this' } });
    await expect(two).resolves.toEqual({ data: { version: 9 } });
  });

  it('holds a command sent while reconnecting until the rejoin is answered, then sends it once', async () => {
    const { script, transport, client } = setup();
    await joinWithSnapshot(transport, script);
    transport.disconnect();
    const sent = client.send({ type: 'queue:raise-hand', mode: 'remote' });
    await flush();
    expect(transport.requests.map((r) => r.event)).toEqual([]);

    transport.connect();
    await flush();
    // the join goes first; the command waits for its answer
    expect(transport.requests.map((r) => r.event)).toEqual(['live:join']);
    transport.take('live:join').resolve(joined({ kind: 'events', events: [] }));
    await flush();
    const command = transport.take('live:command');
    command.resolve({ data: { version: script.state.version + 1 } });
    await expect(sent).resolves.toEqual({ data: { version: script.state.version + 1 } });
    expect(transport.requests).toEqual([]);
  });

  it('sends a command again after the rejoin when the server had not seen the join yet', async () => {
    const { script, transport, client } = setup();
    await joinWithSnapshot(transport, script);
    const sent = client.send({ type: 'queue:raise-hand', mode: 'remote' });
    await flush();
    const first = transport.take('live:command');
    first.resolve({ error: { code: 'FORBIDDEN', message: 'Join the meeting first', params: { reason: 'not_joined' } } });
    await flush();
    expect(transport.requests).toEqual([]);

    // the connection had been replaced: the rejoin comes, then the same command again
    transport.disconnect();
    transport.connect();
    transport.take('live:join').resolve(joined({ kind: 'events', events: [] }));
    await flush();
    const second = transport.take('live:command');
    expect(second.payload).toEqual(first.payload);
    second.resolve({ data: { version: 7 } });
    await expect(sent).resolves.toEqual({ data: { version: 7 } });
  });

  it('lets a command through to its own refusal when the join was refused', async () => {
    const { transport, client } = setup();
    transport.connect();
    transport.take('live:join').resolve({ error: { code: 'NOT_INVITED', message: 'Not invited' } });
    await flush();
    const sent = client.send({ type: 'queue:raise-hand', mode: 'remote' });
    await flush();
    transport.take('live:command').resolve({ error: { code: 'FORBIDDEN', message: 'Join the meeting first', params: { reason: 'not_joined' } } });
    await flush();
    // one more try after a rejoin that never comes would hang the button: the refusal is final here
    expect(transport.requests.map((r) => r.event)).toEqual([]);
    await expect(Promise.race([sent, new Promise((r) => setTimeout(() => r('pending'), 50))])).resolves.not.toBe('pending');
  });
});
