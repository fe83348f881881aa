import * as Y from 'yjs';
import { rowsOf, type CollabTestClient, type SqlLike } from './collab-clients';

/*
 * Durability checks for co-editing under faults (kill -9, outages): typists whose every keystroke is a unique
 * token, and the document as PostgreSQL holds it, to compare what was acknowledged with what is stored.
 */

/** One editor typing a unique token per keystroke batch at the end of the text (tokens never split). */
export class Typist {
  readonly tokens: string[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(readonly c: CollabTestClient) {}

  type(): string {
    const token = `[${this.c.name}:${this.tokens.length}]`;
    this.tokens.push(token);
    this.c.insert(this.c.text.length, token);
    return token;
  }

  start(everyMs: number): void {
    this.timer ??= setInterval(() => this.type(), everyMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Each insert is one local update and acks come in order: the first tokens.length - pending are durable. */
  acknowledgedCount(): number {
    return this.tokens.length - this.c.provider.status.pending;
  }

  acknowledged(): string[] {
    return this.tokens.slice(0, this.acknowledgedCount());
  }
}

/** The document's text as PostgreSQL holds it: snapshot plus the update log. */
export async function storedText(db: SqlLike, documentId: string): Promise<string> {
  const doc = new Y.Doc();
  const [snap] = await rowsOf<{ state: Buffer }>(db, `SELECT state FROM collab_snapshots WHERE document_id = $1`, [documentId]);
  const updates = await rowsOf<{ update: Buffer }>(db, `SELECT update FROM collab_updates WHERE document_id = $1 ORDER BY id`, [documentId]);
  Y.transact(doc, () => {
    if (snap) Y.applyUpdate(doc, snap.state);
    for (const r of updates) Y.applyUpdate(doc, r.update);
  });
  return doc.getText('t').toString();
}

export const occurrences = (text: string, token: string): number => text.split(token).length - 1;
