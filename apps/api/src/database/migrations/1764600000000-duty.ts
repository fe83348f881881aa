import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duty records (flow 9). Credited events are not stored: they are read from invitations, the speaking
 * log, speeches, topics and documents each time. Stored here: every version of the scoring rules (the
 * newest is in force; older ones stay for the record) and the office's manual entries, which are
 * withdrawn by marking them, never deleted, so the audit log and the table agree.
 */
export class Duty1764600000000 implements MigrationInterface {
  name = 'Duty1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE duty_rule_versions (
      version int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      rules jsonb NOT NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE duty_entries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      points numeric(5, 1) NOT NULL CHECK (points <> 0),
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
      occurred_on date NOT NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      deleted_by uuid REFERENCES users(id) ON DELETE SET NULL,
      delete_reason text,
      CHECK (deleted_at IS NULL OR delete_reason IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX duty_entries_year_user ON duty_entries (year, user_id) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS duty_entries`);
    await q.query(`DROP TABLE IF EXISTS duty_rule_versions`);
  }
}
