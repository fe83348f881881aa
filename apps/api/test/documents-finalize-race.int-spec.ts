import * as Y from 'yjs';
import type { DocumentDetail } from '@xieshang/contracts';
import { docToJSON, renderHtml, YJS_FRAGMENT } from '@xieshang/editor-schema';
import { CollabTestClient, createDocument, until } from './support/collab-clients';
import { storeOf } from './support/document-helpers';
import { createTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

/*
 * Finalizing while people type: the finalized copy is rendered from PostgreSQL under the document's row lock,
 * and log writes hold a KEY SHARE lock on that row, so every acknowledged edit is in the final copy and no edit
 * is written after it. Edits that arrive later are refused (read-only, finalized) and stay unacknowledged.
 * One editor is on a second instance with no Redis between them: nothing tells it the document was finalized,
 * so only PostgreSQL can stop its edits.
 */

/** An editor adding one paragraph per keystroke batch, each with a unique token. */
class ParagraphTypist {
  readonly tokens: string[] = [];
  acked = 0;
  refused = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(readonly c: CollabTestClient) {}

  start(everyMs: number): void {
    this.timer = setInterval(() => {
      if (this.c.provider.status.readOnly) return;
      const token = `${this.c.name}-${this.tokens.length}`;
      this.tokens.push(token);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(token)]);
      const fragment = this.c.doc.getXmlFragment(YJS_FRAGMENT);
      fragment.insert(fragment.length, [paragraph]);
    }, everyMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** each insert is one update and acks come in order */
  acknowledged(): string[] {
    return this.tokens.slice(0, this.tokens.length - this.c.provider.status.pending);
  }
}

describe('finalizing while editors type', () => {
  let t: TestApp;
  let other: TestApp;
  const clients: CollabTestClient[] = [];

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    other = await createTestApp({ env: { DATABASE_URL: t.databaseUrl } });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await other?.close();
    await t?.close();
  });

  it('keeps every acknowledged edit in the final copy and writes none after it', async () => {
    const admin = await t.as('admin@demo.local');
    const documentId = await createDocument(t.ds, { state: 'in_review' });
    const typists = [t, t, other].map((app, i) => new ParagraphTypist(new CollabTestClient(`e${i}`, app.url, admin.cookieHeader, documentId)));
    clients.push(...typists.map((p) => p.c));
    await Promise.all(typists.map((p) => p.c.synced()));

    typists.forEach((p, i) => p.start(4 + i));
    await new Promise((r) => setTimeout(r, 400));
    const res = await admin.post(`/api/documents/${documentId}/transition`, { action: 'finalize' });
    expect(res.status).toBe(200);
    const finalized = res.body as DocumentDetail;
    await until('the editors on the finalizing instance are read-only', () => typists.slice(0, 2).every((p) => p.c.provider.status.readOnly), 10_000);
    // the editor on the other instance was not told and goes on typing
    await new Promise((r) => setTimeout(r, 400));
    typists.forEach((p) => p.stop());
    // whatever was in flight has its answer (an ack or a refusal)
    await new Promise((r) => setTimeout(r, 300));

    const [row] = await t.ds.query(`SELECT final_html FROM documents WHERE id = $1`, [documentId]);
    const acked = typists.flatMap((p) => p.acknowledged());
    expect(acked.length).toBeGreaterThan(20);
    expect(acked.filter((token) => !row.final_html.includes(`<p>${token}</p>`))).toEqual([]);

    // nothing written after the final copy: PostgreSQL's content renders to exactly the final copy
    const stored = await storeOf(t).loadFromDatabase(documentId);
    expect(renderHtml(docToJSON(stored))).toBe(row.final_html);
    const late = typists[2];
    expect(late.tokens.length - late.acknowledged().length).toBeGreaterThan(0);
    expect(finalized.final?.sha256).toBeDefined();
  });
});
