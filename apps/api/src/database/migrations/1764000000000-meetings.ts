import { MigrationInterface, QueryRunner } from 'typeorm';

/** Meetings issue: types, meetings, materials, invitations, speeches, calendar feeds, notifications, settings. */
export class Meetings1764000000000 implements MigrationInterface {
  name = 'Meetings1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE app_settings (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // The committee head decides leave for the committee's own activities.
    await q.query(`ALTER TABLE committees ADD COLUMN head_user_id uuid REFERENCES users(id) ON DELETE SET NULL`);

    await q.query(`CREATE TABLE meeting_types (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      name_zh text NOT NULL,
      name_en text NOT NULL,
      notice_working_days int NOT NULL DEFAULT 15 CHECK (notice_working_days >= 0),
      materials_working_days int NOT NULL DEFAULT 10 CHECK (materials_working_days >= 0),
      leave_approver text NOT NULL DEFAULT 'office' CHECK (leave_approver IN ('chair', 'committee_head', 'office')),
      speaking_limit_minutes int NOT NULL DEFAULT 5 CHECK (speaking_limit_minutes > 0),
      default_agenda jsonb NOT NULL DEFAULT '[]',
      active boolean NOT NULL DEFAULT true,
      sort_order int NOT NULL DEFAULT 100,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE meetings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      type_id uuid NOT NULL REFERENCES meeting_types(id),
      title text NOT NULL,
      description text,
      state text NOT NULL DEFAULT 'planned',
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
      venue text,
      mode text NOT NULL DEFAULT 'in_person' CHECK (mode IN ('in_person', 'hybrid', 'remote')),
      video_url text,
      host_id uuid REFERENCES users(id) ON DELETE SET NULL,
      committee_id uuid REFERENCES committees(id) ON DELETE SET NULL,
      plan_item_id uuid,
      agenda jsonb NOT NULL DEFAULT '[]',
      invitee_selection jsonb NOT NULL DEFAULT '{}',
      reply_deadline timestamptz,
      first_time_first boolean NOT NULL DEFAULT false,
      speaking_limit_minutes int NOT NULL DEFAULT 5,
      cancel_reason text,
      -- secret for the rotating room check-in code (HMAC of the 30 s window)
      check_in_secret bytea NOT NULL DEFAULT gen_random_bytes(32),
      version int NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX meetings_time ON meetings (starts_at, ends_at)`);
    await q.query(`CREATE INDEX meetings_state ON meetings (state)`);
    await q.query(`CREATE INDEX meetings_title_trgm ON meetings USING gin (title gin_trgm_ops)`);

    await q.query(`CREATE TABLE meeting_materials (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      file_name text NOT NULL,
      mime_type text NOT NULL,
      size_bytes int NOT NULL,
      sha256 text NOT NULL,
      content bytea NOT NULL,
      uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX meeting_materials_meeting ON meeting_materials (meeting_id)`);

    await q.query(`CREATE TABLE meeting_invitations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      state text NOT NULL DEFAULT 'invited',
      responded_at timestamptz,
      leave_reason text,
      leave_comment text,
      leave_decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
      leave_decided_at timestamptz,
      check_in_mode text CHECK (check_in_mode IN ('room', 'remote', 'staff')),
      checked_in_at timestamptz,
      attendance text CHECK (attendance IN ('present', 'excused', 'absent')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (meeting_id, user_id)
    )`);
    await q.query(`CREATE INDEX meeting_invitations_user ON meeting_invitations (user_id, meeting_id)`);
    await q.query(`CREATE INDEX meeting_invitations_leave ON meeting_invitations (meeting_id) WHERE state = 'leave_requested'`);

    await q.query(`CREATE TABLE meeting_speeches (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      author_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      title text NOT NULL,
      content text NOT NULL,
      state text NOT NULL DEFAULT 'draft',
      review_comment text,
      oral_order int,
      submitted_at timestamptz,
      reviewed_by uuid REFERENCES users(id) ON DELETE SET NULL,
      reviewed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX meeting_speeches_meeting ON meeting_speeches (meeting_id, oral_order)`);

    await q.query(`CREATE TABLE calendar_feeds (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      token text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL,
      meeting_id uuid REFERENCES meetings(id) ON DELETE CASCADE,
      params jsonb NOT NULL DEFAULT '{}',
      link text,
      -- makes reminders idempotent across instances and restarts, e.g. reminder_24h:<meeting>:<startsAt>
      dedupe_key text,
      read_at timestamptz,
      emailed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_id, dedupe_key)
    )`);
    await q.query(`CREATE INDEX notifications_user ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['notifications', 'calendar_feeds', 'meeting_speeches', 'meeting_invitations', 'meeting_materials', 'meetings', 'meeting_types', 'app_settings']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`ALTER TABLE committees DROP COLUMN IF EXISTS head_user_id`);
  }
}
