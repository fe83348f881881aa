import type { AgendaTemplateItem, InviteeSelection, InvitationState, LiveAgendaItem, Meeting, MeetingMode, MeetingState, MeetingSummary } from '@xieshang/contracts';
import { randomUUID } from 'node:crypto';
import { normaliseSelection } from './invitees';

/** The columns every meeting query selects; the check-in secret is never among them. */
export const MEETING_COLUMNS = `m.id, m.type_id, t.code AS type_code, t.name_zh AS type_name_zh, t.name_en AS type_name_en,
  t.notice_working_days, t.materials_working_days, m.title, m.description, m.state, m.starts_at, m.ends_at, m.venue, m.mode,
  m.video_url, m.host_id, h.name AS host_name, m.committee_id, m.plan_item_id, m.agenda, m.invitee_selection, m.reply_deadline,
  m.first_time_first, m.speaking_limit_minutes, m.cancel_reason, m.version, m.created_at, m.updated_at`;

/** FROM clause for MEETING_COLUMNS plus the viewer's own invitation ($1 = viewer id). */
export const MEETING_FROM = `meetings m JOIN meeting_types t ON t.id = m.type_id LEFT JOIN users h ON h.id = m.host_id
  LEFT JOIN meeting_invitations mine ON mine.meeting_id = m.id AND mine.user_id = $1`;

export interface MeetingRow {
  id: string;
  type_id: string;
  type_code: string;
  type_name_zh: string;
  type_name_en: string;
  notice_working_days: number;
  materials_working_days: number;
  title: string;
  description: string | null;
  state: MeetingState;
  starts_at: Date;
  ends_at: Date;
  venue: string | null;
  mode: MeetingMode;
  video_url: string | null;
  host_id: string | null;
  host_name: string | null;
  committee_id: string | null;
  plan_item_id: string | null;
  agenda: LiveAgendaItem[];
  invitee_selection: Partial<InviteeSelection>;
  reply_deadline: Date | null;
  first_time_first: boolean;
  speaking_limit_minutes: number;
  cancel_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  my_state: InvitationState | null;
}

export function toSummary(r: MeetingRow): MeetingSummary {
  return {
    id: r.id, title: r.title, typeId: r.type_id, typeCode: r.type_code, typeNameZh: r.type_name_zh, typeNameEn: r.type_name_en,
    state: r.state, startsAt: r.starts_at.toISOString(), endsAt: r.ends_at.toISOString(), venue: r.venue, mode: r.mode,
    myInvitationState: r.my_state ?? null,
  };
}

export type MeetingExtras = Pick<Meeting, 'counts' | 'materials' | 'warnings' | 'allowedActions'>;

export function toMeeting(r: MeetingRow, extras: MeetingExtras): Meeting {
  return {
    ...toSummary(r),
    description: r.description, videoUrl: r.video_url, hostId: r.host_id, hostName: r.host_name, committeeId: r.committee_id,
    planItemId: r.plan_item_id, agenda: r.agenda, invitees: normaliseSelection(r.invitee_selection),
    replyDeadline: r.reply_deadline?.toISOString() ?? null, firstTimeFirst: r.first_time_first, speakingLimitMinutes: r.speaking_limit_minutes,
    cancelReason: r.cancel_reason, version: r.version, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
    ...extras,
  };
}

/** Agenda items keep the ids they have (the live session refers to them) and get one when new. */
export function agendaWithIds(items: ReadonlyArray<AgendaTemplateItem & { id?: string }>): LiveAgendaItem[] {
  return items.map((i) => ({ id: i.id ?? randomUUID(), title: i.title, kind: i.kind }));
}

/** How many invitees are in each state; `invited` is everyone invited, whatever they replied. */
export function countInvitations(rows: ReadonlyArray<{ state: InvitationState; n: number }>): Meeting['counts'] {
  const by = (s: InvitationState) => rows.find((r) => r.state === s)?.n ?? 0;
  return {
    invited: rows.reduce((sum, r) => sum + r.n, 0),
    accepted: by('accepted'),
    declined: by('declined'),
    leaveRequested: by('leave_requested'),
    leaveApproved: by('leave_approved'),
    leaveRejected: by('leave_rejected'),
    checkedIn: by('checked_in'),
  };
}
