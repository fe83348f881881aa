import type { DocumentKind, DocumentMemberRole, DocumentRole, DocumentState, MeetingState, Role } from '@xieshang/contracts';
import { canSeeMeeting, seesAllMeetings } from '../meetings/visibility';

/**
 * Who may do what with a document (flow 7). One rule, used by the REST service for every call, by the list
 * (filtering rows fetched with the same facts) and by the collab gateway for every sync message.
 *
 * - The office (admin) edits everything.
 * - People the office assigned edit or comment (document_members).
 * - Minutes: the meeting's participants (invitees) comment.
 * - Readers: the chair and leaders (they oversee every meeting and report, except private blank drafts);
 *   the invitees of the meeting a report or draft belongs to; and, once finalized, everyone who may see the
 *   subject (a finalized report or minutes is the organisation's record; outcomes and departments use it).
 * - Anyone else: no access (the API answers NOT_FOUND, so a document's existence leaks nothing).
 */
export interface DocumentViewer {
  id: string;
  roles: readonly Role[];
}

/** The facts about one document and one viewer that the rule needs (one indexed query fetches them). */
export interface DocumentAccessFacts {
  kind: DocumentKind;
  state: DocumentState;
  /** role the office assigned this viewer, if any */
  memberRole: DocumentMemberRole | null;
  /** null when the document has no meeting */
  meeting: { state: MeetingState; invited: boolean } | null;
}

export function documentRoleOf(viewer: DocumentViewer, facts: DocumentAccessFacts): DocumentRole | null {
  if (viewer.roles.includes('admin')) return 'editor';
  if (facts.memberRole) return facts.memberRole;
  const invited = facts.meeting?.invited ?? false;
  if (facts.kind === 'minutes' && invited) return 'commenter';
  if (facts.kind !== 'blank' && seesAllMeetings(viewer)) return 'reader';
  if (invited) return 'reader';
  if (facts.state === 'finalized' && facts.kind !== 'blank') {
    return !facts.meeting || canSeeMeeting(viewer, facts.meeting) ? 'reader' : null;
  }
  return null;
}

/** What a role allows in a state. Finalized documents are read-only for everyone. */
export function documentPermissions(viewer: DocumentViewer, role: DocumentRole, state: DocumentState) {
  const open = state !== 'finalized';
  return {
    edit: open && role === 'editor',
    comment: open && (role === 'editor' || role === 'commenter'),
    manageVersions: open && role === 'editor',
    manageMembers: viewer.roles.includes('admin'),
  };
}

/**
 * Who may create a document: the office any kind; the chair reports and recommendations; the meeting's host
 * its minutes; every member a blank working draft (they become its editor).
 */
export function canCreateDocument(viewer: DocumentViewer, kind: DocumentKind, ctx: { isMeetingHost: boolean }): boolean {
  if (viewer.roles.includes('admin')) return true;
  switch (kind) {
    case 'minutes':
      return ctx.isMeetingHost;
    case 'report':
    case 'recommendation':
      return viewer.roles.includes('chair');
    case 'blank':
      return viewer.roles.some((r) => r === 'chair' || r === 'member' || r === 'leader' || r === 'department');
  }
}
