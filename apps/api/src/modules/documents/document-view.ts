import type { DocumentDetail, DocumentHistoryEntry, DocumentMember, DocumentRole, DocumentSummary, MeetingState, SessionUser } from '@xieshang/contracts';
import { documentMachine, documentPermissions, documentRoleOf, type WorkflowActor } from '@xieshang/domain';
import type { EntityManager } from 'typeorm';
import { ACCESS_FACTS_JOINS, ACCESS_FACTS_SQL, factsOf } from './document-access.service';

/** Everything a summary shows plus the access facts, for documents `d` and the viewer `$2`. */
export const DOCUMENT_SELECT = `SELECT d.id, d.title, d.topic_id, d.plan_item_id, d.created_by, d.created_at, d.updated_at,
    d.finalized_at, d.finalized_by, d.final_sha256, mt.title AS meeting_title, mt.starts_at AS meeting_starts_at,
    t.title AS topic_title, pi.title AS plan_item_title, cu.name AS created_by_name, fu.name AS finalized_by_name,
    ${ACCESS_FACTS_SQL}
  FROM documents d ${ACCESS_FACTS_JOINS}
  LEFT JOIN topics t ON t.id = d.topic_id
  LEFT JOIN plan_items pi ON pi.id = d.plan_item_id
  LEFT JOIN users cu ON cu.id = d.created_by
  LEFT JOIN users fu ON fu.id = d.finalized_by`;

export interface DocumentRow {
  id: string;
  kind: DocumentSummary['kind'];
  title: string;
  state: DocumentSummary['state'];
  meeting_id: string | null;
  meeting_state: MeetingState | null;
  member_role: 'editor' | 'commenter' | null;
  invited: boolean;
  meeting_title: string | null;
  meeting_starts_at: Date | null;
  topic_id: string | null;
  topic_title: string | null;
  plan_item_id: string | null;
  plan_item_title: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  finalized_at: Date | null;
  finalized_by: string | null;
  finalized_by_name: string | null;
  final_sha256: string | null;
}

export const roleOf = (viewer: Pick<SessionUser, 'id' | 'roles'>, row: DocumentRow): DocumentRole | null => documentRoleOf(viewer, factsOf(row));

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSummary(row: DocumentRow, myRole: DocumentRole): DocumentSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    state: row.state,
    myRole,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    meetingStartsAt: iso(row.meeting_starts_at),
    topicId: row.topic_id,
    topicTitle: row.topic_title,
    planItemId: row.plan_item_id,
    planItemTitle: row.plan_item_title,
    createdById: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    finalizedAt: iso(row.finalized_at),
  };
}

export const actorOf = (u: Pick<SessionUser, 'id' | 'roles'>): WorkflowActor => ({ id: u.id, roles: u.roles });

/** The machine's subject: the viewer counts as an assigned editor when their role on the document is editor. */
export const machineSubject = (row: DocumentRow, viewer: Pick<SessionUser, 'id'>, role: DocumentRole) => ({
  state: row.state,
  editorIds: role === 'editor' ? [viewer.id] : [],
});

export async function loadMembers(m: EntityManager, documentId: string): Promise<DocumentMember[]> {
  const rows: Array<{ user_id: string; name: string; role: 'editor' | 'commenter'; added_by: string | null; added_by_name: string | null; added_at: Date }> = await m.query(
    `SELECT dm.user_id, u.name, dm.role, dm.added_by, ab.name AS added_by_name, dm.added_at
       FROM document_members dm JOIN users u ON u.id = dm.user_id LEFT JOIN users ab ON ab.id = dm.added_by
      WHERE dm.document_id = $1 ORDER BY dm.role DESC, u.name, dm.user_id`,
    [documentId],
  );
  return rows.map((r) => ({ userId: r.user_id, name: r.name, role: r.role, addedById: r.added_by, addedByName: r.added_by_name, addedAt: r.added_at.toISOString() }));
}

export async function loadHistory(m: EntityManager, documentId: string): Promise<DocumentHistoryEntry[]> {
  const rows: Array<{ id: string; kind: DocumentHistoryEntry['kind']; from_state: DocumentHistoryEntry['fromState']; to_state: DocumentHistoryEntry['toState']; actor_id: string | null; actor_name: string | null; comment: string | null; details: Record<string, string> | null; at: Date }> =
    await m.query(
      `SELECT e.id, e.kind, e.from_state, e.to_state, e.actor_id, u.name AS actor_name, e.comment, e.details, e.at
         FROM document_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.document_id = $1 ORDER BY e.at, e.id`,
      [documentId],
    );
  return rows.map((r) => ({ id: r.id, kind: r.kind, fromState: r.from_state, toState: r.to_state, actorId: r.actor_id, actorName: r.actor_name, comment: r.comment, details: r.details, at: r.at.toISOString() }));
}

export async function toDetail(m: EntityManager, row: DocumentRow, viewer: Pick<SessionUser, 'id' | 'roles'>, role: DocumentRole): Promise<DocumentDetail> {
  const [members, history] = await Promise.all([loadMembers(m, row.id), loadHistory(m, row.id)]);
  return {
    ...toSummary(row, role),
    can: documentPermissions(viewer, role, row.state),
    allowedActions: documentMachine.allowedActions(actorOf(viewer), machineSubject(row, viewer, role)),
    members,
    history,
    final:
      row.state === 'finalized' && row.finalized_at && row.final_sha256
        ? { finalizedAt: row.finalized_at.toISOString(), finalizedById: row.finalized_by, finalizedByName: row.finalized_by_name, sha256: row.final_sha256 }
        : null,
  };
}

/** Append a step to the document's history (same transaction as the change). */
export async function recordEvent(
  m: EntityManager,
  documentId: string,
  e: { kind: DocumentHistoryEntry['kind']; actorId: string | null; fromState?: string | null; toState?: string | null; comment?: string | null; details?: Record<string, string> | null },
): Promise<void> {
  await m.query(`INSERT INTO document_events (document_id, kind, from_state, to_state, actor_id, comment, details) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    documentId,
    e.kind,
    e.fromState ?? null,
    e.toState ?? null,
    e.actorId,
    e.comment ?? null,
    e.details ? JSON.stringify(e.details) : null,
  ]);
}
