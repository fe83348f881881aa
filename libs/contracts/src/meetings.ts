import { z } from 'zod';
import { PageQuery, optionalText, text } from './common';
import { AgendaItemKind, LiveAgendaItem } from './live';

/*
 * Meetings (DESIGN.md flows 3–5): types, meetings, invitations, leave, check-in, attendance and
 * arranged speeches. The state lists live here; the machines in libs/domain import them.
 */

export const MEETING_STATES = ['planned', 'preparing', 'notified', 'materials_sent', 'live', 'minutes', 'reported', 'closed', 'cancelled'] as const;
export const MeetingState = z.enum(MEETING_STATES);
export type MeetingState = z.infer<typeof MeetingState>;
export const MEETING_ACTIONS = ['start_preparing', 'notify', 'send_materials', 'go_live', 'end', 'report', 'close', 'cancel'] as const;
export const MeetingAction = z.enum(MEETING_ACTIONS);
export type MeetingAction = z.infer<typeof MeetingAction>;

export const INVITATION_STATES = ['invited', 'accepted', 'declined', 'leave_requested', 'leave_approved', 'leave_rejected', 'checked_in'] as const;
export const InvitationState = z.enum(INVITATION_STATES);
export type InvitationState = z.infer<typeof InvitationState>;
export const CHECK_IN_MODES = ['room', 'remote', 'staff'] as const;
export const CheckInModeSchema = z.enum(CHECK_IN_MODES);
export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export const AttendanceStatus = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

export const SPEECH_STATES = ['draft', 'submitted', 'in_review', 'oral', 'written_only', 'needs_revision', 'diverted'] as const;
export const SpeechState = z.enum(SPEECH_STATES);
export type SpeechState = z.infer<typeof SpeechState>;
export const SPEECH_ACTIONS = ['submit', 'withdraw', 'start_review', 'accept_oral', 'accept_written', 'request_revision', 'divert'] as const;
export const SpeechAction = z.enum(SPEECH_ACTIONS);
export type SpeechAction = z.infer<typeof SpeechAction>;

/** Who decides leave for meetings of a type: the chair, the organising committee's head, or the office. */
export const LEAVE_APPROVERS = ['chair', 'committee_head', 'office'] as const;
export const LeaveApprover = z.enum(LEAVE_APPROVERS);
export type LeaveApprover = z.infer<typeof LeaveApprover>;

export const MEETING_MODES = ['in_person', 'hybrid', 'remote'] as const;
export const MeetingMode = z.enum(MEETING_MODES);
export type MeetingMode = z.infer<typeof MeetingMode>;

const isoInstant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const days = z.number().int().min(0).max(120);

export const AgendaTemplateItem = z.strictObject({ title: text(200), kind: AgendaItemKind });
export type AgendaTemplateItem = z.infer<typeof AgendaTemplateItem>;

// ---- meeting types ----

export const MeetingTypeInput = z.strictObject({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, 'code'),
  nameZh: text(60),
  nameEn: text(80),
  noticeWorkingDays: days.default(15),
  materialsWorkingDays: days.default(10),
  leaveApprover: LeaveApprover.default('office'),
  speakingLimitMinutes: z.number().int().min(1).max(120).default(5),
  defaultAgenda: z.array(AgendaTemplateItem).max(30).default([]),
  active: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(10_000).default(100),
});
export type MeetingTypeInput = z.infer<typeof MeetingTypeInput>;
export const MeetingTypePatch = MeetingTypeInput.omit({ code: true }).partial();
export type MeetingTypePatch = z.infer<typeof MeetingTypePatch>;
export const MeetingType = z.object({
  id: z.uuid(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  noticeWorkingDays: z.number().int(),
  materialsWorkingDays: z.number().int(),
  leaveApprover: LeaveApprover,
  speakingLimitMinutes: z.number().int(),
  defaultAgenda: z.array(AgendaTemplateItem),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type MeetingType = z.infer<typeof MeetingType>;

// ---- meetings ----

/** Who is invited; groups are expanded to people when the meeting is saved (and again on edit). */
export const InviteeSelection = z.strictObject({
  userIds: z.array(z.uuid()).max(2000).default([]),
  sectorIds: z.array(z.uuid()).max(200).default([]),
  committeeIds: z.array(z.uuid()).max(200).default([]),
  departmentIds: z.array(z.uuid()).max(200).default([]),
  /** every active member; standing committee members only */
  groups: z.array(z.enum(['all_members', 'standing_committee'])).max(2).default([]),
});
export type InviteeSelection = z.infer<typeof InviteeSelection>;

const meetingFields = {
  typeId: z.uuid(),
  title: text(200),
  description: optionalText(5000),
  startsAt: isoInstant,
  endsAt: isoInstant,
  venue: optionalText(200),
  mode: MeetingMode.default('in_person'),
  /** a pasted conferencing link; ignored when createJitsiRoom is true */
  videoUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
  createJitsiRoom: z.boolean().optional(),
  /** the chair who hosts the live session; admins can always host */
  hostId: z.uuid().nullable().optional(),
  /** organising committee: its head decides leave when the type says committee_head */
  committeeId: z.uuid().nullable().optional(),
  /** plan item this meeting carries out (topics issue); kept as a plain id until plans exist */
  planItemId: z.uuid().nullable().optional(),
  /** default: the type's agenda */
  agenda: z.array(AgendaTemplateItem.extend({ id: z.uuid().optional() })).max(50).optional(),
  invitees: InviteeSelection.optional(),
  replyDeadline: isoInstant.nullable().optional(),
  /** fairness aid for the live session */
  firstTimeFirst: z.boolean().optional(),
};
const endsAfterStart = (m: { startsAt?: string; endsAt?: string }) => !m.startsAt || !m.endsAt || Date.parse(m.endsAt) > Date.parse(m.startsAt);

export const MeetingInput = z.strictObject(meetingFields).refine(endsAfterStart, { message: 'ends before it starts', path: ['endsAt'] });
export type MeetingInput = z.infer<typeof MeetingInput>;
export const MeetingPatch = z
  .strictObject({ ...meetingFields, typeId: z.uuid().optional(), title: text(200).optional(), startsAt: isoInstant.optional(), endsAt: isoInstant.optional() })
  .partial()
  .refine(endsAfterStart, { message: 'ends before it starts', path: ['endsAt'] });
export type MeetingPatch = z.infer<typeof MeetingPatch>;

export const SCHEDULING_RULES = ['notice_period', 'materials_period', 'member_double_booked', 'venue_double_booked', 'host_double_booked', 'non_working_day'] as const;
export const SchedulingWarning = z.object({
  rule: z.enum(SCHEDULING_RULES),
  /** e.g. {required: 15, actual: 9} or {name, meetingTitle, meetingId} */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type SchedulingWarning = z.infer<typeof SchedulingWarning>;

export const MeetingMaterial = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedByName: z.string().nullable(),
});
export type MeetingMaterial = z.infer<typeof MeetingMaterial>;
export const MATERIAL_MAX_BYTES = 25 * 1024 * 1024;
export const MATERIAL_MIME_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'image/png',
  'image/jpeg',
  'text/plain',
  'application/octet-stream',
] as const;

export const InvitationCounts = z.object({
  invited: z.number().int(),
  accepted: z.number().int(),
  declined: z.number().int(),
  leaveRequested: z.number().int(),
  leaveApproved: z.number().int(),
  leaveRejected: z.number().int(),
  checkedIn: z.number().int(),
});

export const MeetingSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  typeId: z.uuid(),
  typeCode: z.string(),
  typeNameZh: z.string(),
  typeNameEn: z.string(),
  state: MeetingState,
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.string().nullable(),
  mode: MeetingMode,
  /** the viewer's invitation state, when invited */
  myInvitationState: InvitationState.nullable(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const Meeting = MeetingSummary.extend({
  description: z.string().nullable(),
  videoUrl: z.string().nullable(),
  hostId: z.uuid().nullable(),
  hostName: z.string().nullable(),
  committeeId: z.uuid().nullable(),
  planItemId: z.uuid().nullable(),
  agenda: z.array(LiveAgendaItem),
  invitees: InviteeSelection,
  replyDeadline: z.string().nullable(),
  firstTimeFirst: z.boolean(),
  speakingLimitMinutes: z.number().int(),
  cancelReason: z.string().nullable(),
  counts: InvitationCounts,
  materials: z.array(MeetingMaterial),
  warnings: z.array(SchedulingWarning),
  /** state actions the viewer may take now (from libs/domain) */
  allowedActions: z.array(MeetingAction),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingListQuery = PageQuery.extend({
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  state: MeetingState.optional(),
  typeId: z.uuid().optional(),
  /** only meetings the viewer is invited to */
  mine: z.enum(['true', 'false']).default('false'),
  q: z.string().trim().max(100).optional(),
});
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;

export const MeetingTransitionInput = z.strictObject({ action: MeetingAction, reason: optionalText(1000), comment: optionalText(1000) });
export type MeetingTransitionInput = z.infer<typeof MeetingTransitionInput>;

// ---- invitations, leave, check-in ----

export const Invitation = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  sectorName: z.string().nullable(),
  committeeName: z.string().nullable(),
  departmentName: z.string().nullable(),
  state: InvitationState,
  checkInMode: CheckInModeSchema.nullable(),
  checkedInAt: z.string().nullable(),
  respondedAt: z.string().nullable(),
  leaveReason: z.string().nullable(),
  leaveComment: z.string().nullable(),
  leaveDecidedByName: z.string().nullable(),
  leaveDecidedAt: z.string().nullable(),
  /** set when the meeting ends */
  attendance: AttendanceStatus.nullable(),
});
export type Invitation = z.infer<typeof Invitation>;

/** The invitee's own reply. */
export const InvitationReply = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept') }),
  z.strictObject({ action: z.literal('decline'), reason: optionalText(1000) }),
  z.strictObject({ action: z.literal('request_leave'), reason: text(1000) }),
]);
export type InvitationReply = z.infer<typeof InvitationReply>;

export const LeaveDecision = z.strictObject({ approve: z.boolean(), comment: optionalText(1000) });
export type LeaveDecision = z.infer<typeof LeaveDecision>;

export const LeaveRequest = Invitation.extend({ meetingTitle: z.string(), meetingStartsAt: z.string() });
export type LeaveRequest = z.infer<typeof LeaveRequest>;
export const LeaveRequestQuery = PageQuery.extend({ state: z.enum(['pending', 'decided', 'all']).default('pending') });

/** The rotating room code shown on the projector; the QR encodes `url`. */
export const CheckInToken = z.object({ token: z.string(), url: z.string(), expiresAt: z.string(), rotatesEverySeconds: z.number().int() });
export type CheckInToken = z.infer<typeof CheckInToken>;
export const CHECK_IN_TOKEN_SECONDS = 30;
export const RoomCheckIn = z.strictObject({ token: z.string().trim().min(4).max(64) });

// ---- attendance ----

export const AttendanceRow = Invitation;
export const MemberAttendanceQuery = PageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100),
  sectorId: z.uuid().optional(),
  committeeId: z.uuid().optional(),
});
export const MemberAttendance = z.object({
  userId: z.uuid(),
  name: z.string(),
  sectorName: z.string().nullable(),
  invited: z.number().int(),
  present: z.number().int(),
  excused: z.number().int(),
  absent: z.number().int(),
  /** present / (meetings that have ended), 0–1 */
  rate: z.number(),
});
export type MemberAttendance = z.infer<typeof MemberAttendance>;
export const ExportFormatQuery = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('xlsx') });

// ---- arranged speeches ----

export const SpeechInput = z.strictObject({ title: text(200), content: text(20_000) });
export type SpeechInput = z.infer<typeof SpeechInput>;
export const SpeechPatch = SpeechInput.partial();
export const Speech = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  authorId: z.uuid(),
  authorName: z.string(),
  sectorName: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  state: SpeechState,
  reviewComment: z.string().nullable(),
  /** position among oral speeches (1-based), null otherwise */
  oralOrder: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  allowedActions: z.array(SpeechAction),
});
export type Speech = z.infer<typeof Speech>;
export const SpeechTransitionInput = z.strictObject({ action: SpeechAction, comment: optionalText(1000) });
export const SpeechOrder = z.strictObject({ speechIds: z.array(z.uuid()).max(500) });

// ---- organisation settings ----

export const DatedName = z.strictObject({ date: isoDate, name: optionalText(60) });
export const OrgSettings = z.object({
  timeZone: z.string(),
  jitsiBaseUrl: z.string().nullable(),
  holidays: z.array(DatedName),
  /** weekend days that are working days (调休) */
  makeupWorkdays: z.array(DatedName),
  emailEnabled: z.boolean(),
});
export type OrgSettings = z.infer<typeof OrgSettings>;
export const OrgSettingsPatch = z
  .strictObject({
    timeZone: z.string().trim().min(1).max(60).refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'unknown time zone'),
    jitsiBaseUrl: z.url({ protocol: /^https$/ }).max(200).nullable(),
    holidays: z.array(DatedName).max(400),
    makeupWorkdays: z.array(DatedName).max(100),
  })
  .partial();
