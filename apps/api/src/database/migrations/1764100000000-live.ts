import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live sessions issue: one row per meeting holding the speaking-queue state and its version (the row
 * lock serializes commands across instances), the append-only log of accepted commands (catch-up,
 * de-duplication of retries), and the speaking log that feeds minutes and duty records.
 */
export class Live1764100000000 implements MigrationInterface {
  name = 'Live1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE live_sessions (
      meeting_id uuid PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
      state jsonb NOT NULL,
      version int NOT NULL CHECK (version >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE live_events (
      meeting_id uuid NOT NULL REFERENCES live_sessions(meeting_id) ON DELETE CASCADE,
      version int NOT NULL CHECK (version >= 1),
      client_command_id uuid NOT NULL,
      actor_id uuid NOT NULL,
      event jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (meeting_id, version),
      UNIQUE (meeting_id, client_command_id)
    )`);

    await q.query(`CREATE TABLE speaking_log (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      entry_id uuid NOT NULL UNIQUE,
      -- plain ids, no foreign keys: the log is a record of what happened and must be writable even if
      -- a speech or an account was removed meanwhile (a failed insert would block finishing a speech)
      member_id uuid NOT NULL,
      name text,
      sector_name text,
      kind text NOT NULL,
      mode text NOT NULL,
      agenda_item_id uuid,
      agenda_title text,
      speech_id uuid,
      started_at timestamptz NOT NULL,
      ended_at timestamptz NOT NULL,
      duration_ms int NOT NULL CHECK (duration_ms >= 0),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX speaking_log_meeting ON speaking_log (meeting_id, started_at)`);
    await q.query(`CREATE INDEX speaking_log_member ON speaking_log (member_id, started_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['speaking_log', 'live_events', 'live_sessions']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
