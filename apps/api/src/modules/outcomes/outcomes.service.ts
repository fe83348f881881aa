import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  CloseInput,
  InstructionInput,
  Outcome,
  OutcomeCategory,
  OutcomeInput,
  OutcomePatch,
  OutcomeQuery,
  OutcomeSource,
  OutcomeSummary,
  OutcomeState,
  Page,
  RoundInput,
  SessionUser,
} from '@xieshang/contracts';
import { canRecordInstruction, outcomeMachine, outcomeScope } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { SettingsService } from '../settings/settings.service';
import { actorOf, invalid, liaisonIds, recordStep, todayIn, unwrap } from './outcome-steps';
import { loadOutcome, loadOutcomeRow, OUTCOME_COLUMNS, OUTCOME_FROM, overdueSql, scopeDepartment, toSummary, type OutcomeRow } from './outcome-view';

const SENDABLE_KINDS = ['report', 'recommendation', 'minutes'];

/** What an outcome takes from its document: category and year from its topic, plan item or meeting. */
const SOURCE_SQL = `SELECT d.id, d.kind, d.title, d.state, d.finalized_at,
    COALESCE(t.category, pi.category, mpi.category) AS category,
    COALESCE(t.year, p.year, mp.year, extract(year FROM d.finalized_at AT TIME ZONE $1)::int) AS year
  FROM documents d
  LEFT JOIN topics t ON t.id = d.topic_id
  LEFT JOIN plan_items pi ON pi.id = d.plan_item_id LEFT JOIN plans p ON p.id = pi.plan_id
  LEFT JOIN meetings mt ON mt.id = d.meeting_id
  LEFT JOIN plan_items mpi ON mpi.id = mt.plan_item_id LEFT JOIN plans mp ON mp.id = mpi.plan_id`;

type SourceRow = { id: string; kind: string; title: string; state: string; finalized_at: Date | null; category: OutcomeCategory | null; year: number | null };

/**
 * Outcome-level use cases (flow 8): send, edit, instructions, assign, close, follow up; reading with
 * the viewer's scope. Per-assignment steps are in AssignmentsService. Every change writes the trail,
 * the audit log and its notifications in one transaction.
 */
@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly settings: SettingsService,
  ) {}

  // ---- reading ----

  async list(viewer: SessionUser, q: OutcomeQuery): Promise<Page<OutcomeSummary>> {
    const scope = outcomeScope(actorOf(viewer));
    if (scope.kind === 'none') return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    const dept = scopeDepartment(scope);
    const args: unknown[] = [await todayIn(this.settings), dept];
    const where: string[] = [];
    const add = (sql: (n: number) => string, value: unknown) => {
      args.push(value);
      where.push(sql(args.length));
    };
    if (dept) where.push(`EXISTS (SELECT 1 FROM outcome_assignments sa WHERE sa.outcome_id = o.id AND sa.department_id = $2::uuid)`);
    if (q.state) add((n) => `o.state = $${n}`, q.state);
    if (q.category) add((n) => `o.category = $${n}`, q.category);
    if (q.year) add((n) => `o.year = $${n}`, q.year);
    if (q.q) add((n) => `o.title ILIKE '%' || $${n} || '%'`, q.q.replace(/[%_\\]/g, (c) => `\\${c}`));
    if (q.overdue) where.push(`${q.overdue === 'true' ? '' : 'NOT '}${overdueSql('$2')}`);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: Array<{ total: number }> = await this.ds.query(
      // $1 and $2 typed here too: PostgreSQL refuses parameters a query never mentions
      `SELECT count(*)::int AS total FROM (SELECT $1::date AS today, $2::uuid AS dept) params CROSS JOIN ${OUTCOME_FROM} ${w}`,
      args,
    );
    const rows: OutcomeRow[] = await this.ds.query(
      `SELECT ${OUTCOME_COLUMNS} FROM ${OUTCOME_FROM} ${w} ORDER BY o.sent_on DESC, o.created_at DESC, o.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      args,
    );
    return { items: rows.map(toSummary), total, page: q.page, pageSize: q.pageSize };
  }

  /** A liaison whose department is not assigned gets NOT_FOUND, as for an id that does not exist. */
  async get(id: string, viewer: SessionUser, m: EntityManager = this.ds.manager): Promise<Outcome> {
    const actor = actorOf(viewer);
    const scope = outcomeScope(actor);
    if (scope.kind === 'none') throw new AppException('NOT_FOUND');
    const today = await todayIn(this.settings);
    const dept = scopeDepartment(scope);
    const row = await loadOutcomeRow(m, id, today, dept);
    if (!row) throw new AppException('NOT_FOUND');
    if (dept) {
      const [assigned] = await m.query(`SELECT 1 FROM outcome_assignments WHERE outcome_id = $1 AND department_id = $2`, [id, dept]);
      if (!assigned) throw new AppException('NOT_FOUND');
    }
    return loadOutcome(m, row, actor, scope, today);
  }

  async sources(): Promise<OutcomeSource[]> {
    const { timeZone } = await this.settings.get();
    const rows: Array<SourceRow & { outcome_id: string | null }> = await this.ds.query(
      `SELECT s.*, o.id AS outcome_id FROM (${SOURCE_SQL}) s LEFT JOIN outcomes o ON o.document_id = s.id
        WHERE s.state = 'finalized' AND s.kind = ANY($2::text[]) ORDER BY s.finalized_at DESC, s.id`,
      [timeZone, SENDABLE_KINDS],
    );
    return rows.map((r) => ({
      documentId: r.id,
      kind: r.kind as OutcomeSource['kind'],
      title: r.title,
      finalizedAt: (r.finalized_at ?? new Date(0)).toISOString(),
      category: r.category,
      year: r.year ?? new Date().getUTCFullYear(),
      outcomeId: r.outcome_id,
    }));
  }

  // ---- sending and editing ----

  async create(actor: SessionUser, input: OutcomeInput): Promise<Outcome> {
    const { timeZone } = await this.settings.get();
    const today = await todayIn(this.settings);
    return this.ds.transaction(async (m) => {
      const [doc]: SourceRow[] = await m.query(`${SOURCE_SQL} WHERE d.id = $2 FOR UPDATE OF d`, [timeZone, input.documentId]);
      if (!doc) throw invalid('body.documentId', 'unknown', 'No such document');
      if (doc.state !== 'finalized' || !SENDABLE_KINDS.includes(doc.kind)) throw new AppException('OUTCOME_SOURCE_NOT_FINAL', { state: doc.kind === 'blank' ? doc.kind : doc.state });
      const [taken] = await m.query(`SELECT 1 FROM outcomes WHERE document_id = $1`, [doc.id]);
      if (taken) throw new AppException('OUTCOME_ALREADY_SENT');
      const sentOn = input.sentOn ?? today;
      const [{ id }]: Array<{ id: string }> = await m.query(
        `INSERT INTO outcomes (document_id, kind, title, summary, recipients, sent_on, category, year, is_public, public_summary, created_by)
         VALUES ($1,$2,$3,$4,$5::jsonb,$6,$7,$8,$9,$10,$11) RETURNING id`,
        [
          doc.id, doc.kind, input.title ?? doc.title, input.summary ?? null, JSON.stringify(await this.recipients(m, input.recipients)), sentOn,
          input.category ?? doc.category ?? 'consultation', input.year ?? doc.year ?? Number(sentOn.slice(0, 4)), input.public, input.publicSummary ?? null, actor.id,
        ],
      );
      await recordStep(m, { outcomeId: id, action: 'send', from: null, to: 'report_sent', actorId: actor.id });
      await this.audit.record({ actorId: actor.id, action: 'outcome.sent', entity: 'outcome', entityId: id, data: { documentId: doc.id, sentOn, public: input.public } }, m);
      return this.get(id, actor, m);
    });
  }

  /** Recipients who are users must be leaders; their stored name is what the office typed. */
  private async recipients(m: EntityManager, list: OutcomeInput['recipients']) {
    const userIds = list.map((r) => r.userId).filter((u): u is string => !!u);
    if (userIds.length) {
      const leaders: Array<{ id: string }> = await m.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND 'leader' = ANY(roles)`, [userIds]);
      const ok = new Set(leaders.map((l) => l.id));
      const bad = list.findIndex((r) => r.userId && !ok.has(r.userId));
      if (bad >= 0) throw invalid(`body.recipients.${bad}.userId`, 'not_leader', 'Recipients chosen from users must have the role leader');
    }
    return list.map((r) => ({ body: r.body, name: r.name, title: r.title ?? null, userId: r.userId ?? null }));
  }

  async update(actor: SessionUser, id: string, patch: OutcomePatch): Promise<Outcome> {
    return this.ds.transaction(async (m) => {
      await this.lock(m, id);
      const columns = { title: 'title', summary: 'summary', sentOn: 'sent_on', category: 'category', year: 'year', public: 'is_public', publicSummary: 'public_summary' } as const;
      const sets: string[] = [];
      const args: unknown[] = [id];
      for (const [key, column] of Object.entries(columns) as Array<[keyof typeof columns, string]>) {
        if (patch[key] === undefined) continue;
        args.push(patch[key]);
        sets.push(`${column} = $${args.length}`);
      }
      if (patch.recipients) {
        args.push(JSON.stringify(await this.recipients(m, patch.recipients)));
        sets.push(`recipients = $${args.length}::jsonb`);
      }
      if (sets.length) await m.query(`UPDATE outcomes SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, args);
      await this.audit.record({ actorId: actor.id, action: 'outcome.updated', entity: 'outcome', entityId: id, data: { ...patch } }, m);
      return this.get(id, actor, m);
    });
  }

  private async lock(m: EntityManager, id: string): Promise<{ id: string; state: OutcomeState; round: number; title: string }> {
    const [row] = await m.query(`SELECT id, state, round, title FROM outcomes WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw new AppException('NOT_FOUND');
    return row;
  }

  // ---- steps ----

  /**
   * 批示 by the office or a leader. The first one moves a sent report to `instructed`; later ones
   * (a second leader, a new instruction during a follow-up) are recorded without moving the outcome.
   */
  async recordInstruction(actor: SessionUser, id: string, input: InstructionInput): Promise<Outcome> {
    const who = actorOf(actor);
    if (!canRecordInstruction(who)) throw new AppException('FORBIDDEN', { action: 'record_instruction' });
    return this.ds.transaction(async (m) => {
      const o = await this.lock(m, id);
      const to = o.state === 'report_sent' ? unwrap(outcomeMachine.apply(who, { state: o.state, departmentIds: [] }, 'record_instruction')) : o.state;
      if (input.leaderUserId) {
        const [leader] = await m.query(`SELECT 1 FROM users WHERE id = $1 AND 'leader' = ANY(roles)`, [input.leaderUserId]);
        if (!leader) throw invalid('body.leaderUserId', 'not_leader', 'The instructing user must have the role leader');
      }
      const [{ id: instructionId }] = await m.query(
        `INSERT INTO outcome_instructions (outcome_id, leader_name, leader_user_id, date, text, recorded_by) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
        [id, input.leaderName, input.leaderUserId ?? null, input.date, input.text, actor.id],
      );
      await recordStep(m, { outcomeId: id, action: 'record_instruction', from: o.state, to, actorId: actor.id, comment: `${input.leaderName}（${input.date}）` });
      await this.audit.record({ actorId: actor.id, action: 'outcome.instruction_recorded', entity: 'outcome', entityId: id, data: { instructionId, leaderName: input.leaderName, date: input.date } }, m);
      return this.get(id, actor, m);
    });
  }

  assign(actor: SessionUser, id: string, input: RoundInput): Promise<Outcome> {
    return this.startRound(actor, id, input, 'assign');
  }

  followUp(actor: SessionUser, id: string, input: RoundInput): Promise<Outcome> {
    return this.startRound(actor, id, input, 'follow_up');
  }

  /** A round: the first assignment, or a follow-up (回头看) after closing; the liaisons are told. */
  private async startRound(actor: SessionUser, id: string, input: RoundInput, action: 'assign' | 'follow_up'): Promise<Outcome> {
    const today = await todayIn(this.settings);
    return this.ds.transaction(async (m) => {
      const o = await this.lock(m, id);
      const lead = input.assignments.find((a) => a.role === 'lead')!;
      const to = unwrap(outcomeMachine.apply(actorOf(actor), { state: o.state, departmentIds: [] }, action, { deadline: lead.deadline, comment: input.comment ?? null }));
      const past = input.assignments.findIndex((a) => a.deadline < today);
      if (past >= 0) throw invalid(`body.assignments.${past}.deadline`, 'past', 'The deadline has already passed');
      const deptIds = input.assignments.map((a) => a.departmentId);
      const known: Array<{ id: string; name: string }> = await m.query(`SELECT id, name FROM departments WHERE id = ANY($1::uuid[])`, [deptIds]);
      const names = new Map(known.map((d) => [d.id, d.name]));
      const unknown = deptIds.findIndex((d) => !names.has(d));
      if (unknown >= 0) throw invalid(`body.assignments.${unknown}.departmentId`, 'unknown', 'No such department');
      const round = o.round + 1;
      await m.query(`UPDATE outcomes SET round = $2 WHERE id = $1`, [id, round]);
      for (const a of input.assignments) {
        await m.query(
          `INSERT INTO outcome_assignments (outcome_id, round, department_id, role, cadence, first_deadline, deadline, created_by) VALUES ($1,$2,$3,$4,$5,$6,$6,$7)`,
          [id, round, a.departmentId, a.role, input.cadence, a.deadline, actor.id],
        );
        const params = { title: o.title, deadline: a.deadline, departmentName: names.get(a.departmentId)! };
        await this.notifications.notify({ userIds: await liaisonIds(m, a.departmentId), kind: 'outcome_assigned', params, link: '/assignments' }, m);
      }
      await recordStep(m, { outcomeId: id, action, from: o.state, to, actorId: actor.id, comment: input.comment ?? null, round });
      await this.audit.record({ actorId: actor.id, action: `outcome.${action === 'assign' ? 'assigned' : 'followed_up'}`, entity: 'outcome', entityId: id, data: { round, cadence: input.cadence, assignments: input.assignments } }, m);
      return this.get(id, actor, m);
    });
  }

  async close(actor: SessionUser, id: string, input: CloseInput): Promise<Outcome> {
    return this.ds.transaction(async (m) => {
      const o = await this.lock(m, id);
      const to = unwrap(outcomeMachine.apply(actorOf(actor), { state: o.state, departmentIds: [] }, 'close', { comment: input.comment ?? null }));
      await recordStep(m, { outcomeId: id, action: 'close', from: o.state, to, actorId: actor.id, comment: input.comment ?? null, round: o.round });
      await this.audit.record({ actorId: actor.id, action: 'outcome.closed', entity: 'outcome', entityId: id, data: { round: o.round, comment: input.comment ?? null } }, m);
      return this.get(id, actor, m);
    });
  }
}
