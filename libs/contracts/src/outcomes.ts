import { z } from 'zod';
import { PageQuery, optionalText, text } from './common';

/*
 * Outcomes (成果, DESIGN.md flow 8): a finalized consensus document is sent to named recipients,
 * leaders write instructions (批示), the office assigns a lead department and assisting departments
 * (one round; a follow-up round 回头看 opens another), each department's liaison writes feedback in
 * their own portal, and the office evaluates, sends back or closes. State and vocabulary lists live
 * here; the machines and the deadline/overdue rules live in libs/domain (outcomes/, workflows/).
 *
 * Dates without a time (sentOn, deadline, instruction date) are `YYYY-MM-DD` in the organisation's
 * time zone; instants (`at`, `submittedAt`, …) are ISO strings in UTC.
 */

export const OUTCOME_STATES = ['report_sent', 'instructed', 'assigned', 'feedback_received', 'evaluated', 'closed'] as const;
export const OutcomeState = z.enum(OUTCOME_STATES);
export type OutcomeState = z.infer<typeof OutcomeState>;

/** Every step of the trail; the per-assignment steps (feedback, send back, evaluate) name the assignment. */
export const OUTCOME_ACTIONS = ['send', 'record_instruction', 'assign', 'submit_feedback', 'send_back', 'evaluate', 'close', 'follow_up'] as const;
export const OutcomeAction = z.enum(OUTCOME_ACTIONS);
export type OutcomeAction = z.infer<typeof OutcomeAction>;

/** The finalized document kinds an outcome can come from (documents.kind without 'blank'). */
export const OUTCOME_KINDS = ['report', 'recommendation', 'minutes'] as const;
export const OutcomeKind = z.enum(OUTCOME_KINDS);
export type OutcomeKind = z.infer<typeof OutcomeKind>;

export const OUTCOME_CATEGORIES = ['consultation', 'supervision'] as const;
export const OutcomeCategory = z.enum(OUTCOME_CATEGORIES);
export type OutcomeCategory = z.infer<typeof OutcomeCategory>;

/** How often the departments report: once, every quarter, every year (sets further deadlines). */
export const FEEDBACK_CADENCES = ['immediate', 'quarterly', 'annual'] as const;
export const FeedbackCadence = z.enum(FEEDBACK_CADENCES);
export type FeedbackCadence = z.infer<typeof FeedbackCadence>;

/** 采纳情况: adopted 已采纳, partly 部分采纳, under_study 研究中, not_adopted 未采纳 (needs a reason). */
export const ADOPTIONS = ['adopted', 'partly', 'under_study', 'not_adopted'] as const;
export const Adoption = z.enum(ADOPTIONS);
export type Adoption = z.infer<typeof Adoption>;

export const ASSIGNMENT_ROLES = ['lead', 'assisting'] as const;
export const AssignmentRole = z.enum(ASSIGNMENT_ROLES);
export type AssignmentRole = z.infer<typeof AssignmentRole>;

/**
 * One department's assignment in one round: waiting for its feedback (`assigned`, also after a send
 * back), `feedback_received` (the office has to evaluate), `accepted` (done for this round).
 */
export const ASSIGNMENT_STATES = ['assigned', 'feedback_received', 'accepted'] as const;
export const AssignmentState = z.enum(ASSIGNMENT_STATES);
export type AssignmentState = z.infer<typeof AssignmentState>;

export const FEEDBACK_STATES = ['pending', 'accepted', 'sent_back'] as const;
export const FeedbackState = z.enum(FEEDBACK_STATES);
export type FeedbackState = z.infer<typeof FeedbackState>;

export const RECIPIENT_BODIES = ['party_committee', 'government', 'other'] as const;
export const RecipientBody = z.enum(RECIPIENT_BODIES);
export type RecipientBody = z.infer<typeof RecipientBody>;

const isoDate = z.iso.date();

// ---- recipients and instructions ----

/** A named recipient: free text, or a user with the role leader (then `name` defaults to theirs). */
export const OutcomeRecipientInput = z.strictObject({
  body: RecipientBody,
  /** e.g. "王建国" */
  name: text(100),
  /** e.g. "市委书记", "副市长" */
  title: optionalText(100),
  userId: z.uuid().nullable().optional(),
});
export type OutcomeRecipientInput = z.infer<typeof OutcomeRecipientInput>;
export const OutcomeRecipient = z.object({
  body: RecipientBody,
  name: z.string(),
  title: z.string().nullable(),
  userId: z.uuid().nullable(),
});
export type OutcomeRecipient = z.infer<typeof OutcomeRecipient>;

/** 批示; recorded by the office, or by a leader for themself. */
export const InstructionInput = z.strictObject({
  /** the instructing leader, e.g. "李明 副市长" */
  leaderName: text(100),
  leaderUserId: z.uuid().nullable().optional(),
  date: isoDate,
  text: text(4000),
});
export type InstructionInput = z.infer<typeof InstructionInput>;
export const Instruction = z.object({
  id: z.uuid(),
  leaderName: z.string(),
  leaderUserId: z.uuid().nullable(),
  date: z.string(),
  text: z.string(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
});
export type Instruction = z.infer<typeof Instruction>;

// ---- assignments and feedback ----

export const AssignmentInput = z.strictObject({
  departmentId: z.uuid(),
  role: AssignmentRole,
  /** the first feedback is due on this date; the cadence sets further ones */
  deadline: isoDate,
});
export type AssignmentInput = z.infer<typeof AssignmentInput>;

/** One round: exactly one lead department, any assisting ones, each department once. Also the follow-up (回头看). */
export const RoundInput = z
  .strictObject({
    cadence: FeedbackCadence,
    assignments: z.array(AssignmentInput).min(1).max(30),
    comment: optionalText(2000),
  })
  .refine((r) => r.assignments.filter((a) => a.role === 'lead').length === 1, { message: 'exactly one lead department', path: ['assignments'] })
  .refine((r) => new Set(r.assignments.map((a) => a.departmentId)).size === r.assignments.length, {
    message: 'each department once',
    path: ['assignments'],
  });
export type RoundInput = z.infer<typeof RoundInput>;

export const FeedbackAttachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type FeedbackAttachment = z.infer<typeof FeedbackAttachment>;
/** Same limits and magic-byte checks as meeting materials. */
export { MATERIAL_MAX_BYTES as FEEDBACK_ATTACHMENT_MAX_BYTES, MATERIAL_MIME_TYPES as FEEDBACK_ATTACHMENT_MIME_TYPES } from './meetings';

/**
 * Written by the liaison of an assigned department. Attachments are uploaded first
 * (POST /assignments/:id/attachments) and named here; not_adopted needs a reason.
 */
export const FeedbackInput = z
  .strictObject({
    adoption: Adoption,
    /** why not (required for not_adopted) or what is still being studied */
    reason: optionalText(4000),
    /** 办理措施: what was done */
    measures: text(10000),
    attachmentIds: z.array(z.uuid()).max(20).default([]),
  })
  .refine((f) => f.adoption !== 'not_adopted' || !!f.reason, { message: 'a reason is required when not adopted', path: ['reason'] });
export type FeedbackInput = z.infer<typeof FeedbackInput>;

export const Feedback = z.object({
  id: z.uuid(),
  assignmentId: z.uuid(),
  adoption: Adoption,
  reason: z.string().nullable(),
  measures: z.string(),
  attachments: z.array(FeedbackAttachment),
  state: FeedbackState,
  submittedAt: z.string(),
  submittedByName: z.string().nullable(),
  /** the office's comment when it accepted or sent the feedback back (internal) */
  evaluationComment: z.string().nullable(),
  evaluatedAt: z.string().nullable(),
});
export type Feedback = z.infer<typeof Feedback>;

export const EvaluationInput = z
  .strictObject({
    decision: z.enum(['accept', 'send_back']),
    /** required when sending back */
    comment: optionalText(2000),
  })
  .refine((e) => e.decision !== 'send_back' || !!e.comment, { message: 'a comment is required to send back', path: ['comment'] });
export type EvaluationInput = z.infer<typeof EvaluationInput>;

export const Assignment = z.object({
  id: z.uuid(),
  outcomeId: z.uuid(),
  /** 1 for the first assignment, 2.. for follow-up rounds (回头看) */
  round: z.number().int(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  role: AssignmentRole,
  cadence: FeedbackCadence,
  state: AssignmentState,
  /** the first deadline of the round */
  firstDeadline: z.string(),
  /** the date the next feedback is due; null when nothing more is due (accepted for good) */
  deadline: z.string().nullable(),
  /** past `deadline` without accepted feedback (computed in the organisation's time zone) */
  overdue: z.boolean(),
  /** the current round (earlier rounds are history) */
  current: z.boolean(),
  feedback: z.array(Feedback),
  createdAt: z.string(),
});
export type Assignment = z.infer<typeof Assignment>;

// ---- the trail ----

export const OutcomeTrailEntry = z.object({
  id: z.uuid(),
  action: OutcomeAction,
  fromState: OutcomeState.nullable(),
  toState: OutcomeState,
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  comment: z.string().nullable(),
  assignmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  round: z.number().int().nullable(),
  at: z.string(),
});
export type OutcomeTrailEntry = z.infer<typeof OutcomeTrailEntry>;

// ---- the outcome ----

/** Derived from the document's topic / plan item / meeting when not given. */
export const OutcomeInput = z.strictObject({
  /** a finalized document (report, recommendation or minutes) */
  documentId: z.uuid(),
  /** default: the document's title */
  title: text(200).optional(),
  summary: optionalText(10000),
  recipients: z.array(OutcomeRecipientInput).min(1).max(30),
  /** 报送日期; default: today */
  sentOn: isoDate.optional(),
  category: OutcomeCategory.optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  public: z.boolean().default(false),
  /** what the public page shows instead of the internal summary */
  publicSummary: optionalText(4000),
});
export type OutcomeInput = z.infer<typeof OutcomeInput>;

export const OutcomePatch = z
  .strictObject({
    title: text(200),
    summary: optionalText(10000),
    recipients: z.array(OutcomeRecipientInput).min(1).max(30),
    sentOn: isoDate,
    category: OutcomeCategory,
    year: z.number().int().min(2000).max(2100),
    public: z.boolean(),
    publicSummary: optionalText(4000),
  })
  .partial();
export type OutcomePatch = z.infer<typeof OutcomePatch>;

export const CloseInput = z.strictObject({ comment: optionalText(2000) });
export type CloseInput = z.infer<typeof CloseInput>;

export const OutcomeSummary = z.object({
  id: z.uuid(),
  kind: OutcomeKind,
  title: z.string(),
  state: OutcomeState,
  category: OutcomeCategory,
  year: z.number().int(),
  sentOn: z.string(),
  public: z.boolean(),
  documentId: z.uuid(),
  /** the current round; 0 before the first assignment */
  round: z.number().int(),
  leadDepartmentName: z.string().nullable(),
  /** some assignment of the current round is overdue */
  overdue: z.boolean(),
  /** the earliest open deadline of the current round */
  nextDeadline: z.string().nullable(),
  updatedAt: z.string(),
});
export type OutcomeSummary = z.infer<typeof OutcomeSummary>;

/**
 * The full outcome. A department liaison gets it only when their department is assigned, with the
 * other departments' assignments and their trail entries left out.
 */
export const Outcome = OutcomeSummary.extend({
  documentTitle: z.string(),
  documentKind: z.string(),
  summary: z.string().nullable(),
  publicSummary: z.string().nullable(),
  recipients: z.array(OutcomeRecipient),
  instructions: z.array(Instruction),
  assignments: z.array(Assignment),
  trail: z.array(OutcomeTrailEntry),
  /** outcome-level actions the viewer may take now (per-assignment ones: Assignment + AssignmentView) */
  allowedActions: z.array(OutcomeAction),
  createdAt: z.string(),
});
export type Outcome = z.infer<typeof Outcome>;

export const OutcomeQuery = PageQuery.extend({
  state: OutcomeState.optional(),
  category: OutcomeCategory.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
});
export type OutcomeQuery = z.infer<typeof OutcomeQuery>;

/** A finalized document the office can send as an outcome, with what would be derived from it. */
export const OutcomeSource = z.object({
  documentId: z.uuid(),
  kind: OutcomeKind,
  title: z.string(),
  finalizedAt: z.string(),
  category: OutcomeCategory.nullable(),
  year: z.number().int(),
  /** already sent as this outcome */
  outcomeId: z.uuid().nullable(),
});
export type OutcomeSource = z.infer<typeof OutcomeSource>;

// ---- the department liaison's portal ----

/** One assignment with what the department needs to know of its outcome. */
export const AssignmentView = Assignment.extend({
  outcomeTitle: z.string(),
  outcomeKind: OutcomeKind,
  outcomeState: OutcomeState,
  outcomeSummary: z.string().nullable(),
  sentOn: z.string(),
  instructions: z.array(Instruction),
  /** the other departments of the round (names only) */
  partners: z.array(z.object({ departmentName: z.string(), role: AssignmentRole })),
  /** send-back comments and the like, for this assignment only */
  trail: z.array(OutcomeTrailEntry),
  /** `submit_feedback` (liaison), `evaluate` / `send_back` (office) */
  allowedActions: z.array(z.enum(['submit_feedback', 'evaluate', 'send_back'])),
});
export type AssignmentView = z.infer<typeof AssignmentView>;

export const AssignmentQuery = PageQuery.extend({
  state: AssignmentState.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** `false` includes earlier rounds */
  current: z.enum(['true', 'false']).default('true'),
});
export type AssignmentQuery = z.infer<typeof AssignmentQuery>;

// ---- dashboard ----

export const AdoptionBucket = z.object({
  /** the year, the category code, or the department id */
  key: z.string(),
  /** the department's name; the key again for years and categories */
  label: z.string(),
  adopted: z.number().int(),
  partly: z.number().int(),
  under_study: z.number().int(),
  not_adopted: z.number().int(),
  /** assignments with accepted feedback */
  total: z.number().int(),
  /** (adopted + partly) / total; 0 when total is 0 */
  rate: z.number(),
});
export type AdoptionBucket = z.infer<typeof AdoptionBucket>;

export const OutcomeStats = z.object({
  total: z.number().int(),
  /** not closed */
  open: z.number().int(),
  /** open with an overdue assignment */
  overdue: z.number().int(),
  closed: z.number().int(),
  byState: z.record(OutcomeState, z.number().int()),
  /** counts the latest accepted feedback per assignment */
  adoptionByYear: z.array(AdoptionBucket),
  adoptionByCategory: z.array(AdoptionBucket),
  adoptionByDepartment: z.array(AdoptionBucket),
});
export type OutcomeStats = z.infer<typeof OutcomeStats>;
export const OutcomeStatsQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

// ---- public accountability ----

/** Only what the office chose to publish: no internal comments, no actors, no attachments. */
export const PublicOutcomeProgress = z.object({
  departmentName: z.string(),
  role: AssignmentRole,
  round: z.number().int(),
  state: AssignmentState,
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  /** the latest accepted feedback */
  adoption: Adoption.nullable(),
  measures: z.string().nullable(),
  feedbackOn: z.string().nullable(),
});
export const PublicOutcome = z.object({
  id: z.uuid(),
  kind: OutcomeKind,
  title: z.string(),
  publicSummary: z.string().nullable(),
  category: OutcomeCategory,
  year: z.number().int(),
  state: OutcomeState,
  sentOn: z.string(),
  round: z.number().int(),
  /** how many leader instructions were recorded (their text stays internal) */
  instructionCount: z.number().int(),
  progress: z.array(PublicOutcomeProgress),
  /** the dates the outcome reached each step, without who did it */
  milestones: z.array(z.object({ action: OutcomeAction, toState: OutcomeState, at: z.string() })),
  updatedAt: z.string(),
});
export type PublicOutcome = z.infer<typeof PublicOutcome>;
export const PublicOutcomeQuery = PageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  category: OutcomeCategory.optional(),
});
