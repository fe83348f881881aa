import type { EntityManager } from 'typeorm';
import type { Plan, PlanAction, PlanAmendment, PlanApproval, PlanItem, PlanItemCategory, PlanItemSnapshot, PlanRules, PlanState, PlanSummary } from '@xieshang/contracts';
import { planEditMode, planMachine, planRulesCheck, type WorkflowActor } from '@xieshang/domain';

export interface PlanRow {
  id: string;
  year: number;
  title: string;
  notes: string | null;
  state: PlanState;
  version: number;
  item_count?: number;
  created_at: Date;
  updated_at: Date;
}

export interface ItemRow {
  id: string;
  plan_id: string;
  topic_id: string | null;
  topic_state: string | null;
  title: string;
  category: PlanItemCategory;
  meeting_type_id: string;
  type_code: string;
  type_name_zh: string;
  type_name_en: string;
  planned_month: number | null;
  lead_leader: string | null;
  lead_body: string | null;
  participating_bodies: string[];
  notes: string | null;
  sort_order: number;
  meetings: Array<{ id: string; title: string; startsAt: string; state: string }>;
}

export const PLAN_COLUMNS = `p.id, p.year, p.title, p.notes, p.state, p.version, p.created_at, p.updated_at,
  (SELECT count(*)::int FROM plan_items i WHERE i.plan_id = p.id) AS item_count`;

/** Items in the customary order: by planned month (unscheduled last), then as the office arranged them. */
export async function loadItems(m: EntityManager, planId: string, itemId?: string): Promise<ItemRow[]> {
  return m.query(
    `SELECT i.*, t.state AS topic_state, mt.code AS type_code, mt.name_zh AS type_name_zh, mt.name_en AS type_name_en,
       COALESCE((SELECT json_agg(json_build_object('id', mm.id, 'title', mm.title, 'startsAt', mm.starts_at, 'state', mm.state) ORDER BY mm.starts_at)
                   FROM meetings mm WHERE mm.plan_item_id = i.id), '[]'::json) AS meetings
       FROM plan_items i
       JOIN meeting_types mt ON mt.id = i.meeting_type_id
       LEFT JOIN topics t ON t.id = i.topic_id
      WHERE i.plan_id = $1 ${itemId ? 'AND i.id = $2' : ''}
      ORDER BY i.planned_month NULLS LAST, i.sort_order, i.created_at, i.id`,
    itemId ? [planId, itemId] : [planId],
  );
}

export function toItem(r: ItemRow): PlanItem {
  return {
    id: r.id,
    planId: r.plan_id,
    topicId: r.topic_id,
    topicState: r.topic_state,
    title: r.title,
    category: r.category,
    meetingTypeId: r.meeting_type_id,
    meetingTypeCode: r.type_code,
    meetingTypeNameZh: r.type_name_zh,
    meetingTypeNameEn: r.type_name_en,
    plannedMonth: r.planned_month,
    leadLeader: r.lead_leader,
    leadBody: r.lead_body,
    participatingBodies: r.participating_bodies ?? [],
    notes: r.notes,
    sortOrder: r.sort_order,
    meetings: r.meetings.map((mt) => ({ ...mt, startsAt: new Date(mt.startsAt).toISOString() })),
  };
}

export function snapshot(r: ItemRow): PlanItemSnapshot {
  return {
    title: r.title,
    category: r.category,
    meetingTypeCode: r.type_code,
    plannedMonth: r.planned_month,
    leadLeader: r.lead_leader,
    leadBody: r.lead_body,
    participatingBodies: r.participating_bodies ?? [],
    notes: r.notes,
  };
}

export function toSummary(r: PlanRow): PlanSummary {
  return { id: r.id, year: r.year, title: r.title, state: r.state, itemCount: r.item_count ?? 0, updatedAt: r.updated_at.toISOString() };
}

export async function loadTrail(m: EntityManager, planId: string): Promise<{ approvals: PlanApproval[]; amendments: PlanAmendment[] }> {
  const approvals: Array<{ id: string; action: PlanAction; from_state: PlanState; to_state: PlanState; actor_id: string | null; actor_name: string | null; meeting: string | null; comment: string | null; at: Date }> =
    await m.query(
      `SELECT a.*, u.name AS actor_name FROM plan_approvals a LEFT JOIN users u ON u.id = a.actor_id WHERE a.plan_id = $1 ORDER BY a.at, a.id`,
      [planId],
    );
  const amendments: Array<{ id: string; kind: PlanAmendment['kind']; item_id: string | null; reason: string; meeting: string | null; before: PlanItemSnapshot | null; after: PlanItemSnapshot | null; actor_id: string | null; actor_name: string | null; at: Date }> =
    await m.query(
      `SELECT a.*, u.name AS actor_name FROM plan_amendments a LEFT JOIN users u ON u.id = a.actor_id WHERE a.plan_id = $1 ORDER BY a.at, a.id`,
      [planId],
    );
  return {
    approvals: approvals.map((a) => ({
      id: a.id, action: a.action, fromState: a.from_state, toState: a.to_state, actorId: a.actor_id, actorName: a.actor_name, meeting: a.meeting, comment: a.comment, at: a.at.toISOString(),
    })),
    amendments: amendments.map((a) => ({
      id: a.id, kind: a.kind, itemId: a.item_id, reason: a.reason, meeting: a.meeting, before: a.before, after: a.after, actorId: a.actor_id, actorName: a.actor_name, at: a.at.toISOString(),
    })),
  };
}

export function ruleItems(items: readonly PlanItem[]) {
  return items.map((i) => ({ meetingTypeCode: i.meetingTypeCode, category: i.category }));
}

export async function toPlan(m: EntityManager, row: PlanRow, rules: PlanRules, viewer: WorkflowActor): Promise<Plan> {
  const items = (await loadItems(m, row.id)).map(toItem);
  const trail = await loadTrail(m, row.id);
  return {
    ...toSummary({ ...row, item_count: items.length }),
    notes: row.notes,
    editMode: planEditMode(row.state),
    items,
    ...trail,
    rules,
    violations: planRulesCheck(ruleItems(items), rules),
    allowedActions: planMachine.allowedActions(viewer, { state: row.state }),
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}
