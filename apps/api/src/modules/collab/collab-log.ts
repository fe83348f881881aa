import * as Y from 'yjs';
import type { DataSource } from 'typeorm';

export interface LogEntry {
  documentId: string;
  update: Uint8Array;
  actorId: string | null;
}

export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

/**
 * The PostgreSQL side of a document's content: `collab_snapshots` (one folded state per document) and
 * `collab_updates` (the append-only log after it). Pure SQL, no caching.
 */
export class CollabLog {
  constructor(private readonly db: DataSource) {}

  /** Snapshot + remaining log rows, in id order; null when there is no such document. */
  async read(documentId: string): Promise<StoredDoc | null> {
    const [snap] = (await this.db.query(
      `SELECT s.state FROM documents d LEFT JOIN collab_snapshots s ON s.document_id = d.id WHERE d.id = $1`,
      [documentId],
    )) as Array<{ state: Buffer | null }>;
    if (!snap) return null;
    const rows = (await this.db.query(`SELECT update FROM collab_updates WHERE document_id = $1 ORDER BY id`, [documentId])) as Array<{ update: Buffer }>;
    return { snapshot: snap?.state ?? null, updates: rows.map((r) => r.update) };
  }

  /** Append entries, as few multi-row INSERTs as `maxRows` allows (usually one). */
  async append(entries: LogEntry[], maxRows: number): Promise<void> {
    for (let start = 0; start < entries.length; start += maxRows) {
      const chunk = entries.slice(start, start + maxRows);
      const params: unknown[] = [];
      const values = chunk.map((e) => {
        params.push(e.documentId, e.update, e.actorId);
        const n = params.length;
        return `($${n - 2}::uuid, $${n - 1}::bytea, $${n}::uuid)`;
      });
      await this.db.query(`INSERT INTO collab_updates (document_id, update, actor_id) VALUES ${values.join(', ')}`, params);
    }
  }

  /**
   * Fold snapshot + log into a new snapshot by applying them to a fresh Y.Doc (never Y.mergeUpdates over a long
   * log), write it and delete exactly the rows that were folded, in one transaction. An advisory lock per document
   * serializes compactions of one document across instances; rows committed meanwhile are not deleted (they are
   * deleted by id, never by range), so nobody's rows are lost. Returns the number of rows folded.
   */
  async compact(documentId: string): Promise<number> {
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7401))`, [documentId]);
      const rows = (await m.query(`SELECT id, update FROM collab_updates WHERE document_id = $1 ORDER BY id`, [documentId])) as Array<{ id: string; update: Buffer }>;
      if (!rows.length) return 0;
      const [snap] = (await m.query(`SELECT state FROM collab_snapshots WHERE document_id = $1`, [documentId])) as Array<{ state: Buffer }>;
      const doc = new Y.Doc({ gc: true });
      try {
        Y.transact(doc, () => {
          if (snap) Y.applyUpdate(doc, snap.state);
          for (const r of rows) Y.applyUpdate(doc, r.update);
        });
        const state = Y.encodeStateAsUpdate(doc);
        await m.query(
          `INSERT INTO collab_snapshots (document_id, state, folded_rows, updated_at) VALUES ($1, $2, $3, now())
           ON CONFLICT (document_id) DO UPDATE SET state = EXCLUDED.state,
             folded_rows = collab_snapshots.folded_rows + EXCLUDED.folded_rows, updated_at = now()`,
          [documentId, state, rows.length],
        );
        await m.query(`DELETE FROM collab_updates WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
        return rows.length;
      } finally {
        doc.destroy();
      }
    });
  }

  /** How many log rows the document has (tests, metrics). */
  async rowCount(documentId: string): Promise<number> {
    const [r] = (await this.db.query(`SELECT count(*)::int AS n FROM collab_updates WHERE document_id = $1`, [documentId])) as Array<{ n: number }>;
    return r.n;
  }
}
