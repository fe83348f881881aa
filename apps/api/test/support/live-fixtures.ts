import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { LiveAgendaItem } from '@xieshang/contracts';
import { LiveTestClient } from './live-clients';
import { createMeeting, userId } from './meeting-fixtures';
import type { TestApp } from './test-app';

/* A meeting ready for its live session (announced, agenda, host, invitees, arranged speeches). */

export interface LiveMeeting {
  id: string;
  agenda: LiveAgendaItem[];
  speechIds: string[];
}

export async function liveMeeting(
  ds: DataSource,
  opts: { hostEmail?: string | null; invitees: string[]; speakers?: string[]; mode?: 'in_person' | 'hybrid' | 'remote'; speakingLimitMinutes?: number },
): Promise<LiveMeeting> {
  const hostId = opts.hostEmail ? await userId(ds, opts.hostEmail) : null;
  const invitees = await Promise.all(opts.invitees.map((e) => userId(ds, e)));
  const m = await createMeeting(ds, { state: 'materials_sent', hostId, invitees, startsAt: new Date(Date.now() + 5 * 60_000) });
  const agenda: LiveAgendaItem[] = [
    { id: randomUUID(), title: '情况通报', kind: 'briefing' },
    { id: randomUUID(), title: '交流发言', kind: 'arranged_speeches' },
    { id: randomUUID(), title: '自由讨论', kind: 'free_discussion' },
  ];
  await ds.query(`UPDATE meetings SET agenda = $2, mode = $3, speaking_limit_minutes = $4 WHERE id = $1`, [m.id, JSON.stringify(agenda), opts.mode ?? 'hybrid', opts.speakingLimitMinutes ?? 5]);
  const speechIds: string[] = [];
  for (const [i, email] of (opts.speakers ?? []).entries()) speechIds.push(await oralSpeech(ds, m.id, await userId(ds, email), i + 1));
  return { id: m.id, agenda, speechIds };
}

export async function oralSpeech(ds: DataSource, meetingId: string, authorId: string, order: number, title = `交流发言 ${order}`): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO meeting_speeches (meeting_id, author_id, title, content, state, oral_order, submitted_at) VALUES ($1, $2, $3, '正文', 'oral', $4, now()) RETURNING id`,
    [meetingId, authorId, title, order],
  );
  return row.id;
}

/** A user with one role, sharing the demo password (copied hash: no argon2 cost per test user). */
export async function userWithRole(ds: DataSource, email: string, roles: string[], extra: { departmentId?: string } = {}): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO users (email, name, password_hash, roles, department_id)
     SELECT $1, $2, password_hash, $3, $4 FROM users WHERE email = 'member01@demo.local' RETURNING id`,
    [email, `测试${roles.join('')}`, roles, extra.departmentId ?? null],
  );
  return row.id;
}

/** Log in and open a `/live` socket. */
export async function liveClient(t: Pick<TestApp, 'as' | 'url'>, email: string, baseUrl = t.url): Promise<LiveTestClient> {
  const http = await t.as(email);
  return new LiveTestClient(email.split('@')[0], http.cookieHeader).connect(baseUrl);
}
