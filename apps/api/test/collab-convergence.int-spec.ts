import fc from 'fast-check';
import { CollabDocStore } from '../src/modules/collab/collab-doc-store';
import { CollabTestClient, createDocument, until } from './support/collab-clients';
import { createTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

/*
 * Convergence property: several editors make random concurrent edits through the real provider while their
 * connections drop (abruptly or cleanly) and come back; once everyone is back and flushed, every client has the
 * same text, and the document loaded from PostgreSQL (snapshot + log; compaction runs meanwhile) equals it.
 */

type Action =
  | { kind: 'insert'; client: number; at: number; text: string }
  | { kind: 'delete'; client: number; at: number; length: number }
  | { kind: 'drop'; client: number }
  | { kind: 'disconnect'; client: number }
  | { kind: 'connect'; client: number }
  | { kind: 'pause'; ms: number };

const CLIENTS = 4;
const client = fc.integer({ min: 0, max: CLIENTS - 1 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), client, at: fc.nat(60), text: fc.string({ minLength: 1, maxLength: 4, unit: fc.constantFrom('a', 'b', '协', '商', ' ', '\n') }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), client, at: fc.nat(60), length: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), client }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('disconnect' as const), client }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('connect' as const), client }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 15 }) }) },
);

describe('collab convergence (property, real app, real provider)', () => {
  let t: TestApp;
  let store: CollabDocStore;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    store = t.app.get(CollabDocStore);
    // compaction runs while the editors type
    store.configure({ compactAfterRows: 15, compactAfterMs: 200 });
    cookie = (await t.as('admin@demo.local')).cookieHeader;
  });
  afterAll(() => t.close());

  it('random concurrent edits with random disconnects converge, and PostgreSQL has the same document', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 20, maxLength: 80 }), async (actions) => {
        const documentId = await createDocument(t.ds);
        const clients = Array.from({ length: CLIENTS }, (_, i) => new CollabTestClient(`c${i}`, t.url, cookie, documentId));
        try {
          await Promise.all(clients.map((c) => c.synced()));
          for (const a of actions) {
            if (a.kind === 'pause') await new Promise((r) => setTimeout(r, a.ms));
            else if (a.kind === 'insert') clients[a.client].insert(a.at, a.text);
            else if (a.kind === 'delete') clients[a.client].delete(a.at, a.length);
            else if (a.kind === 'drop') clients[a.client].socket.io.engine?.close(); // abrupt: socket.io reconnects
            else if (a.kind === 'disconnect') clients[a.client].socket.disconnect();
            else if (a.kind === 'connect' && !clients[a.client].socket.connected) clients[a.client].socket.connect();
          }
          for (const c of clients) if (!c.socket.connected && !c.socket.active) c.socket.connect();
          await until('everyone synced and flushed', () => clients.every((c) => c.provider.status.synced && c.provider.status.pending === 0), 20_000);
          await until('same text everywhere', () => clients.every((c) => c.toString() === clients[0].toString()), 10_000);
          const stored = await store.loadFromDatabase(documentId);
          expect(stored.getText('t').toString()).toBe(clients[0].toString());
        } finally {
          for (const c of clients) c.close();
        }
      }),
      { seed: 20261123, numRuns: 6, endOnFailure: true },
    );
  });
});
