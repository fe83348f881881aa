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
    await q.query(`CREATE INDEX documents_meeting ON documents (meeting_id) WHERE meeting_id IS NOT NULL`);
    await q.query(`CREATE INDEX documents_plan_item ON documents (plan_item_id) WHERE plan_item_id IS NOT NULL`);
    await q.query(`CREATE INDEX documents_updated ON documents (updated_at DESC)`);

    // the document's history: every state change, version, restore, rename and member change (who, when, comment)
    await q.query(`CREATE TABLE document_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      kind text NOT NULL,
      from_state text,
      to_state text,
      actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
      comment text,
      details jsonb,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX document_events_document ON document_events (document_id, at)`);

    // named versions: the whole Yjs state at that moment (restoring applies it as a new edit)
    await q.query(`CREATE TABLE document_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      state bytea NOT NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX document_versions_document ON document_versions (document_id, created_at DESC)`);

    // inline comments: a thread (parent_id NULL) anchored by Yjs relative positions, and its replies
    await q.query(`CREATE TABLE document_comments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      parent_id uuid REFERENCES document_comments(id) ON DELETE CASCADE,
      anchor_start text,
      anchor_end text,
      quote text,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
      author_id uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      resolved_by uuid REFERENCES users(id) ON DELETE SET NULL,
      CHECK ((parent_id IS NULL) = (anchor_start IS NOT NULL AND anchor_end IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX document_comments_document ON document_comments (document_id, created_at)`);
    await q.query(`CREATE INDEX document_comments_parent ON document_comments (parent_id) WHERE parent_id IS NOT NULL`);

    // where the server-written parts of a document are (the minutes' speaking-log tables and rows): encoded
    // Yjs relative positions, and what was last written there (so an unchanged row is not written again)
    await q.query(`CREATE TABLE document_anchors (
      document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      key text NOT NULL,
      pos bytea,
      signature text,
      PRIMARY KEY (document_id, key)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['document_anchors', 'document_comments', 'document_versions', 'document_events']) await q.query(`DROP TABLE IF EXISTS ${t}`);
    await q.query(`DROP TABLE IF EXISTS document_members`);
    await q.query(`DROP TABLE IF EXISTS documents`);
  }
}
