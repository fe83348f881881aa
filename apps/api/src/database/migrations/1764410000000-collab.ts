import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Yjs content of documents: the append-only update log and the compacted snapshot.
 * Loading a document = its snapshot + the log rows left after it, in id order. Compaction folds rows into the
 * snapshot and deletes exactly the rows it folded, in one transaction.
 */
export class Collab1764410000000 implements MigrationInterface {
  name = 'Collab1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE collab_updates (
      id bigserial PRIMARY KEY,
      document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      update bytea NOT NULL,
      actor_id uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX collab_updates_document ON collab_updates (document_id, id)`);
    await q.query(`CREATE TABLE collab_snapshots (
      document_id uuid PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
      state bytea NOT NULL,
      folded_rows bigint NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS collab_snapshots`);
    await q.query(`DROP TABLE IF EXISTS collab_updates`);
  }
}
