import { z } from 'zod';
import { optionalText, text } from './common';

/*
 * The annual consultation plan (年度协商计划, DESIGN.md flow 2): one plan per year, its items, the
 * approval trail, amendments after approval and the organisation rules checked on submit.
 * State and action lists live here; the machine in libs/domain imports them.
 */

export const PLAN_STATES = ['drafting', 'joint_revision', 'chair_meeting_reviewed', 'submitted', 'approved', 'issued', 'executing', 'summarized'] as const;
export const PlanState = z.enum(PLAN_STATES);
export type PlanState = z.infer<typeof PlanState>;
export const PLAN_ACTIONS = ['start_joint_revision', 'record_chair_meeting_review', 'submit', 'approve', 'issue', 'start_execution', 'summarize', 'send_back'] as const;
export const PlanAction = z.enum(PLAN_ACTIONS);
export type PlanAction = z.infer<typeof PlanAction>;

/** How the plan may be changed now: freely, only through a recorded amendment, or not at all. */
export const PLAN_EDIT_MODES = ['draft', 'amendment', 'locked'] as const;
export const PlanEditMode = z.enum(PLAN_EDIT_MODES);
export type PlanEditMode = z.infer<typeof PlanEditMode>;

export const PLAN_ITEM_CATEGORIES = ['consultation', 'supervision'] as const;
export const PlanItemCategory = z.enum(PLAN_ITEM_CATEGORIES);
export type PlanItemCategory = z.infer<typeof PlanItemCategory>;

// ---- organisation rules (configurable by the office) ----

export const PLAN_RULE_CODES = ['PLAN_MIN_ACTIVITIES', 'PLAN_MIN_SUPERVISION_SHARE', 'CALL_MAX_TOPICS_PER_PERSON'] as const;
export const PlanRuleCode = z.enum(PLAN_RULE_CODES);
export type PlanRuleCode = z.infer<typeof PlanRuleCode>;

const typeCode = z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, 'code');
export const PlanRules = z.strictObject({
  /** meeting type code → minimum number of plan items of that type per year */
  minActivitiesPerType: z.record(typeCode, z.number().int().min(0).max(100)),
  /** 0..1: minimum share of democratic-supervision items among all items */
  minSupervisionShare: z.number().min(0).max(1),
  /** at most this many topics per person per public call (enforced at intake) */
  maxTopicsPerPersonPerCall: z.number().int().min(1).max(100),
});
export type PlanRules = z.infer<typeof PlanRules>;

export const PlanRuleViolation = z.object({
  rule: PlanRuleCode,
  params: z.object({ type: z.string().optional(), required: z.number(), actual: z.number() }),
});
export type PlanRuleViolation = z.infer<typeof PlanRuleViolation>;

// ---- items ----

const month = z.number().int().min(1).max(12);
const bodies = z.array(text(100)).max(30);

const itemFields = {
  /** a shortlisted topic of the plan's year; omit for an item added directly */
  topicId: z.uuid().nullable().optional(),
  /** defaults to the topic's title; required for a direct item */
  title: text(200).optional(),
  /** defaults to the topic's category; required for a direct item */
  category: PlanItemCategory.optional(),
  /** the form of the activity: a meeting type */
  meetingTypeId: z.uuid(),
  plannedMonth: month.nullable().optional(),
  /** 牵头领导, e.g. "林正阳 主席" */
  leadLeader: optionalText(100),
  /** 牵头单位 */
  leadBody: optionalText(100),
  /** 参与单位 */
  participatingBodies: bodies.default([]),
  notes: optionalText(2000),
};

export const PlanItemInput = z.strictObject(itemFields).refine((i) => i.topicId || (i.title && i.category), {
  message: 'a direct item needs a title and a category',
  path: ['title'],
});
export type PlanItemInput = z.infer<typeof PlanItemInput>;

/** The topic link is fixed once an item exists: remove the item and add another instead. */
export const PlanItemPatch = z
  .strictObject({ ...itemFields, meetingTypeId: z.uuid(), participatingBodies: bodies })
  .omit({ topicId: true })
  .partial();
export type PlanItemPatch = z.infer<typeof PlanItemPatch>;

export const PlanItemMeeting = z.object({ id: z.uuid(), title: z.string(), startsAt: z.string(), state: z.string() });

export const PlanItem = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  topicId: z.uuid().nullable(),
  topicState: z.string().nullable(),
  title: z.string(),
  category: PlanItemCategory,
  meetingTypeId: z.uuid(),
  meetingTypeCode: z.string(),
  meetingTypeNameZh: z.string(),
  meetingTypeNameEn: z.string(),
  plannedMonth: z.number().int().nullable(),
  leadLeader: z.string().nullable(),
  leadBody: z.string().nullable(),
  participatingBodies: z.array(z.string()),
  notes: z.string().nullable(),
  sortOrder: z.number().int(),
  /** meetings that carry this item out (meetings.plan_item_id) */
  meetings: z.array(PlanItemMeeting),
});
export type PlanItem = z.infer<typeof PlanItem>;

// ---- approval trail and amendments ----

export const PlanApproval = z.object({
  id: z.uuid(),
  action: PlanAction,
  fromState: PlanState,
  toState: PlanState,
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  /** the meeting that decided, e.g. "十四届市委常委会第58次会议" */
  meeting: z.string().nullable(),
  comment: z.string().nullable(),
  at: z.string(),
});
export type PlanApproval = z.infer<typeof PlanApproval>;

export const PLAN_AMENDMENT_KINDS = ['add', 'update', 'remove'] as const;
export const PlanAmendmentKind = z.enum(PLAN_AMENDMENT_KINDS);

export const PlanAmendmentInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('add'), reason: text(1000), meeting: optionalText(200), item: z.strictObject(itemFields) }),
  z.strictObject({ kind: z.literal('update'), reason: text(1000), meeting: optionalText(200), itemId: z.uuid(), item: PlanItemPatch }),
  z.strictObject({ kind: z.literal('remove'), reason: text(1000), meeting: optionalText(200), itemId: z.uuid() }),
]);
export type PlanAmendmentInput = z.infer<typeof PlanAmendmentInput>;

/** A snapshot of an item in an amendment: enough to print "before → after". */
export const PlanItemSnapshot = z.object({
  title: z.string(),
  category: PlanItemCategory,
  meetingTypeCode: z.string(),
  plannedMonth: z.number().int().nullable(),
  leadLeader: z.string().nullable(),
  leadBody: z.string().nullable(),
  participatingBodies: z.array(z.string()),
  notes: z.string().nullable(),
});
export type PlanItemSnapshot = z.infer<typeof PlanItemSnapshot>;

export const PlanAmendment = z.object({
  id: z.uuid(),
  kind: PlanAmendmentKind,
  itemId: z.uuid().nullable(),
  reason: z.string(),
  meeting: z.string().nullable(),
  before: PlanItemSnapshot.nullable(),
  after: PlanItemSnapshot.nullable(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type PlanAmendment = z.infer<typeof PlanAmendment>;

// ---- the plan ----

export const PlanInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** default: "<year>年度协商计划" */
  title: text(200).optional(),
  notes: optionalText(5000),
});
export type PlanInput = z.infer<typeof PlanInput>;
export const PlanPatch = z.strictObject({ title: text(200), notes: optionalText(5000) }).partial();
export type PlanPatch = z.infer<typeof PlanPatch>;

export const PlanSummary = z.object({
  id: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  state: PlanState,
  itemCount: z.number().int(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const Plan = PlanSummary.extend({
  notes: z.string().nullable(),
  editMode: PlanEditMode,
  items: z.array(PlanItem),
  approvals: z.array(PlanApproval),
  amendments: z.array(PlanAmendment),
  /** the rules in force, so the editor checks live with the same code (libs/domain planRulesCheck) */
  rules: PlanRules,
  violations: z.array(PlanRuleViolation),
  allowedActions: z.array(PlanAction),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Plan = z.infer<typeof Plan>;

export const PlanTransitionInput = z.strictObject({
  action: PlanAction,
  /** the deciding meeting; required for the chair's meeting review and the approval */
  meeting: optionalText(200),
  comment: optionalText(2000),
});
export type PlanTransitionInput = z.infer<typeof PlanTransitionInput>;

/** A shortlisted topic of the plan's year that is not in any plan yet. */
export const PlanCandidate = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string().nullable(),
  category: PlanItemCategory,
  source: z.string(),
  state: z.string(),
});
export type PlanCandidate = z.infer<typeof PlanCandidate>;

export const PlanExportQuery = z.strictObject({ format: z.enum(['docx', 'xlsx']).default('docx') });
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
