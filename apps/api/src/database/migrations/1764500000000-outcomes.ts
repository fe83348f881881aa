import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcomes (flow 8): an outcome per finalized document with its recipients; leader instructions;
 * assignments per round (lead + assisting departments, deadlines, cadence); department feedback with
 * attachments and the office's evaluation; the trail of every step.
 */
export class Outcomes1764500000000 implements MigrationInterface {
  name = 'Outcomes1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE outcomes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- one outcome per document: a report is sent once, later steps are rounds of the same outcome
      document_id uuid NOT NULL UNIQUE REFERENCES documents(id) ON DELETE RESTRICT,
      kind text NOT NULL CHECK (kind IN ('report', 'recommendation', 'minutes')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      summary text,
      -- [{body, name, title, userId}]
      recipients jsonb NOT NULL DEFAULT '[]',
      sent_on date NOT NULL,
      category text NOT NULL CHECK (category IN ('consultation', 'supervision')),
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      is_public boolean NOT NULL DEFAULT false,
      public_summary text,
      state text NOT NULL DEFAULT 'report_sent'
        CHECK (state IN ('report_sent', 'instructed', 'assigned', 'feedback_received', 'evaluated', 'closed')),
      -- the current round; 0 until the first assignment
      round int NOT NULL DEFAULT 0,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX outcomes_state ON outcomes (state)`);
    await q.query(`CREATE INDEX outcomes_public ON outcomes (sent_on DESC) WHERE is_public`);

    await q.query(`CREATE TABLE outcome_instructions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      outcome_id uuid NOT NULL REFERENCES outcomes(id) ON DELETE CASCADE,
      leader_name text NOT NULL,
      leader_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      date date NOT NULL,
      text text NOT NULL,
      recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX outcome_instructions_outcome ON outcome_instructions (outcome_id, date)`);

    await q.query(`CREATE TABLE outcome_assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      outcome_id uuid NOT NULL REFERENCES outcomes(id) ON DELETE CASCADE,
      round int NOT NULL CHECK (round >= 1),
      department_id uuid NOT NULL REFERENCES departments(id) ON DELETE RESTRICT,
      role text NOT NULL CHECK (role IN ('lead', 'assisting')),
      cadence text NOT NULL CHECK (cadence IN ('immediate', 'quarterly', 'annual')),
      state text NOT NULL DEFAULT 'assigned' CHECK (state IN ('assigned', 'feedback_received', 'accepted')),
      first_deadline date NOT NULL,
      -- the next feedback is due by this date; null once nothing more is due
      deadline date,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (outcome_id, round, department_id),
      CHECK (state = 'accepted' OR deadline IS NOT NULL)
    )`);
    await q.query(`CREATE UNIQUE INDEX outcome_assignments_one_lead ON outcome_assignments (outcome_id, round) WHERE role = 'lead'`);
    await q.query(`CREATE INDEX outcome_assignments_department ON outcome_assignments (department_id, state)`);
    await q.query(`CREATE INDEX outcome_assignments_open_deadline ON outcome_assignments (deadline) WHERE state <> 'accepted'`);

    await q.query(`CREATE TABLE outcome_feedback (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      assignment_id uuid NOT NULL REFERENCES outcome_assignments(id) ON DELETE CASCADE,
      adoption text NOT NULL CHECK (adoption IN ('adopted', 'partly', 'under_study', 'not_adopted')),
      reason text,
      measures text NOT NULL,
      state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'sent_back')),
      submitted_by uuid REFERENCES users(id) ON DELETE SET NULL,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      evaluated_by uuid REFERENCES users(id) ON DELETE SET NULL,
      evaluated_at timestamptz,
      evaluation_comment text,
      CHECK (adoption <> 'not_adopted' OR reason IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX outcome_feedback_assignment ON outcome_feedback (assignment_id, submitted_at)`);
    // at most one feedback waiting for the office per assignment
    await q.query(`CREATE UNIQUE INDEX outcome_feedback_one_pending ON outcome_feedback (assignment_id) WHERE state = 'pending'`);

    // uploaded before the feedback is submitted (feedback_id null), then linked to it
    await q.query(`CREATE TABLE outcome_attachments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      assignment_id uuid NOT NULL REFERENCES outcome_assignments(id) ON DELETE CASCADE,
      feedback_id uuid REFERENCES outcome_feedback(id) ON DELETE CASCADE,
      file_name text NOT NULL,
      mime_type text NOT NULL,
      size_bytes int NOT NULL,
      sha256 text NOT NULL,
      content bytea NOT NULL,
      uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX outcome_attachments_assignment ON outcome_attachments (assignment_id)`);

    await q.query(`CREATE TABLE outcome_trail (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      outcome_id uuid NOT NULL REFERENCES outcomes(id) ON DELETE CASCADE,
      action text NOT NULL,
      from_state text,
      to_state text NOT NULL,
      actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
      comment text,
      assignment_id uuid REFERENCES outcome_assignments(id) ON DELETE CASCADE,
      round int,
      at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await q.query(`CREATE INDEX outcome_trail_outcome ON outcome_trail (outcome_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['outcome_trail', 'outcome_attachments', 'outcome_feedback', 'outcome_assignments', 'outcome_instructions', 'outcomes']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
