import { MigrationInterface, QueryRunner } from 'typeorm';

/** Annual plan (flow 2): plans, items, the approval trail, amendments; meetings.plan_item_id gets its FK. */
export class Plans1764300000000 implements MigrationInterface {
  name = 'Plans1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- one plan per year
      year int NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
      title text NOT NULL,
      notes text,
      state text NOT NULL DEFAULT 'drafting'
        CHECK (state IN ('drafting', 'joint_revision', 'chair_meeting_reviewed', 'submitted', 'approved', 'issued', 'executing', 'summarized')),
      version int NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE plan_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      -- a topic is carried by at most one item; null for an item added directly
      topic_id uuid UNIQUE REFERENCES topics(id) ON DELETE RESTRICT,
      title text NOT NULL,
      category text NOT NULL CHECK (category IN ('consultation', 'supervision')),
      meeting_type_id uuid NOT NULL REFERENCES meeting_types(id),
      planned_month int CHECK (planned_month BETWEEN 1 AND 12),
      lead_leader text,
      lead_body text,
      participating_bodies text[] NOT NULL DEFAULT '{}',
      notes text,
      sort_order int NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX plan_items_plan ON plan_items (plan_id, planned_month, sort_order)`);

    // Every step of flow 2: who, when, at which meeting, with what comment.
    await q.query(`CREATE TABLE plan_approvals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      action text NOT NULL,
      from_state text NOT NULL,
      to_state text NOT NULL,
      actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
      meeting text,
      comment text,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX plan_approvals_plan ON plan_approvals (plan_id, at)`);

    // Changes to an approved plan, each with its reason and the item before and after.
    await q.query(`CREATE TABLE plan_amendments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('add', 'update', 'remove')),
      -- no FK: a removed item is gone, its snapshot stays here
      item_id uuid,
      reason text NOT NULL,
      meeting text,
      before jsonb,
      after jsonb,
      actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX plan_amendments_plan ON plan_amendments (plan_id, at)`);

    // The meetings issue kept plan_item_id as a plain uuid until plans existed. Clear dangling ids first.
    await q.query(`UPDATE meetings SET plan_item_id = NULL WHERE plan_item_id IS NOT NULL`);
    await q.query(`ALTER TABLE meetings ADD CONSTRAINT meetings_plan_item_fk FOREIGN KEY (plan_item_id) REFERENCES plan_items(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX meetings_plan_item ON meetings (plan_item_id) WHERE plan_item_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS meetings_plan_item`);
    await q.query(`ALTER TABLE meetings DROP CONSTRAINT IF EXISTS meetings_plan_item_fk`);
    await q.query(`DROP TABLE IF EXISTS plan_amendments, plan_approvals, plan_items, plans`);
  }
}
