import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentKind, DocumentMemberRole, DocumentRole, DocumentState, MeetingState, SessionUser } from '@xieshang/contracts';
import { documentRoleOf, type DocumentAccessFacts } from '@xieshang/domain';
import { DataSource, EntityManager } from 'typeorm';

export type { DocumentRole };

export interface DocumentAccess {
  documentId: string;
  role: DocumentRole;
  state: DocumentState;
  /** false once finalized (and for commenters and readers): Yjs updates are refused */
  canEdit: boolean;
}

type AccessUser = Pick<SessionUser, 'id' | 'roles' | 'departmentId'>;

interface FactsRow {
  kind: DocumentKind;
  state: DocumentState;
  meeting_id: string | null;
  meeting_state: MeetingState | null;
  member_role: DocumentMemberRole | null;
  invited: boolean;
}

/** The columns documentRoleOf needs, for documents `d` and the viewer `$2` (list and single lookups alike). */
export const ACCESS_FACTS_SQL = `d.kind, d.state, d.meeting_id, mt.state AS meeting_state, dm.role AS member_role,
  (inv.user_id IS NOT NULL) AS invited`;
export const ACCESS_FACTS_JOINS = `LEFT JOIN document_members dm ON dm.document_id = d.id AND dm.user_id = $2
  LEFT JOIN meetings mt ON mt.id = d.meeting_id
  LEFT JOIN meeting_invitations inv ON inv.meeting_id = d.meeting_id AND inv.user_id = $2`;

export function factsOf(row: FactsRow): DocumentAccessFacts {
  return {
    kind: row.kind,
    state: row.state,
    memberRole: row.member_role,
    meeting: row.meeting_id && row.meeting_state ? { state: row.meeting_state, invited: row.invited } : null,
  };
}

/**
 * Who may do what with one document: asked by the REST service and by the collab gateway for every sync
 * message (so it stays one indexed query: primary key, the members' and the invitations' unique keys).
 * The rule itself is libs/domain documentRoleOf.
 */
@Injectable()
export class DocumentAccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async accessOf(user: AccessUser, documentId: string, m: EntityManager = this.db.manager): Promise<DocumentAccess | null> {
    const [row] = (await m.query(`SELECT ${ACCESS_FACTS_SQL} FROM documents d ${ACCESS_FACTS_JOINS} WHERE d.id = $1`, [documentId, user.id])) as FactsRow[];
    if (!row) return null;
    const role = documentRoleOf(user, factsOf(row));
    if (!role) return null;
    return { documentId, role, state: row.state, canEdit: role === 'editor' && row.state !== 'finalized' };
  }
}
