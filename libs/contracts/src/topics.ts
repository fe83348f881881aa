import { z } from 'zod';
import { PageQuery, optionalText, pageOf, text } from './common';

/*
 * Topics (DESIGN.md flow 1, 协商议题): intake from many sources, screening, merge, support (附议),
 * public calls (社会征题) with a public status page. The state list lives here; the machine in
 * libs/domain imports it.
 */

export const TOPIC_STATES = ['submitted', 'screening', 'pooled', 'rejected', 'merged', 'shortlisted', 'selected', 'not_selected'] as const;
export const TopicState = z.enum(TOPIC_STATES);
export type TopicState = z.infer<typeof TopicState>;

export const TOPIC_ACTIONS = ['start_screening', 'pool', 'reject', 'merge', 'reopen', 'shortlist', 'unshortlist', 'select', 'deselect', 'not_select'] as const;
export const TopicAction = z.enum(TOPIC_ACTIONS);
export type TopicAction = z.infer<typeof TopicAction>;

/** Consultation or democratic supervision (民主监督); the plan rules count the latter's share. */
export const TOPIC_CATEGORIES = ['consultation', 'supervision'] as const;
export const TopicCategory = z.enum(TOPIC_CATEGORIES);
export type TopicCategory = z.infer<typeof TopicCategory>;

/**
 * Where a topic came from: 社会征题, 委员, 联名, 界别, 专委会, 部门点题, 政协集题, 党委定题.
 * `joint` is a member topic with co-signers; it is set by the server when co-signers are named.
 */
export const TOPIC_SOURCES = ['public_call', 'member', 'joint', 'sector', 'committee', 'department', 'office', 'party_committee'] as const;
export const TopicSource = z.enum(TOPIC_SOURCES);
export type TopicSource = z.infer<typeof TopicSource>;

/** Policy areas the office files topics under (the customary headings of a work report). */
export const POLICY_AREAS = [
  'economy',
  'livelihood',
  'social_governance',
  'ecology',
  'urban_rural',
  'culture_education',
  'health',
  'science_technology',
  'rule_of_law',
  'other',
] as const;
export const PolicyArea = z.enum(POLICY_AREAS);
export type PolicyArea = z.infer<typeof PolicyArea>;

/** Subjects a public call does not take; shown on the form (texts in i18n topics.excluded.*). */
export const EXCLUDED_SUBJECTS = ['personal_disputes', 'petitions', 'court_cases', 'classified'] as const;

export const CO_SIGNER_STATES = ['invited', 'confirmed', 'declined'] as const;
export const CoSignerState = z.enum(CO_SIGNER_STATES);
export type CoSignerState = z.infer<typeof CoSignerState>;

const isoInstant = z.iso.datetime({ offset: true });
const year = z.coerce.number().int().min(2000).max(2100);

const topicText = {
  title: text(120),
  summary: text(2000),
  /** 理由和建议 */
  rationale: text(5000),
  category: TopicCategory,
  policyArea: PolicyArea,
};

// ---- public calls (社会征题) ----

export const TopicCallInput = z
  .strictObject({
    year,
    title: text(120),
    description: optionalText(2000),
    opensAt: isoInstant,
    closesAt: isoInstant,
    /** null: the organisation rule (settings → plan rules, maxTopicsPerPersonPerCall) applies */
    maxTopicsPerPerson: z.number().int().min(1).max(50).nullable().optional(),
  })
  .refine((c) => Date.parse(c.closesAt) > Date.parse(c.opensAt), { message: 'closes before it opens', path: ['closesAt'] });
export type TopicCallInput = z.infer<typeof TopicCallInput>;
export const TopicCallPatch = z
  .strictObject({
    title: text(120),
    description: optionalText(2000),
    opensAt: isoInstant,
    closesAt: isoInstant,
    maxTopicsPerPerson: z.number().int().min(1).max(50).nullable(),
  })
  .partial();
export type TopicCallPatch = z.infer<typeof TopicCallPatch>;

export const TopicCall = z.object({
  id: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  opensAt: z.string(),
  closesAt: z.string(),
  maxTopicsPerPerson: z.number().int().nullable(),
  /** the limit in force: the call's own or the organisation rule */
  effectiveMaxTopicsPerPerson: z.number().int(),
  isOpen: z.boolean(),
  topicCount: z.number().int(),
});
export type TopicCall = z.infer<typeof TopicCall>;

/** What the public form shows: no counts, nothing internal. */
export const PublicTopicCall = TopicCall.pick({ id: true, year: true, title: true, description: true, opensAt: true, closesAt: true, effectiveMaxTopicsPerPerson: true, isOpen: true });
export type PublicTopicCall = z.infer<typeof PublicTopicCall>;

const phone = z.string().trim().regex(/^\+?[0-9][0-9 -]{5,19}$/, 'phone');
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A visitor's topic: name and a phone or an email are required. `website` is the honeypot: humans leave it empty. */
export const PublicTopicInput = z
  .strictObject({
    ...topicText,
    name: text(60),
    phone: z.preprocess(emptyToUndefined, phone.optional()),
    email: z.preprocess(emptyToUndefined, z.email().max(200).optional()),
    /** consent to show the proposer's name on the public status page */
    showName: z.boolean().default(false),
    website: z.string().max(200).optional(),
  })
  .refine((t) => !!t.phone || !!t.email, { message: 'contact required', path: ['phone'] });
export type PublicTopicInput = z.infer<typeof PublicTopicInput>;

export const PublicTopicReceipt = z.object({ publicId: z.string(), title: z.string(), submittedAt: z.string() });
export type PublicTopicReceipt = z.infer<typeof PublicTopicReceipt>;

/** The public status page: state and dates; the name only with consent; no contact, no internal comments. */
export const PublicTopicStatus = z.object({
  publicId: z.string(),
  title: z.string(),
  summary: z.string(),
  state: TopicState,
  callTitle: z.string().nullable(),
  proposerName: z.string().nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  rejectReason: z.string().nullable(),
  /** the surviving topic's title when merged; its public id only when it came from a public call too */
  mergedInto: z.object({ publicId: z.string().nullable(), title: z.string() }).nullable(),
  history: z.array(z.object({ toState: TopicState, at: z.string() })),
});
export type PublicTopicStatus = z.infer<typeof PublicTopicStatus>;

// ---- topics entered by members, departments and the office ----

export const TopicInput = z.strictObject({
  ...topicText,
  /** default: `member` (`joint` when co-signers are named); departments file `department`; the office any */
  source: TopicSource.exclude(['public_call']).optional(),
  year: year.optional(),
  /** members invited to co-sign (联名); each confirms before counting */
  coSignerIds: z.array(z.uuid()).max(50).default([]),
  sectorId: z.uuid().nullable().optional(),
  committeeId: z.uuid().nullable().optional(),
  departmentId: z.uuid().nullable().optional(),
  /** 党委定题: the reference (文号) of the assignment; office-collected: where it came from */
  sourceRef: optionalText(200),
  /** when the office enters a topic on someone's behalf (a unit, a leader) */
  proposerName: optionalText(100),
});
export type TopicInput = z.infer<typeof TopicInput>;

export const TopicPatch = z
  .strictObject({ ...topicText, sourceRef: optionalText(200), proposerName: optionalText(100) })
  .partial();
export type TopicPatch = z.infer<typeof TopicPatch>;

export const TopicCoSigner = z.object({ userId: z.uuid(), name: z.string(), state: CoSignerState, respondedAt: z.string().nullable() });
export type TopicCoSigner = z.infer<typeof TopicCoSigner>;

export const TopicEvent = z.object({
  id: z.uuid(),
  action: z.string(),
  fromState: TopicState.nullable(),
  toState: TopicState.nullable(),
  actorName: z.string().nullable(),
  comment: z.string().nullable(),
  at: z.string(),
});
export type TopicEvent = z.infer<typeof TopicEvent>;

export const TopicSummary = z.object({
  id: z.uuid(),
  publicId: z.string(),
  year: z.number().int(),
  title: z.string(),
  summary: z.string(),
  category: TopicCategory,
  policyArea: PolicyArea,
  source: TopicSource,
  state: TopicState,
  proposerName: z.string().nullable(),
  supportCount: z.number().int(),
  coSignerCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TopicSummary = z.infer<typeof TopicSummary>;

/** A board page; counting stops at 1,000 (`totalCapped`): the board shows “1000+” and asks to refine. */
export const TopicPage = pageOf(TopicSummary).extend({ totalCapped: z.boolean() });
export type TopicPage = z.infer<typeof TopicPage>;

export const Topic = TopicSummary.extend({
  rationale: z.string(),
  proposerId: z.uuid().nullable(),
  /** contact of a public-call proposer: the office only */
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
  showName: z.boolean(),
  callId: z.uuid().nullable(),
  callTitle: z.string().nullable(),
  sectorId: z.uuid().nullable(),
  committeeId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  sourceRef: z.string().nullable(),
  rejectReason: z.string().nullable(),
  mergedInto: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  mergedFrom: z.array(z.object({ id: z.uuid(), title: z.string() })),
  coSigners: z.array(TopicCoSigner),
  /** the viewer's own relation to the topic */
  supportedByMe: z.boolean(),
  myCoSignState: CoSignerState.nullable(),
  /** transitions the viewer may perform now (from libs/domain) */
  allowedActions: z.array(TopicAction),
  canEdit: z.boolean(),
  /** the plan item that carries it (set by the plans slice) */
  planItemId: z.uuid().nullable(),
  history: z.array(TopicEvent),
});
export type Topic = z.infer<typeof Topic>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20)).optional();

export const TOPIC_SORTS = ['newest', 'oldest', 'support', 'title'] as const;
export type TopicSort = (typeof TOPIC_SORTS)[number];
export const TopicListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  state: csv(TopicState),
  source: csv(TopicSource),
  category: TopicCategory.optional(),
  policyArea: PolicyArea.optional(),
  year: year.optional(),
  callId: z.uuid().optional(),
  sort: z.enum(TOPIC_SORTS).default('newest'),
});
export type TopicListQuery = z.infer<typeof TopicListQuery>;

/** `merge` needs targetId; `reject` needs reason; `reopen` needs comment. */
export const TopicTransitionInput = z.strictObject({
  action: TopicAction,
  comment: optionalText(2000),
  reason: optionalText(2000),
  targetId: z.uuid().optional(),
});
export type TopicTransitionInput = z.infer<typeof TopicTransitionInput>;

/** The board's bulk actions: shortlist, or reject with one reason. */
export const TopicBulkInput = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(500),
  action: z.enum(['start_screening', 'pool', 'shortlist', 'reject']),
  reason: optionalText(2000),
});
export type TopicBulkInput = z.infer<typeof TopicBulkInput>;
export const TopicBulkResult = z.object({
  updated: z.array(z.uuid()),
  /** ids left as they were, each with the error code of the refused transition */
  refused: z.array(z.object({ id: z.uuid(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
});
export type TopicBulkResult = z.infer<typeof TopicBulkResult>;

export const SimilarTopic = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  state: TopicState,
  year: z.number().int(),
  supportCount: z.number().int(),
  /** pg_trgm similarity 0..1 of title and summary */
  similarity: z.number(),
});
export type SimilarTopic = z.infer<typeof SimilarTopic>;

export const CoSignReply = z.strictObject({ decision: z.enum(['confirm', 'decline']) });
export type CoSignReply = z.infer<typeof CoSignReply>;

export const MyTopics = z.object({
  /** topics I proposed or co-signed (confirmed) */
  topics: z.array(TopicSummary.extend({ role: z.enum(['proposer', 'co_signer']) })),
  /** invitations to co-sign awaiting my answer */
  coSignRequests: z.array(TopicSummary),
});
export type MyTopics = z.infer<typeof MyTopics>;
