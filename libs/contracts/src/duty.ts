import { z } from 'zod';
import { text } from './common';

/*
 * Duty records (履职档案, DESIGN.md flow 9). Nothing here is booked twice: every credited event is read
 * from the table that already records it (invitations, speaking log, speeches, topics, documents) and
 * scored on the fly with the rules in force (libs/domain scoreDutyRecord). Only the office's manual
 * entries and the rules themselves are stored by this feature.
 */

/** What earns (or costs) points. The attendance and speech kinds can be scored per meeting type. */
export const DUTY_EVENT_KINDS = [
  'attendance_present',
  'attendance_excused',
  'attendance_absent',
  'speech_given',
  'speech_oral',
  'speech_written',
  'topic_proposed',
  'topic_cosigned',
  'topic_selected',
  'document_contribution',
  'manual',
] as const;
export const DutyEventKind = z.enum(DUTY_EVENT_KINDS);
export type DutyEventKind = z.infer<typeof DutyEventKind>;

/** Kinds that belong to a meeting, so a meeting type may override their points. */
export const DUTY_MEETING_EVENT_KINDS = ['attendance_present', 'attendance_excused', 'attendance_absent', 'speech_given', 'speech_oral', 'speech_written'] as const;
export const DutyMeetingEventKind = z.enum(DUTY_MEETING_EVENT_KINDS);
export type DutyMeetingEventKind = z.infer<typeof DutyMeetingEventKind>;

/** Kinds whose points the rules set (a manual entry carries its own points). */
export const DUTY_RULED_KINDS = DUTY_EVENT_KINDS.filter((k): k is Exclude<DutyEventKind, 'manual'> => k !== 'manual');

/** Half points are common in published schemes (e.g. 0.5 per co-signature); nothing finer. */
const points = z.number().min(-100).max(100).multipleOf(0.5);
const cap = z.number().min(0).max(1000).multipleOf(0.5);
const meetingTypeCode = z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, 'code');

const byKind = <T extends z.ZodType>(value: T) => z.partialRecord(DutyEventKind, value);

export const DutyRules = z
  .strictObject({
    /** everyone starts the year with this */
    baseScore: z.number().min(0).max(1000).multipleOf(0.5),
    /** points per event kind (negative = deduction); manual entries carry their own */
    points: z.strictObject(Object.fromEntries(DUTY_RULED_KINDS.map((k) => [k, points])) as Record<Exclude<DutyEventKind, 'manual'>, typeof points>),
    /** meeting type code → kind → points, overriding `points` for events of that meeting type */
    meetingTypePoints: z.record(meetingTypeCode, z.partialRecord(DutyMeetingEventKind, points)),
    /** most bonus points one kind may add in a year; absent = no cap */
    kindCaps: byKind(cap),
    /** most bonus points in all (the "up to 50 bonus" of the city scheme); null = no cap */
    bonusCap: cap.nullable(),
    /** most points deducted in all; null = no limit */
    deductionCap: cap.nullable(),
    /** the score never falls below this */
    minScore: z.number().min(0).max(1000).multipleOf(0.5),
  })
  .refine((r) => r.minScore <= r.baseScore, { message: 'minScore must not exceed baseScore', path: ['minScore'] });
export type DutyRules = z.infer<typeof DutyRules>;

export const DutyRulesView = z.object({
  /** 0 = the built-in defaults, never saved */
  version: z.number().int(),
  rules: DutyRules,
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
  /** meeting types the editor can name, with their codes */
  meetingTypes: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
});
export type DutyRulesView = z.infer<typeof DutyRulesView>;

// ---- lines and scores ----

export const DUTY_SOURCE_TYPES = ['meeting', 'speech', 'speaking_log', 'topic', 'document', 'manual'] as const;
export const DutySourceType = z.enum(DUTY_SOURCE_TYPES);
export type DutySourceType = z.infer<typeof DutySourceType>;

/** Where a line comes from: the web app turns it into a link (meeting page, topic page, document…). */
export const DutySource = z.object({
  type: DutySourceType,
  id: z.string(),
  /** the meeting a speech or a speaking-log entry belongs to */
  meetingId: z.string().nullable(),
  title: z.string(),
});
export type DutySource = z.infer<typeof DutySource>;

export const DutyLine = z.object({
  kind: DutyEventKind,
  occurredAt: z.string(),
  meetingTypeCode: z.string().nullable(),
  source: DutySource,
  /** for manual entries: the office's reason */
  note: z.string().nullable(),
  /** what the rules give this event */
  points: z.number(),
  /** what it counts for after caps */
  awarded: z.number(),
  cappedBy: z.enum(['kind', 'bonus', 'deduction']).nullable(),
});
export type DutyLine = z.infer<typeof DutyLine>;

export const DutyKindTotal = z.object({ kind: DutyEventKind, count: z.number().int(), awarded: z.number() });
export type DutyKindTotal = z.infer<typeof DutyKindTotal>;

export const DutyScore = z.object({
  base: z.number(),
  bonus: z.number(),
  deductions: z.number(),
  total: z.number(),
  /** the bonus would have been higher without the total cap or a kind cap */
  capped: z.boolean(),
});
export type DutyScore = z.infer<typeof DutyScore>;

export const DutyMember = z.object({
  userId: z.uuid(),
  name: z.string(),
  sectorName: z.string().nullable(),
  committeeName: z.string().nullable(),
});

export const DutyRecord = DutyMember.extend({
  year: z.number().int(),
  rulesVersion: z.number().int(),
  score: DutyScore,
  kinds: z.array(DutyKindTotal),
  lines: z.array(DutyLine),
  /** meeting type code → names, for the lines' labels */
  meetingTypes: z.record(z.string(), z.object({ nameZh: z.string(), nameEn: z.string() })),
});
export type DutyRecord = z.infer<typeof DutyRecord>;

export const DutyRankingRow = DutyMember.extend({
  rank: z.number().int(),
  score: DutyScore,
  kinds: z.array(DutyKindTotal),
});
export type DutyRankingRow = z.infer<typeof DutyRankingRow>;

export const DutyRanking = z.object({ year: z.number().int(), rulesVersion: z.number().int(), items: z.array(DutyRankingRow) });
export type DutyRanking = z.infer<typeof DutyRanking>;

// ---- queries ----

const year = z.coerce.number().int().min(2000).max(2100);
export const DutyYearQuery = z.strictObject({ year: year.optional() });
export const DutyRankingQuery = z.strictObject({ year, sectorId: z.uuid().optional(), committeeId: z.uuid().optional() });
export type DutyRankingQuery = z.infer<typeof DutyRankingQuery>;
export const DutyExportQuery = DutyRankingQuery.extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') });

// ---- manual entries ----

export const DutyEntryInput = z.strictObject({
  userId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  /** positive = bonus (e.g. a commended report), negative = deduction */
  points: points.refine((p) => p !== 0, 'points must not be zero'),
  reason: text(500),
  /** the date of the activity, YYYY-MM-DD in the organisation's calendar; default today */
  occurredOn: z.iso.date().optional(),
});
export type DutyEntryInput = z.infer<typeof DutyEntryInput>;

export const DutyEntry = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  year: z.number().int(),
  points: z.number(),
  reason: z.string(),
  occurredOn: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type DutyEntry = z.infer<typeof DutyEntry>;

/** Withdrawing an entry takes a reason too: the audit log keeps both. */
export const DutyEntryWithdrawal = z.strictObject({ reason: text(500) });
export type DutyEntryWithdrawal = z.infer<typeof DutyEntryWithdrawal>;

export const DutyEntriesQuery = z.strictObject({ year, userId: z.uuid().optional() });
