import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { InvitationState, Locale, MeetingState } from '@xieshang/contracts';
import { hashPassword } from '../../src/modules/auth/passwords';

/*
 * Users and meetings written straight into the database, for specs that test what other features do with
 * meetings (reminders, calendar feeds) without depending on the scheduling routes.
 */

export async function userId(ds: DataSource, email: string): Promise<string> {
  const [row] = await ds.query(`SELECT id FROM users WHERE email = $1`, [email]);
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

/** A fresh member who can log in with the demo password; starts with no notifications, feeds or invitations. */
export async function insertUser(ds: DataSource, email: string, opts: { locale?: Locale; name?: string } = {}): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO users (email, name, password_hash, roles, locale) VALUES ($1, $2, $3, '{member}', $4) RETURNING id`,
    [email, opts.name ?? '测试委员', await hashPassword('xieshang-demo'), opts.locale ?? 'zh-CN'],
  );
  return row.id;
}

async function typeId(ds: DataSource): Promise<string> {
  await ds.query(
    `INSERT INTO meeting_types (code, name_zh, name_en) VALUES ('special_consultation', '专题协商会', 'Special consultation') ON CONFLICT (code) DO NOTHING`,
  );
  const [row] = await ds.query(`SELECT id FROM meeting_types WHERE code = 'special_consultation'`);
  return row.id;
}

export interface SqlMeeting {
  title: string;
  startsAt: Date;
  /** default: two hours after the start */
  endsAt?: Date;
  state?: MeetingState;
  venue?: string | null;
  videoUrl?: string | null;
  agenda?: string[];
  cancelReason?: string | null;
  invitees?: Array<{ userId: string; state?: InvitationState }>;
}

export async function insertMeeting(ds: DataSource, m: SqlMeeting): Promise<string> {
  const agenda = (m.agenda ?? []).map((title, i) => ({ id: randomUUID(), title, kind: i === 0 ? 'briefing' : 'free_discussion' }));
  const [row] = await ds.query(
    `INSERT INTO meetings (type_id, title, state, starts_at, ends_at, venue, video_url, agenda, cancel_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) RETURNING id`,
    [await typeId(ds), m.title, m.state ?? 'notified', m.startsAt, m.endsAt ?? new Date(m.startsAt.getTime() + 2 * 3600_000), m.venue ?? null, m.videoUrl ?? null, JSON.stringify(agenda), m.cancelReason ?? null],
  );
  for (const i of m.invitees ?? []) {
    await ds.query(`INSERT INTO meeting_invitations (meeting_id, user_id, state) VALUES ($1, $2, $3)`, [row.id, i.userId, i.state ?? 'invited']);
  }
  return row.id;
}
