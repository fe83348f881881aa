import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  OUTCOME_STATES,
  type Adoption,
  type AssignmentRole,
  type AssignmentState,
  type OutcomeAction,
  type OutcomeState,
  type OutcomeStats,
  type Page,
  type PublicOutcome,
  type SessionUser,
} from '@xieshang/contracts';
import { adoptionBuckets, isAssignmentOverdue, localDate, outcomeScope } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';
import { SettingsService } from '../settings/settings.service';
import { actorOf, todayIn } from './outcome-steps';
import { overdueSql, scopeDepartment } from './outcome-view';

/** Steps the public sees as milestones: the outcome's progress, never the internal back-and-forth. */
const PUBLIC_MILESTONES: readonly OutcomeAction[] = ['send', 'record_instruction', 'assign', 'close', 'follow_up'];

type PublicRow = {
  id: string; kind: PublicOutcome['kind']; title: string; public_summary: string | null; category: PublicOutcome['category']; year: number;
  state: OutcomeState; sent_on: string; round: number; updated_at: Date; instruction_count: number;
};

/** The dashboard's numbers and the public accountability page. */
@Injectable()
export class OutcomeStatsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly settings: SettingsService,
  ) {}

  /** A liaison's dashboard counts their own department's outcomes and feedback only. */
  async stats(viewer: SessionUser, year?: number): Promise<OutcomeStats> {
    const scope = outcomeScope(actorOf(viewer));
    const byState = Object.fromEntries(OUTCOME_STATES.map((s) => [s, 0])) as Record<OutcomeState, number>;
    const empty: OutcomeStats = { total: 0, open: 0, overdue: 0, closed: 0, byState, adoptionByYear: [], adoptionByCategory: [], adoptionByDepartment: [] };
    if (scope.kind === 'none') return empty;
    const dept = scopeDepartment(scope);
    const today = await todayIn(this.settings);
    const filter = `($2::int IS NULL OR o.year = $2::int) AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM outcome_assignments sa WHERE sa.outcome_id = o.id AND sa.department_id = $3::uuid))`;
    const counts: Array<{ state: OutcomeState; n: number; overdue: number }> = await this.ds.query(
      `SELECT o.state, count(*)::int AS n, count(*) FILTER (WHERE o.state <> 'closed' AND ${overdueSql('$3')})::int AS overdue
         FROM outcomes o WHERE ${filter} GROUP BY o.state`,
      [today, year ?? null, dept],
    );
    const result = { ...empty, byState };
    for (const c of counts) {
      byState[c.state] = c.n;
      result.total += c.n;
      result.overdue += c.overdue;
    }
    result.closed = byState.closed;
    result.open = result.total - result.closed;
    // the latest accepted feedback of each assignment says how far it was adopted
    const adoptions: Array<{ adoption: Adoption; year: number; category: string; department_id: string; department_name: string }> = await this.ds.query(
      `SELECT DISTINCT ON (f.assignment_id) f.adoption, o.year, o.category, a.department_id, dep.name AS department_name
         FROM outcome_feedback f JOIN outcome_assignments a ON a.id = f.assignment_id JOIN outcomes o ON o.id = a.outcome_id
         JOIN departments dep ON dep.id = a.department_id
        WHERE f.state = 'accepted' AND ($1::int IS NULL OR o.year = $1::int) AND ($2::uuid IS NULL OR a.department_id = $2::uuid)
        ORDER BY f.assignment_id, f.evaluated_at DESC`,
      [year ?? null, dept],
    );
    result.adoptionByYear = adoptionBuckets(adoptions.map((r) => ({ key: String(r.year), label: String(r.year), adoption: r.adoption })));
    result.adoptionByCategory = adoptionBuckets(adoptions.map((r) => ({ key: r.category, label: r.category, adoption: r.adoption })));
    result.adoptionByDepartment = adoptionBuckets(adoptions.map((r) => ({ key: r.department_id, label: r.department_name, adoption: r.adoption })));
    return result;
  }

  // ---- public ----

  async listPublic(q: { page: number; pageSize: number; year?: number; category?: string }): Promise<Page<PublicOutcome>> {
    const args = [q.year ?? null, q.category ?? null];
    const where = `o.is_public AND ($1::int IS NULL OR o.year = $1::int) AND ($2::text IS NULL OR o.category = $2::text)`;
    const [{ total }]: Array<{ total: number }> = await this.ds.query(`SELECT count(*)::int AS total FROM outcomes o WHERE ${where}`, args);
    const rows: PublicRow[] = await this.ds.query(
      `${this.publicSelect()} WHERE ${where} ORDER BY o.sent_on DESC, o.created_at DESC, o.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      args,
    );
    return { items: await this.toPublic(rows), total, page: q.page, pageSize: q.pageSize };
  }

  async getPublic(id: string): Promise<PublicOutcome> {
    const rows: PublicRow[] = await this.ds.query(`${this.publicSelect()} WHERE o.id = $1 AND o.is_public`, [id]);
    if (!rows.length) throw new AppException('NOT_FOUND');
    return (await this.toPublic(rows))[0];
  }

  private publicSelect(): string {
    return `SELECT o.id, o.kind, o.title, o.public_summary, o.category, o.year, o.state, o.sent_on::text AS sent_on, o.round, o.updated_at,
      (SELECT count(*)::int FROM outcome_instructions i WHERE i.outcome_id = o.id) AS instruction_count FROM outcomes o`;
  }

  /** Built field by field from what may be published: no comments, no actors, no attachments. */
  private async toPublic(rows: PublicRow[]): Promise<PublicOutcome[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const { timeZone } = await this.settings.get();
    const today = localDate(new Date(), timeZone);
    const progress: Array<{
      outcome_id: string; department_name: string; role: AssignmentRole; round: number; outcome_round: number; state: AssignmentState; deadline: string | null;
      adoption: Adoption | null; measures: string | null; feedback_on: Date | null;
    }> = await this.ds.query(
      `SELECT a.outcome_id, dep.name AS department_name, a.role, a.round, o.round AS outcome_round, a.state, a.deadline::text AS deadline,
              f.adoption, f.measures, f.evaluated_at AS feedback_on
         FROM outcome_assignments a JOIN outcomes o ON o.id = a.outcome_id JOIN departments dep ON dep.id = a.department_id
         LEFT JOIN LATERAL (SELECT adoption, measures, evaluated_at FROM outcome_feedback
                             WHERE assignment_id = a.id AND state = 'accepted' ORDER BY evaluated_at DESC LIMIT 1) f ON true
        WHERE a.outcome_id = ANY($1::uuid[]) ORDER BY a.round, a.role DESC, dep.sort_order, dep.name`,
      [ids],
    );
    const milestones: Array<{ outcome_id: string; action: OutcomeAction; to_state: OutcomeState; at: Date }> = await this.ds.query(
      `SELECT outcome_id, action, to_state, at FROM outcome_trail
        WHERE outcome_id = ANY($1::uuid[]) AND (action = ANY($2::text[]) OR (to_state = 'evaluated' AND from_state <> 'evaluated')) ORDER BY at, id`,
      [ids, PUBLIC_MILESTONES],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      publicSummary: r.public_summary,
      category: r.category,
      year: r.year,
      state: r.state,
      sentOn: r.sent_on,
      round: r.round,
      instructionCount: r.instruction_count,
      progress: progress
        .filter((p) => p.outcome_id === r.id)
        .map((p) => ({
          departmentName: p.department_name,
          role: p.role,
          round: p.round,
          state: p.state,
          deadline: p.deadline,
          overdue: p.round === p.outcome_round && isAssignmentOverdue(p, today),
          adoption: p.adoption,
          measures: p.measures,
          feedbackOn: p.feedback_on ? localDate(p.feedback_on, timeZone) : null,
        })),
      milestones: milestones.filter((m) => m.outcome_id === r.id).map((m) => ({ action: m.action, toState: m.to_state, at: m.at.toISOString() })),
      updatedAt: r.updated_at.toISOString(),
    }));
  }
}
