import type { EntityManager } from 'typeorm';
import type {
  Adoption,
  AssignmentRole,
  AssignmentState,
  AssignmentView,
  Assignment,
  Feedback,
  FeedbackAttachment,
  FeedbackCadence,
  FeedbackState,
  Instruction,
  Outcome,
  OutcomeAction,
  OutcomeCategory,
  OutcomeKind,
  OutcomeRecipient,
  OutcomeState,
  OutcomeSummary,
  OutcomeTrailEntry,
} from '@xieshang/contracts';
import { assignmentMachine, canRecordInstruction, isAssignmentOverdue, outcomeMachine, type OutcomeScope, type WorkflowActor } from '@xieshang/domain';

/*
 * Reading outcomes from the database into the contract shapes. Calendar dates are selected as text
 * (`::text`) so node-pg never turns them into local-time Date objects.
 */

export interface OutcomeRow {
  id: string;
  document_id: string;
  document_title: string;
  document_kind: string;
  kind: OutcomeKind;
  title: string;
  summary: string | null;
  recipients: OutcomeRecipient[];
  sent_on: string;
  category: OutcomeCategory;
  year: number;
  is_public: boolean;
  public_summary: string | null;
  state: OutcomeState;
  round: number;
  created_at: Date;
  updated_at: Date;
  lead_department_name: string | null;
  overdue: boolean;
  next_deadline: string | null;
}

export interface AssignmentRow {
  id: string;
  outcome_id: string;
  round: number;
  department_id: string;
  department_name: string;
  role: AssignmentRole;
  cadence: FeedbackCadence;
  state: AssignmentState;
  first_deadline: string;
  deadline: string | null;
  created_at: Date;
  outcome_round: number;
}

/**
 * Outcome columns with the current round's lead department, overdue flag and next deadline.
 * $1 = today (YYYY-MM-DD, organisation time zone), $2 = a department to look at only (or null).
 * The overdue condition is libs/domain isAssignmentOverdue written as SQL (for filtering and counting).
 */
export const OUTCOME_COLUMNS = `o.id, o.document_id, d.title AS document_title, d.kind AS document_kind, o.kind, o.title, o.summary,
  o.recipients, o.sent_on::text AS sent_on, o.category, o.year, o.is_public, o.public_summary, o.state, o.round, o.created_at, o.updated_at,
  (SELECT dep.name FROM outcome_assignments a JOIN departments dep ON dep.id = a.department_id
    WHERE a.outcome_id = o.id AND a.round = o.round AND a.role = 'lead') AS lead_department_name,
  EXISTS (SELECT 1 FROM outcome_assignments a WHERE a.outcome_id = o.id AND a.round = o.round AND a.state <> 'accepted'
    AND a.deadline < $1::date AND ($2::uuid IS NULL OR a.department_id = $2::uuid)) AS overdue,
  (SELECT min(a.deadline)::text FROM outcome_assignments a WHERE a.outcome_id = o.id AND a.round = o.round AND a.state <> 'accepted'
    AND ($2::uuid IS NULL OR a.department_id = $2::uuid)) AS next_deadline`;
export const OUTCOME_FROM = `outcomes o JOIN documents d ON d.id = o.document_id`;
/** The same overdue test as OUTCOME_COLUMNS, for WHERE clauses ($1 = today; `department`: a parameter naming one department or null). */
export const overdueSql = (department = 'NULL') =>
  `EXISTS (SELECT 1 FROM outcome_assignments a WHERE a.outcome_id = o.id AND a.round = o.round AND a.state <> 'accepted' AND a.deadline < $1::date
    AND (${department}::uuid IS NULL OR a.department_id = ${department}::uuid))`;

export const ASSIGNMENT_COLUMNS = `a.id, a.outcome_id, a.round, a.department_id, dep.name AS department_name, a.role, a.cadence, a.state,
  a.first_deadline::text AS first_deadline, a.deadline::text AS deadline, a.created_at, o.round AS outcome_round`;
export const ASSIGNMENT_FROM = `outcome_assignments a JOIN departments dep ON dep.id = a.department_id JOIN outcomes o ON o.id = a.outcome_id`;

export const scopeDepartment = (scope: OutcomeScope): string | null => (scope.kind === 'department' ? scope.departmentId : null);

export function toSummary(r: OutcomeRow): OutcomeSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    state: r.state,
    category: r.category,
    year: r.year,
    sentOn: r.sent_on,
    public: r.is_public,
    documentId: r.document_id,
    round: r.round,
    leadDepartmentName: r.lead_department_name,
    overdue: r.overdue,
    nextDeadline: r.next_deadline,
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function loadOutcomeRow(m: EntityManager, id: string, today: string, departmentId: string | null = null): Promise<OutcomeRow | undefined> {
  const [row]: OutcomeRow[] = await m.query(`SELECT ${OUTCOME_COLUMNS} FROM ${OUTCOME_FROM} WHERE o.id = $3`, [today, departmentId, id]);
  return row;
}

export async function loadInstructions(m: EntityManager, outcomeIds: readonly string[]): Promise<Map<string, Instruction[]>> {
  const rows: Array<{ id: string; outcome_id: string; leader_name: string; leader_user_id: string | null; date: string; text: string; recorded_by_name: string | null; recorded_at: Date }> =
    outcomeIds.length === 0
      ? []
      : await m.query(
          `SELECT i.id, i.outcome_id, i.leader_name, i.leader_user_id, i.date::text AS date, i.text, u.name AS recorded_by_name, i.recorded_at
             FROM outcome_instructions i LEFT JOIN users u ON u.id = i.recorded_by
            WHERE i.outcome_id = ANY($1::uuid[]) ORDER BY i.date, i.recorded_at, i.id`,
          [outcomeIds],
        );
  const out = new Map<string, Instruction[]>();
  for (const r of rows) {
    const list = out.get(r.outcome_id) ?? [];
    list.push({ id: r.id, leaderName: r.leader_name, leaderUserId: r.leader_user_id, date: r.date, text: r.text, recordedByName: r.recorded_by_name, recordedAt: r.recorded_at.toISOString() });
    out.set(r.outcome_id, list);
  }
  return out;
}

/** Feedback per assignment, oldest first, each with its attachments' metadata (never the bytes). */
export async function loadFeedback(m: EntityManager, assignmentIds: readonly string[]): Promise<Map<string, Feedback[]>> {
  if (assignmentIds.length === 0) return new Map();
  const rows: Array<{
    id: string; assignment_id: string; adoption: Adoption; reason: string | null; measures: string; state: FeedbackState;
    submitted_at: Date; submitted_by_name: string | null; evaluation_comment: string | null; evaluated_at: Date | null;
  }> = await m.query(
    `SELECT f.id, f.assignment_id, f.adoption, f.reason, f.measures, f.state, f.submitted_at, u.name AS submitted_by_name, f.evaluation_comment, f.evaluated_at
       FROM outcome_feedback f LEFT JOIN users u ON u.id = f.submitted_by
      WHERE f.assignment_id = ANY($1::uuid[]) ORDER BY f.submitted_at, f.id`,
    [assignmentIds],
  );
  const files: Array<{ id: string; feedback_id: string; file_name: string; mime_type: string; size_bytes: number; sha256: string; uploaded_at: Date }> = await m.query(
    `SELECT id, feedback_id, file_name, mime_type, size_bytes, sha256, uploaded_at FROM outcome_attachments
      WHERE assignment_id = ANY($1::uuid[]) AND feedback_id IS NOT NULL ORDER BY uploaded_at, id`,
    [assignmentIds],
  );
  const byFeedback = new Map<string, FeedbackAttachment[]>();
  for (const f of files) {
    const list = byFeedback.get(f.feedback_id) ?? [];
    list.push({ id: f.id, fileName: f.file_name, mimeType: f.mime_type, sizeBytes: f.size_bytes, sha256: f.sha256, uploadedAt: f.uploaded_at.toISOString() });
    byFeedback.set(f.feedback_id, list);
  }
  const out = new Map<string, Feedback[]>();
  for (const r of rows) {
    const list = out.get(r.assignment_id) ?? [];
    list.push({
      id: r.id,
      assignmentId: r.assignment_id,
      adoption: r.adoption,
      reason: r.reason,
      measures: r.measures,
      attachments: byFeedback.get(r.id) ?? [],
      state: r.state,
      submittedAt: r.submitted_at.toISOString(),
      submittedByName: r.submitted_by_name,
      evaluationComment: r.evaluation_comment,
      evaluatedAt: r.evaluated_at?.toISOString() ?? null,
    });
    out.set(r.assignment_id, list);
  }
  return out;
}

export function toAssignment(r: AssignmentRow, feedback: Feedback[], today: string): Assignment {
  const current = r.round === r.outcome_round;
  return {
    id: r.id,
    outcomeId: r.outcome_id,
    round: r.round,
    departmentId: r.department_id,
    departmentName: r.department_name,
    role: r.role,
    cadence: r.cadence,
    state: r.state,
    firstDeadline: r.first_deadline,
    deadline: r.deadline,
    overdue: current && isAssignmentOverdue(r, today),
    current,
    feedback,
    createdAt: r.created_at.toISOString(),
  };
}

type TrailRow = {
  id: string; outcome_id: string; action: OutcomeAction; from_state: OutcomeState | null; to_state: OutcomeState; actor_id: string | null; actor_name: string | null;
  comment: string | null; assignment_id: string | null; department_id: string | null; department_name: string | null; round: number | null; at: Date;
};

export async function loadTrail(m: EntityManager, where: { outcomeId: string } | { assignmentIds: readonly string[] }): Promise<Array<OutcomeTrailEntry & { departmentId: string | null }>> {
  const byOutcome = 'outcomeId' in where;
  const rows: TrailRow[] = await m.query(
    `SELECT t.id, t.outcome_id, t.action, t.from_state, t.to_state, t.actor_id, u.name AS actor_name, t.comment, t.assignment_id,
            a.department_id, dep.name AS department_name, t.round, t.at
       FROM outcome_trail t LEFT JOIN users u ON u.id = t.actor_id
       LEFT JOIN outcome_assignments a ON a.id = t.assignment_id LEFT JOIN departments dep ON dep.id = a.department_id
      WHERE ${byOutcome ? 't.outcome_id = $1' : 't.assignment_id = ANY($1::uuid[])'} ORDER BY t.at, t.id`,
    [byOutcome ? where.outcomeId : where.assignmentIds],
  );
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    actorId: r.actor_id,
    actorName: r.actor_name,
    comment: r.comment,
    assignmentId: r.assignment_id,
    departmentName: r.department_name,
    departmentId: r.department_id,
    round: r.round,
    at: r.at.toISOString(),
  }));
}

/** The outcome-level steps this viewer may take now (per-assignment ones are on the assignments). */
export function outcomeActions(actor: WorkflowActor, row: Pick<OutcomeRow, 'state'>): OutcomeAction[] {
  const subject = { state: row.state, departmentIds: [] };
  const actions: OutcomeAction[] = [];
  // a later 批示 is recorded without moving the outcome (see OutcomesService.recordInstruction)
  if (canRecordInstruction(actor)) actions.push('record_instruction');
  for (const a of ['assign', 'close', 'follow_up'] as const) if (outcomeMachine.can(actor, subject, a)) actions.push(a);
  return actions;
}

/**
 * The full outcome for a viewer. With a department scope, other departments' assignments and their
 * trail entries are left out (the caller has already checked the department is assigned at all).
 */
export async function loadOutcome(m: EntityManager, row: OutcomeRow, actor: WorkflowActor, scope: OutcomeScope, today: string): Promise<Outcome> {
  const dept = scopeDepartment(scope);
  const assignments: AssignmentRow[] = await m.query(
    `SELECT ${ASSIGNMENT_COLUMNS} FROM ${ASSIGNMENT_FROM} WHERE a.outcome_id = $1 AND ($2::uuid IS NULL OR a.department_id = $2::uuid)
      ORDER BY a.round, a.role DESC, dep.sort_order, dep.name`,
    [row.id, dept],
  );
  const feedback = await loadFeedback(m, assignments.map((a) => a.id));
  const instructions = (await loadInstructions(m, [row.id])).get(row.id) ?? [];
  const trail = (await loadTrail(m, { outcomeId: row.id }))
    .filter((t) => dept === null || t.departmentId === null || t.departmentId === dept)
    .map(({ departmentId: _d, ...t }) => t);
  return {
    ...toSummary(row),
    documentTitle: row.document_title,
    documentKind: row.document_kind,
    summary: row.summary,
    publicSummary: row.public_summary,
    recipients: row.recipients,
    instructions,
    assignments: assignments.map((a) => toAssignment(a, feedback.get(a.id) ?? [], today)),
    trail,
    allowedActions: outcomeActions(actor, row),
    createdAt: row.created_at.toISOString(),
  };
}

/** Assignments with what their department needs of the outcome, in the order of `rows`. */
export async function loadAssignmentViews(m: EntityManager, rows: readonly AssignmentRow[], actor: WorkflowActor, today: string): Promise<AssignmentView[]> {
  if (rows.length === 0) return [];
  const outcomeIds = [...new Set(rows.map((r) => r.outcome_id))];
  const outcomes: Array<{ id: string; title: string; kind: OutcomeKind; state: OutcomeState; summary: string | null; sent_on: string }> = await m.query(
    `SELECT id, title, kind, state, summary, sent_on::text AS sent_on FROM outcomes WHERE id = ANY($1::uuid[])`,
    [outcomeIds],
  );
  const outcomeById = new Map(outcomes.map((o) => [o.id, o]));
  const partners: Array<{ id: string; outcome_id: string; round: number; department_name: string; role: AssignmentRole }> = await m.query(
    `SELECT a.id, a.outcome_id, a.round, dep.name AS department_name, a.role FROM outcome_assignments a JOIN departments dep ON dep.id = a.department_id
      WHERE a.outcome_id = ANY($1::uuid[]) ORDER BY a.role DESC, dep.sort_order, dep.name`,
    [outcomeIds],
  );
  const instructions = await loadInstructions(m, outcomeIds);
  const ids = rows.map((r) => r.id);
  const feedback = await loadFeedback(m, ids);
  const trail = await loadTrail(m, { assignmentIds: ids });
  return rows.map((r) => {
    const o = outcomeById.get(r.outcome_id)!;
    const base = toAssignment(r, feedback.get(r.id) ?? [], today);
    const subject = { state: r.state, departmentId: r.department_id, current: base.current };
    return {
      ...base,
      outcomeTitle: o.title,
      outcomeKind: o.kind,
      outcomeState: o.state,
      outcomeSummary: o.summary,
      sentOn: o.sent_on,
      instructions: instructions.get(r.outcome_id) ?? [],
      partners: partners.filter((p) => p.outcome_id === r.outcome_id && p.round === r.round && p.id !== r.id).map((p) => ({ departmentName: p.department_name, role: p.role })),
      trail: trail.filter((t) => t.assignmentId === r.id).map(({ departmentId: _d, ...t }) => t),
      allowedActions: assignmentMachine.allowedActions(actor, subject),
    };
  });
}
