import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { COLLAB_CLIENT_EVENTS, ERROR_REGISTRY, LIVE_CLIENT_EVENTS, type Ack } from '@xieshang/contracts';
import type { z } from 'zod';
import { unsafeTextIssues } from '../src/common/unsafe-text';
import { CollabDocStore } from '../src/modules/collab/collab-doc-store';
import { CollabTestClient, connectCollab, connected, createDocument, until, updateMessage } from './support/collab-clients';
import { CaseCounter, writeHostileSection } from './support/hostile-report';
import { LiveTestClient } from './support/live-clients';
import { liveClient, liveMeeting, type LiveMeeting } from './support/live-fixtures';
import { hostileSocketPayload, validish, type HostileSocketPayload } from './support/schema-arbitraries';
import { createTestApp, TestApp } from './support/test-app';

/*
 * Every client event of `/live` and `/collab`, fuzzed from its contract schema (fixed seed): garbage shapes,
 * binary, oversized and deeply nested payloads, prototype keys, garbage Yjs updates, missing ack callbacks.
 * Each must be answered with a coded error (or nothing, when no ack was asked for), change nothing, and
 * leave the sending connection and everyone else's working.
 */

const SEED = 7_2026;
const RUNS_PER_EVENT = 60;
const ACK_TIMEOUT_MS = 8_000;

const sample = <T>(arb: fc.Arbitrary<T>, n: number, salt: number): T[] => fc.sample(arb, { seed: SEED + salt, numRuns: n });

function refused(schema: z.ZodType, h: { payload: unknown; raw?: string }): boolean {
  // a deeply nested value sits where the schema wants an id, a number or binary: refused
  if (h.raw !== undefined) return true;
  const payload = h.payload;
  const r = schema.safeParse(payload);
  return !r.success || unsafeTextIssues(r.data, 'payload').length > 0;
}

const isCodedError = (ack: unknown): boolean => {
  const e = (ack as { error?: { code?: unknown; message?: unknown } })?.error;
  return typeof e?.code === 'string' && e.code in ERROR_REGISTRY && typeof e.message === 'string';
};

let rawAckId = 1_000_000;

/**
 * Emit a payload given as JSON text, straight on the engine.io transport (socket.io's encoder recurses
 * and cannot encode what a hostile client can send), and read the ack packet that answers it.
 */
function askRaw(socket: Socket, event: string, payloadJson: string): Promise<Ack<unknown> | 'NO_ACK'> {
  const id = rawAckId++;
  const nsp = (socket as unknown as { nsp: string }).nsp;
  const engine = socket.io.engine;
  const prefix = `3${nsp},${id}`;
  return new Promise((resolve) => {
    const onPacket = (p: { type: string; data?: unknown }) => {
      if (p.type !== 'message' || typeof p.data !== 'string' || !p.data.startsWith(prefix + '[')) return;
      clearTimeout(timer);
      engine.off('packet', onPacket);
      resolve((JSON.parse(p.data.slice(prefix.length)) as Array<Ack<unknown>>)[0]);
    };
    const timer = setTimeout(() => {
      engine.off('packet', onPacket);
      resolve('NO_ACK');
    }, ACK_TIMEOUT_MS);
    engine.on('packet', onPacket);
    engine.write(`2${nsp},${id}[${JSON.stringify(event)},${payloadJson}]`);
  });
}

function emitHostile(socket: Socket, event: string, h: HostileSocketPayload): Promise<Ack<unknown> | 'NO_ACK'> {
  return h.raw !== undefined ? askRaw(socket, event, h.raw) : ask(socket, event, h.payload);
}

const show = (h: HostileSocketPayload) => (h.raw ?? safeJson(h.payload)).slice(0, 150);
function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

async function ask(socket: Socket, event: string, payload: unknown): Promise<Ack<unknown> | 'NO_ACK'> {
  try {
    return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<unknown>;
  } catch {
    return 'NO_ACK';
  }
}

describe('hostile socket events, generated from the contract schemas (fast-check, fixed seed)', () => {
  let t: TestApp;
  const counter = new CaseCounter();
  const failures: string[] = [];
  const lost: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  }, 60_000);

  afterAll(async () => {
    await writeHostileSection('hostile-sockets', { cases: counter.cases, lost, failures, seed: SEED, runsPerEvent: RUNS_PER_EVENT });
    await t?.close();
  });

  describe('/live', () => {
    let meeting: LiveMeeting;
    let host: LiveTestClient;
    let member: LiveTestClient;
    let fuzzer: LiveTestClient;

    beforeAll(async () => {
      meeting = await liveMeeting(t.ds, { hostEmail: 'chair@demo.local', invitees: ['member01@demo.local', 'member02@demo.local'] });
      host = await liveClient(t, 'chair@demo.local');
      member = await liveClient(t, 'member01@demo.local');
      fuzzer = await liveClient(t, 'member02@demo.local');
      for (const c of [host, member, fuzzer]) expect('data' in (await c.join(meeting.id))).toBe(true);
      await host.ok(meeting.id, { type: 'session:open' });
      await member.waitForVersion(host.version);
    }, 30_000);

    afterAll(() => {
      for (const c of [host, member, fuzzer]) c?.close();
    });

    it('answers every hostile payload of every event with a coded error and applies nothing', async () => {
      const start = failures.length;
      const version = host.version;
      const eventsBefore = host.received.length;
      let salt = 0;
      for (const [event, schema] of Object.entries(LIVE_CLIENT_EVENTS)) {
        for (const h of sample(hostileSocketPayload(schema as z.ZodType), RUNS_PER_EVENT, (salt += 100))) {
          if (!refused(schema as z.ZodType, h)) continue;
          // leaving would take the fuzzer out of the room: only hostile leaves are sent, which must not leave
          const ack = await emitHostile(fuzzer.socket, event, h);
          counter.add(`live ${event}: ${h.cls}`);
          if (!isCodedError(ack)) failures.push(`live ${event} [${h.cls}] ${show(h)} → ${safeJson(ack).slice(0, 200)}`);
        }
      }
      // a hostile command for the right meeting in the right envelope, fields garbled one by one
      for (const h of sample(hostileSocketPayload(LIVE_CLIENT_EVENTS['live:command']), RUNS_PER_EVENT, 1)) {
        const wrapped = { payload: { meetingId: meeting.id, command: h.payload }, raw: h.raw && `{"meetingId":"${meeting.id}","command":${h.raw}}` };
        if (!refused(LIVE_CLIENT_EVENTS['live:command'], wrapped)) continue;
        const ack = await emitHostile(fuzzer.socket, 'live:command', { ...wrapped, cls: h.cls });
        const cls = h.cls;
        counter.add(`live live:command (inner): ${cls}`);
        if (!isCodedError(ack)) failures.push(`live live:command inner [${cls}] → ${JSON.stringify(ack).slice(0, 200)}`);
      }
      expect(failures.slice(start)).toEqual([]);
      // nothing was applied: no event reached anyone, the state did not move
      expect(host.received.length).toBe(eventsBefore);
      const sync = await host.sync(meeting.id, version);
      expect('data' in sync && sync.data.kind === 'events' ? sync.data.events : []).toEqual([]);
      expect(host.version).toBe(version);
    }, 60_000);

    it('survives events without an ack callback, extra arguments and unknown events; the connection keeps working', async () => {
      const start = failures.length;
      const payloads = sample(fc.oneof(...Object.values(LIVE_CLIENT_EVENTS).map((s) => hostileSocketPayload(s as z.ZodType).filter((h) => h.raw === undefined).map((h) => h.payload))), 20, 2);
      for (const [i, p] of payloads.entries()) {
        const event = Object.keys(LIVE_CLIENT_EVENTS)[i % 4];
        if (event === 'live:leave') continue;
        fuzzer.socket.emit(event, p);
        fuzzer.socket.emit(event);
        fuzzer.socket.emit(event, p, 'not-a-callback', 42);
        fuzzer.socket.emit('live:does-not-exist', p);
        counter.add('live: no ack callback / extra args / unknown event', 4);
      }
      // valid-ish payloads too (random meetings and commands): whatever they answer, it is an envelope
      for (const [event, schema] of Object.entries(LIVE_CLIENT_EVENTS)) {
        if (event === 'live:leave') continue;
        for (const payload of sample(validish(schema as z.ZodType), 5, 3)) {
          const ack = await ask(fuzzer.socket, event, payload);
          counter.add(`live ${event}: valid-ish`);
          if (ack === 'NO_ACK' || !('data' in ack || isCodedError(ack))) failures.push(`live ${event} valid-ish → ${JSON.stringify(ack).slice(0, 200)}`);
        }
      }
      expect(failures.slice(start)).toEqual([]);
      expect(fuzzer.socket.connected).toBe(true);
      const hand = await fuzzer.send(meeting.id, { type: 'queue:raise-hand', mode: 'room' });
      expect(hand).toEqual({ data: { version: expect.any(Number) } });
      await member.waitForVersion(host.version);
      expect(member.version).toBe(host.version);
      expect(member.divergences).toEqual([]);
    }, 60_000);

    it('a packet over the transport limit drops only its own connection', async () => {
      const http = await t.as('member03@demo.local');
      const big = io(`${t.url}/live`, { transports: ['websocket'], extraHeaders: { cookie: http.cookieHeader }, reconnection: false, forceNew: true });
      await new Promise<void>((resolve) => big.once('connect', () => resolve()));
      const dropped = new Promise<string>((resolve) => big.once('disconnect', (reason) => resolve(reason)));
      big.emit('live:join', { meetingId: meeting.id, junk: 'x'.repeat(1_100_000) });
      expect(await dropped).toMatch(/transport/);
      counter.add('live: packet over maxHttpBufferSize');
      big.close();
      expect((await t.client().get('/api/health')).status).toBe(200);
      expect(await host.ok(meeting.id, { type: 'timer:start' })).toBeGreaterThan(0);
      await member.waitForVersion(host.version);
    }, 30_000);
  });

  describe('/collab', () => {
    let documentId: string;
    let editor: CollabTestClient;
    let fuzzer: Socket;
    let store: CollabDocStore;

    beforeAll(async () => {
      store = t.app.get(CollabDocStore);
      documentId = await createDocument(t.ds, { members: { 'member01@demo.local': 'editor', 'member02@demo.local': 'editor' } });
      editor = await new CollabTestClient('editor', t.url, (await t.as('member01@demo.local')).cookieHeader, documentId).synced();
      editor.insert(0, '协商纪要');
      await editor.flushed();
      fuzzer = connectCollab(t.url, (await t.as('member02@demo.local')).cookieHeader, { reconnection: false });
      await connected(fuzzer);
      const doc = new Y.Doc();
      const open = await ask(fuzzer, 'collab:open', { documentId, sync: syncStep1(doc) });
      expect(open).toMatchObject({ data: { access: { canEdit: true } } });
    }, 30_000);

    afterAll(() => {
      editor?.close();
      fuzzer?.close();
    });

    it('answers every hostile payload of every event with a coded error and stores nothing', async () => {
      const start = failures.length;
      const rows = await store.logRows(documentId);
      let salt = 0;
      for (const [event, schema] of Object.entries(COLLAB_CLIENT_EVENTS)) {
        if (event === 'collab:close') continue; // a valid close would leave the room; hostile closes are sent below
        for (const h of sample(hostileSocketPayload(schema as z.ZodType), RUNS_PER_EVENT, (salt += 100))) {
          if (!refused(schema as z.ZodType, h)) continue;
          const ack = await emitHostile(fuzzer, event, h);
          counter.add(`collab ${event}: ${h.cls}`);
          if (!isCodedError(ack)) failures.push(`collab ${event} [${h.cls}] ${show(h)} → ${safeJson(ack).slice(0, 200)}`);
        }
      }
      for (const h of sample(hostileSocketPayload(COLLAB_CLIENT_EVENTS['collab:close']), RUNS_PER_EVENT, 5)) {
        if (!refused(COLLAB_CLIENT_EVENTS['collab:close'], h)) continue;
        const ack = await emitHostile(fuzzer, 'collab:close', h);
        counter.add(`collab collab:close: ${h.cls}`);
        if (!isCodedError(ack)) failures.push(`collab collab:close [${h.cls}] ${show(h)} → ${safeJson(ack).slice(0, 200)}`);
      }
      expect(failures.slice(start)).toEqual([]);
      expect(await store.logRows(documentId)).toBe(rows);
      expect(editor.toString()).toBe('协商纪要');
    }, 60_000);

    it('garbage Yjs in well-formed envelopes: a coded error, or a real update every client converges on', async () => {
      const start = failures.length;
      const source = new Y.Doc();
      source.getText('t').insert(0, '改');
      const valid = Y.encodeStateAsUpdate(source);
      const garbage = fc.oneof(
        fc.uint8Array({ minLength: 0, maxLength: 300 }).map((b) => ({ cls: 'random bytes', message: b })),
        fc.uint8Array({ minLength: 1, maxLength: 300 }).map((b) => ({ cls: 'update message of random bytes', message: updateMessage(b) })),
        fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([i, v]) => {
          const b = valid.slice();
          b[i] = v;
          return { cls: 'valid update, one byte changed', message: updateMessage(b) };
        }),
        fc.nat({ max: valid.length - 1 }).map((n) => ({ cls: 'valid update, truncated', message: updateMessage(valid.slice(0, n)) })),
        fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => ({ cls: 'step 1 of random bytes', message: Uint8Array.from([0, b.length, ...b]) })),
      );
      let accepted = 0;
      for (const { cls, message } of sample(garbage, 60, 6)) {
        const ack = await ask(fuzzer, 'collab:sync', { documentId, message });
        counter.add(`collab garbage yjs: ${cls}`);
        if (ack !== 'NO_ACK' && 'data' in ack) accepted++;
        else if (!isCodedError(ack)) failures.push(`collab garbage [${cls}] → ${JSON.stringify(ack).slice(0, 200)}`);
      }
      expect(failures.slice(start)).toEqual([]);
      // whatever was accepted is a real change: the editor, the server's copy and the log agree
      const durable = (await store.loadFromDatabase(documentId)).getText('t').toString();
      await until('editor converges', () => editor.toString() === durable);
      expect(durable).toContain('协商纪要');
      const late = await new CollabTestClient('late', t.url, (await t.as('member01@demo.local')).cookieHeader, documentId).synced();
      expect(late.toString()).toBe(durable);
      late.close();
      counter.add('collab garbage yjs: accepted as a real update', accepted);
    }, 60_000);

    it('survives missing ack callbacks and unknown events; the editor keeps editing', async () => {
      for (const payload of sample(fc.oneof(...Object.values(COLLAB_CLIENT_EVENTS).map((s) => hostileSocketPayload(s as z.ZodType).filter((h) => h.raw === undefined).map((h) => h.payload))), 20, 7)) {
        fuzzer.emit('collab:sync', payload);
        fuzzer.emit('collab:awareness', payload);
        fuzzer.emit('collab:open');
        fuzzer.emit('collab:hack', payload);
        counter.add('collab: no ack callback / unknown event', 4);
      }
      expect(await ask(fuzzer, 'collab:sync', { documentId, message: syncStep1(new Y.Doc()) })).toMatchObject({ data: { reply: expect.anything() } });
      editor.insert(0, '【】');
      await editor.flushed();
      expect((await store.loadFromDatabase(documentId)).getText('t').toString()).toBe(editor.toString());
      expect((await t.client().get('/api/health')).status).toBe(200);
    }, 60_000);
  });
});

/** A y-protocols sync step 1 (the document's state vector). */
function syncStep1(doc: Y.Doc): Uint8Array {
  const sv = Y.encodeStateVector(doc);
  return Uint8Array.from([0, ...varUint(sv.length), ...sv]);
}

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push(0x80 | (n & 0x7f));
    n >>>= 7;
  }
  out.push(n);
  return out;
}
