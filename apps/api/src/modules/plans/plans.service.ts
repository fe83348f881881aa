import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  Plan,
  PlanAmendmentInput,
  PlanCandidate,
  PlanInput,
  PlanItemInput,
  PlanItemPatch,
  PlanPatch,
  PlanState,
  PlanSummary,
  PlanTransitionInput,
  SessionUser,
} from '@xieshang/contracts';
import {
  canSeePlan,
  isTransitionError,
  PLAN_CLOSING_ACTION,
  planEditMode,
  planMachine,
  planRulesCheck,
  PUBLISHED_PLAN_STATES,
  SEES_DRAFT_PLANS,
  type WorkflowActor,
} from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';
import { readPlanRules } from './plan-rules.service';
import { closeTopicSelection, lockTopic, moveTopic } from './plan-topics';
import { loadItems, PLAN_COLUMNS, ruleItems, snapshot, toItem, toPlan, toSummary, type ItemRow, type PlanRow } from './plan-view';

const actorOf = (u: SessionUser): WorkflowActor => ({ id: u.id, roles: u.roles });
const invalid = (path: string, code: string, message: string) => new AppException('VALIDATION_FAILED', undefined, [{ path, code, message }]);
/** States after the plan closed the year's topic selection. */
const CLOSED_STATES: readonly PlanState[] = ['issued', 'executing', 'summarized'];

type ItemFields = Omit<PlanItemInput, 'topicId'>;

@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  // ---- reading ----

  async list(viewer: SessionUser): Promise<PlanSummary[]> {
    const seesDrafts = viewer.roles.some((r) => SEES_DRAFT_PLANS.includes(r));
    const rows: PlanRow[] = await this.ds.query(
      `SELECT ${PLAN_COLUMNS} FROM plans p ${seesDrafts ? '' : 'WHERE p.state = ANY($1::text[])'} ORDER BY p.year DESC`,
      seesDrafts ? [] : [PUBLISHED_PLAN_STATES],
    );
    return rows.map(toSummary);
  }

  private async row(m: EntityManager, id: string, lock = false): Promise<PlanRow | undefined> {
    const [row]: PlanRow[] = await m.query(`SELECT ${PLAN_COLUMNS} FROM plans p WHERE p.id = $1 ${lock ? 'FOR UPDATE OF p' : ''}`, [id]);
    return row;
  }

  private async visibleRow(m: EntityManager, id: string, viewer: SessionUser, lock = false): Promise<PlanRow> {
    const row = await this.row(m, id, lock);
    if (!row || !canSeePlan(viewer, row.state)) throw new AppException('NOT_FOUND');
    return row;
  }

  async get(id: string, viewer: SessionUser, m: EntityManager = this.ds.manager): Promise<Plan> {
    const row = await this.visibleRow(m, id, viewer);
    return toPlan(m, row, await readPlanRules(m), actorOf(viewer));
  }

  async candidates(id: string, viewer: SessionUser): Promise<PlanCandidate[]> {
    const row = await this.visibleRow(this.ds.manager, id, viewer);
    return this.ds.query(
      `SELECT t.id, t.title, t.summary, t.category, t.source, t.state FROM topics t
        WHERE t.year = $1 AND t.state = 'shortlisted' AND NOT EXISTS (SELECT 1 FROM plan_items i WHERE i.topic_id = t.id)
        ORDER BY t.support_count DESC, t.created_at, t.id LIMIT 500`,
      [row.year],
    );
  }

  // ---- the plan itself ----

  async create(actor: SessionUser, input: PlanInput): Promise<Plan> {
    return this.ds.transaction(async (m) => {
      const [taken] = await m.query(`SELECT 1 FROM plans WHERE year = $1`, [input.year]);
      if (taken) throw new AppException('PLAN_YEAR_TAKEN', { year: input.year });
      const title = input.title ?? `${input.year}年度协商计划`;
      const [{ id }] = await m.query(`INSERT INTO plans (year, title, notes, created_by) VALUES ($1, $2, $3, $4) RETURNING id`, [input.year, title, input.notes ?? null, actor.id]);
      await this.audit.record({ actorId: actor.id, action: 'plan.created', entity: 'plan', entityId: id, data: { year: input.year, title } }, m);
      return this.get(id, actor, m);
    });
  }

  async update(actor: SessionUser, id: string, patch: PlanPatch): Promise<Plan> {
    return this.write(actor, id, 'draft', async (m, plan) => {
      await m.query(`UPDATE plans SET title = COALESCE($2, title), notes = CASE WHEN $3 THEN $4 ELSE notes END WHERE id = $1`, [plan.id, patch.title ?? null, patch.notes !== undefined, patch.notes ?? null]);
      await this.audit.record({ actorId: actor.id, action: 'plan.updated', entity: 'plan', entityId: plan.id, data: { ...patch } }, m);
    });
  }

  /**
   * Run a change in one transaction with the plan locked, after checking the plan may be changed
   * that way now (`draft`: freely; `amendment`: only through amendPlan); bumps the version.
   */
  private write(actor: SessionUser, id: string, mode: 'draft' | 'amendment', change: (m: EntityManager, plan: PlanRow) => Promise<void>): Promise<Plan> {
    return this.ds.transaction(async (m) => {
      const plan = await this.visibleRow(m, id, actor, true);
      const current = planEditMode(plan.state);
      if (current !== mode) {
        // Amending a draft is pointless (edit it); editing an approved plan needs an amendment.
        if (mode === 'amendment' && current === 'draft') throw new AppException('CONFLICT');
        throw new AppException('PLAN_LOCKED', { state: plan.state });
      }
      await change(m, plan);
      await m.query(`UPDATE plans SET version = version + 1, updated_at = now() WHERE id = $1`, [plan.id]);
      return this.get(plan.id, actor, m);
    });
  }

  // ---- items ----

  private async requireType(m: EntityManager, typeId: string): Promise<void> {
    const [ok] = await m.query(`SELECT 1 FROM meeting_types WHERE id = $1 AND active`, [typeId]);
    if (!ok) throw invalid('body.meetingTypeId', 'unknown', 'No such active meeting type');
  }

  private async item(m: EntityManager, planId: string, itemId: string): Promise<ItemRow> {
    const [row] = await loadItems(m, planId, itemId);
    if (!row) throw new AppException('NOT_FOUND');
    return row;
  }

  /** Insert an item; a topic item selects its topic (flow 1). */
  private async insertItem(m: EntityManager, actor: SessionUser, plan: PlanRow, input: ItemFields & { topicId?: string | null }): Promise<ItemRow> {
    await this.requireType(m, input.meetingTypeId);
    const topic = input.topicId ? await lockTopic(m, input.topicId) : null;
    const title = input.title ?? topic?.title;
    const category = input.category ?? topic?.category;
    if (!title || !category) throw invalid('body.title', 'required', 'A direct item needs a title and a category');
    // A topic already in a plan is `selected`, so this also keeps a topic to one item.
    if (topic && topic.state !== 'shortlisted') throw new AppException('PLAN_TOPIC_UNAVAILABLE', { state: topic.state });
    const [{ id }] = await m.query(
      `INSERT INTO plan_items (plan_id, topic_id, title, category, meeting_type_id, planned_month, lead_leader, lead_body, participating_bodies, notes, sort_order)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10, (SELECT COALESCE(max(sort_order), 0) + 1 FROM plan_items WHERE plan_id = $1)) RETURNING id`,
      [plan.id, topic?.id ?? null, title, category, input.meetingTypeId, input.plannedMonth ?? null, input.leadLeader ?? null, input.leadBody ?? null, input.participatingBodies ?? [], input.notes ?? null],
    );
    if (topic) {
      await moveTopic(m, actorOf(actor), topic, 'select', { planId: plan.id, planItemId: id });
    }
    return this.item(m, plan.id, id);
  }

  private async patchItem(m: EntityManager, plan: PlanRow, itemId: string, patch: PlanItemPatch): Promise<{ before: ItemRow; after: ItemRow }> {
    const before = await this.item(m, plan.id, itemId);
    if (patch.meetingTypeId) await this.requireType(m, patch.meetingTypeId);
    const columns = {
      title: 'title', category: 'category', meetingTypeId: 'meeting_type_id', plannedMonth: 'planned_month', leadLeader: 'lead_leader', leadBody: 'lead_body', participatingBodies: 'participating_bodies', notes: 'notes',
    } as const;
    const sets: string[] = [];
    const args: unknown[] = [itemId];
    for (const [key, column] of Object.entries(columns) as Array<[keyof typeof columns, string]>) {
      if (patch[key] === undefined) continue;
      args.push(patch[key]);
      sets.push(`${column} = $${args.length}`);
    }
    if (sets.length) await m.query(`UPDATE plan_items SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, args);
    return { before, after: await this.item(m, plan.id, itemId) };
  }

  /** Remove an item; its topic goes back to the shortlist, or to not_selected once the plan has closed the selection. */
  private async removeItem(m: EntityManager, actor: SessionUser, plan: PlanRow, itemId: string, comment: string | null): Promise<ItemRow> {
    const item = await this.item(m, plan.id, itemId);
    if (item.meetings.length) throw new AppException('IN_USE', { count: item.meetings.length });
    await m.query(`DELETE FROM plan_items WHERE id = $1`, [itemId]);
    if (item.topic_id) {
      const topic = await lockTopic(m, item.topic_id);
      const data = { planId: plan.id, planItemId: itemId, comment };
      if (topic.state === 'selected') {
        const state = await moveTopic(m, actorOf(actor), topic, 'deselect', data);
        if (CLOSED_STATES.includes(plan.state)) await moveTopic(m, actorOf(actor), { id: topic.id, state }, 'not_select', data);
      }
    }
    return item;
  }

  addItem(actor: SessionUser, planId: string, input: PlanItemInput): Promise<Plan> {
    return this.write(actor, planId, 'draft', async (m, plan) => {
      const item = await this.insertItem(m, actor, plan, input);
      await this.audit.record({ actorId: actor.id, action: 'plan.item_added', entity: 'plan', entityId: plan.id, data: { itemId: item.id, topicId: item.topic_id, title: item.title } }, m);
    });
  }

  updateItem(actor: SessionUser, planId: string, itemId: string, patch: PlanItemPatch): Promise<Plan> {
    return this.write(actor, planId, 'draft', async (m, plan) => {
      await this.patchItem(m, plan, itemId, patch);
      await this.audit.record({ actorId: actor.id, action: 'plan.item_updated', entity: 'plan', entityId: plan.id, data: { itemId, ...patch } }, m);
    });
  }

  removeDraftItem(actor: SessionUser, planId: string, itemId: string): Promise<Plan> {
    return this.write(actor, planId, 'draft', async (m, plan) => {
      const item = await this.removeItem(m, actor, plan, itemId, null);
      await this.audit.record({ actorId: actor.id, action: 'plan.item_removed', entity: 'plan', entityId: plan.id, data: { itemId, title: item.title } }, m);
    });
  }

  // ---- amendments to an approved plan ----

  amend(actor: SessionUser, planId: string, input: PlanAmendmentInput): Promise<Plan> {
    return this.write(actor, planId, 'amendment', async (m, plan) => {
      let itemId: string;
      let before: ItemRow | null = null;
      let after: ItemRow | null = null;
      if (input.kind === 'add') {
        after = await this.insertItem(m, actor, plan, input.item);
        itemId = after.id;
      } else if (input.kind === 'update') {
        ({ before, after } = await this.patchItem(m, plan, input.itemId, input.item));
        itemId = input.itemId;
      } else {
        before = await this.removeItem(m, actor, plan, input.itemId, input.reason);
        itemId = input.itemId;
      }
      const [{ id }] = await m.query(
        `INSERT INTO plan_amendments (plan_id, kind, item_id, reason, meeting, before, after, actor_id) VALUES ($1,$2,$3,$4,$5,$6::jsonb,$7::jsonb,$8) RETURNING id`,
        [plan.id, input.kind, itemId, input.reason, input.meeting ?? null, before ? JSON.stringify(snapshot(before)) : null, after ? JSON.stringify(snapshot(after)) : null, actor.id],
      );
      await this.audit.record({ actorId: actor.id, action: 'plan.amended', entity: 'plan', entityId: plan.id, data: { amendmentId: id, kind: input.kind, itemId, reason: input.reason } }, m);
    });
  }

  // ---- approval steps ----

  async transition(actor: SessionUser, id: string, input: PlanTransitionInput): Promise<Plan> {
    return this.ds.transaction(async (m) => {
      const plan = await this.visibleRow(m, id, actor, true);
      const result = planMachine.apply(actorOf(actor), { state: plan.state }, input.action, { meeting: input.meeting, comment: input.comment });
      if (isTransitionError(result)) throw new AppException(result.error.code, result.error.params);
      if (input.action === 'submit') {
        const items = (await loadItems(m, plan.id)).map(toItem);
        const violations = planRulesCheck(ruleItems(items), await readPlanRules(m));
        if (violations.length) {
          const [first] = violations;
          throw new AppException('PLAN_RULES_VIOLATED', { count: violations.length, rule: first.rule, ...first.params }, { violations });
        }
      }
      await m.query(`UPDATE plans SET state = $2, version = version + 1, updated_at = now() WHERE id = $1`, [plan.id, result.to]);
      await m.query(
        `INSERT INTO plan_approvals (plan_id, action, from_state, to_state, actor_id, meeting, comment) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [plan.id, input.action, plan.state, result.to, actor.id, input.meeting ?? null, input.comment ?? null],
      );
      const notSelected = input.action === PLAN_CLOSING_ACTION ? await closeTopicSelection(m, actorOf(actor), plan, `${plan.title}`) : 0;
      await this.audit.record(
        { actorId: actor.id, action: `plan.${input.action}`, entity: 'plan', entityId: plan.id, data: { from: plan.state, to: result.to, meeting: input.meeting ?? null, comment: input.comment ?? null, notSelected } },
        m,
      );
      return this.get(plan.id, actor, m);
    });
  }
}
