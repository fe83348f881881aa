import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Co-authored documents (flow 7): minutes per meeting, consensus reports per topic or plan item, blank
 * drafts; who may edit or comment; named versions; the immutable rendered copy made on finalizing;
 * inline comments. The Yjs content itself (update log + snapshot) is in the collab migration.
 */
export class Documents1764400000000 implements MigrationInterface {
  name = 'Documents1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('minutes', 'report', 'recommendation', 'blank')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'in_review', 'finalized')),
      meeting_id uuid REFERENCES meetings(id) ON DELETE RESTRICT,
      topic_id uuid REFERENCES topics(id) ON DELETE RESTRICT,
      plan_item_id uuid REFERENCES plan_items(id) ON DELETE RESTRICT,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      finalized_at timestamptz,
      finalized_by uuid REFERENCES users(id) ON DELETE SET NULL,
      final_html text,
      final_sha256 text
    )`);
    // one minutes document per meeting
    await q.query(`CREATE UNIQUE INDEX documents_minutes_per_meeting ON documents (meeting_id) WHERE kind = 'minutes'`);
    await q.query(`CREATE INDEX documents_topic ON documents (topic_id) WHERE topic_id IS NOT NULL`);

    // editors and commenters the office assigns (readers are everyone allowed to see the document's subject)
    await q.query(`CREATE TABLE document_members (
      document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('editor', 'commenter')),
      added_by uuid REFERENCES users(id) ON DELETE SET NULL,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (document_id, user_id)
    )`);
    await q.query(`CREATE INDEX document_members_user ON document_members (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS document_members`);
    await q.query(`DROP TABLE IF EXISTS documents`);
  }
}
