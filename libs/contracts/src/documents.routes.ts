import { z } from 'zod';
import { route } from './route-def';
import { IdParams, pageOf } from './common';
import {
  DocumentDetail,
  DocumentComment,
  DocumentCommentInput,
  DocumentCommentQuery,
  DocumentCommentReplyInput,
  DocumentCommentResolveInput,
  DocumentExportQuery,
  DocumentHtml,
  DocumentInput,
  DocumentListQuery,
  DocumentMember,
  DocumentMemberInput,
  DocumentPatch,
  DocumentSummary,
  DocumentTransitionInput,
  DocumentVersion,
  DocumentVersionInput,
  DocumentVersionView,
  EXPORT_MIME,
} from './documents';

const MemberParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });
const VersionParams = z.strictObject({ id: z.uuid(), versionId: z.uuid() });
const CommentParams = z.strictObject({ id: z.uuid(), commentId: z.uuid() });

/**
 * Co-authored documents (flow 7). `documents.read` opens the routes to everyone signed in; the service checks
 * the viewer's role on the document (libs/domain documentRoleOf) on every call. A document the viewer may not
 * see is answered as NOT_FOUND.
 */
export const DocumentRoutes = {
  listDocuments: route({ method: 'GET', path: '/documents', tag: 'documents', summary: 'Documents I may see, newest first (filter by kind, state, meeting, topic, plan item, title)', access: 'documents.read', query: DocumentListQuery, response: pageOf(DocumentSummary) }),
  createDocument: route({ method: 'POST', path: '/documents', tag: 'documents', summary: 'Create a document (minutes from the meeting template; reports per topic or plan item; blank)', access: 'documents.read', body: DocumentInput, response: DocumentDetail }),
  getDocument: route({ method: 'GET', path: '/documents/:id', tag: 'documents', summary: 'One document with my role, members, history and the finalized copy', access: 'documents.read', params: IdParams, response: DocumentDetail }),
  updateDocument: route({ method: 'PATCH', path: '/documents/:id', tag: 'documents', summary: 'Rename (editors; not once finalized)', access: 'documents.read', params: IdParams, body: DocumentPatch, response: DocumentDetail }),
  transitionDocument: route({ method: 'POST', path: '/documents/:id/transition', tag: 'documents', summary: 'Submit for review, send back (comment required) or finalize (stores the immutable HTML and its SHA-256)', access: 'documents.read', params: IdParams, body: DocumentTransitionInput, response: DocumentDetail }),
  documentHtml: route({ method: 'GET', path: '/documents/:id/html', tag: 'documents', summary: 'The current content rendered as HTML (the stored copy once finalized)', access: 'documents.read', params: IdParams, response: DocumentHtml }),

  listDocumentMembers: route({ method: 'GET', path: '/documents/:id/members', tag: 'documents', summary: 'Assigned editors and commenters', access: 'documents.read', params: IdParams, response: z.array(DocumentMember) }),
  setDocumentMember: route({ method: 'PUT', path: '/documents/:id/members/:userId', tag: 'documents', summary: 'Assign a person as editor or commenter (the office)', access: 'documents.manage', params: MemberParams, body: DocumentMemberInput, response: z.array(DocumentMember) }),
  removeDocumentMember: route({ method: 'DELETE', path: '/documents/:id/members/:userId', tag: 'documents', summary: 'Remove an assigned editor or commenter (the office)', access: 'documents.manage', params: MemberParams, response: z.array(DocumentMember) }),

  listDocumentVersions: route({ method: 'GET', path: '/documents/:id/versions', tag: 'documents', summary: 'Named versions, newest first', access: 'documents.read', params: IdParams, response: z.array(DocumentVersion) }),
  createDocumentVersion: route({ method: 'POST', path: '/documents/:id/versions', tag: 'documents', summary: 'Save the current content as a named version (editors)', access: 'documents.read', params: IdParams, body: DocumentVersionInput, response: DocumentVersion }),
  getDocumentVersion: route({ method: 'GET', path: '/documents/:id/versions/:versionId', tag: 'documents', summary: 'A named version rendered as HTML', access: 'documents.read', params: VersionParams, response: DocumentVersionView }),
  restoreDocumentVersion: route({ method: 'POST', path: '/documents/:id/versions/:versionId/restore', tag: 'documents', summary: 'Make the content equal to a named version again, as a new edit (editors; not once finalized)', access: 'documents.read', params: VersionParams, response: DocumentDetail }),

  listDocumentComments: route({ method: 'GET', path: '/documents/:id/comments', tag: 'documents', summary: 'Comment threads, oldest first', access: 'documents.read', params: IdParams, query: DocumentCommentQuery, response: z.array(DocumentComment) }),
  addDocumentComment: route({ method: 'POST', path: '/documents/:id/comments', tag: 'documents', summary: 'Comment on a range of text, anchored by Yjs relative positions (editors and commenters)', access: 'documents.read', params: IdParams, body: DocumentCommentInput, response: DocumentComment }),
  replyDocumentComment: route({ method: 'POST', path: '/documents/:id/comments/:commentId/replies', tag: 'documents', summary: 'Reply to a comment thread', access: 'documents.read', params: CommentParams, body: DocumentCommentReplyInput, response: DocumentComment }),
  resolveDocumentComment: route({ method: 'POST', path: '/documents/:id/comments/:commentId/resolve', tag: 'documents', summary: 'Resolve or reopen a comment thread', access: 'documents.read', params: CommentParams, body: DocumentCommentResolveInput, response: DocumentComment }),

  exportDocument: route({ method: 'GET', path: '/documents/:id/export', tag: 'documents', summary: 'Download as DOCX, PDF, Markdown or HTML: the current content, a named version or the finalized copy', access: 'documents.read', params: IdParams, query: DocumentExportQuery, produces: EXPORT_MIME.docx }),

  getMeetingMinutes: route({ method: 'GET', path: '/meetings/:id/minutes', tag: 'documents', summary: "The meeting's minutes document (NOT_FOUND when there is none yet or I may not see it)", access: 'documents.read', params: IdParams, response: DocumentSummary }),
  createMeetingMinutes: route({ method: 'POST', path: '/meetings/:id/minutes', tag: 'documents', summary: 'Create the minutes from the meeting template (office or host); returns the existing minutes if there are some', access: 'documents.read', params: IdParams, response: DocumentDetail }),
} as const;
