import * as Y from 'yjs';
import type { DataSource } from 'typeorm';

export interface LogEntry {
  documentId: string;
  update: Uint8Array;
  actorId: string | null;
}

/** Documents whose rows the log did not take: finalized (read-only for good) or deleted meanwhile. */
export type RefusedDocs = Map<string, 'finalized' | 'gone'>;

/** What a writer's callers are rejected with for a refused document (not a database failure). */
export class LogRefusal extends Error {
  constructor(readonly reasons: RefusedDocs) {
    super(`the log refused rows of ${reasons.size} finalized or deleted document(s)`);
  }
}

/** TypeORM's DataSource or a transaction's EntityManager: both answer rows. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
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

  /** Snapshot + remaining log rows, in id order; null when there is no such document. `db`: e.g. a transaction. */
  async read(documentId: string, db: Queryable = this.db): Promise<StoredDoc | null> {
    const [snap] = (await db.query(
      `SELECT s.state FROM documents d LEFT JOIN collab_snapshots s ON s.document_id = d.id WHERE d.id = $1`,
      [documentId],
    )) as Array<{ state: Buffer | null }>;
    if (!snap) return null;
    const rows = (await db.query(`SELECT update FROM collab_updates WHERE document_id = $1 ORDER BY id`, [documentId])) as Array<{ update: Buffer }>;
    return { snapshot: snap?.state ?? null, updates: rows.map((r) => r.update) };
  }

  /**
   * Append entries, as few multi-row INSERTs as `maxRows` allows (usually one). Rows of a finalized (or deleted)
   * document are not written and come back as refused: the KEY SHARE lock on each document row conflicts with
   * the FOR UPDATE that finalizing takes, so a row is either committed before the document is finalized (and
   * is in the final copy, rendered under that lock) or refused after — never written into a finalized document.
   */
  async append(entries: LogEntry[], maxRows: number): Promise<RefusedDocs> {
    const refused: RefusedDocs = new Map();
    for (let start = 0; start < entries.length; start += maxRows) {
      const chunk = entries.slice(start, start + maxRows);
      const ids = [...new Set(chunk.map((e) => e.documentId))];
      const params: unknown[] = [ids];
      const values = chunk.map((e) => {
        params.push(e.documentId, e.update, e.actorId);
        const n = params.length;
        return `($${n - 2}::uuid, $${n - 1}::bytea, $${n}::uuid)`;
      });
      const docs = (await this.db.query(
        `WITH docs AS (SELECT id, state FROM documents WHERE id = ANY($1::uuid[]) FOR KEY SHARE),
         written AS (
           INSERT INTO collab_updates (document_id, update, actor_id)
           SELECT v.document_id, v.update, v.actor_id FROM (VALUES ${values.join(', ')}) AS v(document_id, update, actor_id)
           WHERE v.document_id IN (SELECT id FROM docs WHERE state <> 'finalized')
           RETURNING 1
         )
         SELECT id::text AS id, state, (SELECT count(*) FROM written)::int AS written FROM docs`,
        params,
      )) as Array<{ id: string; state: string }>;
      const states = new Map(docs.map((d) => [d.id, d.state]));
      for (const id of ids) {
        const state = states.get(id.toLowerCase());
        if (state === undefined) refused.set(id, 'gone');
        else if (state === 'finalized') refused.set(id, 'finalized');
      }
    }
    return refused;
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
