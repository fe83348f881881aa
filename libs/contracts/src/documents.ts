import { z } from 'zod';
import { PageQuery, optionalText, text } from './common';

/*
 * Co-authored documents (DESIGN.md flow 7): minutes per meeting, consensus reports and recommendations per
 * topic or plan item, blank working drafts. The content itself is a Yjs document synced over socket.io
 * `/collab` (collab.ts); everything else (access, states, versions, comments, export) is REST, declared here.
 * State and action lists live here; the machine in libs/domain imports them.
 */

export const DOCUMENT_KINDS = ['minutes', 'report', 'recommendation', 'blank'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const DOCUMENT_STATES = ['draft', 'in_review', 'finalized'] as const;
export const DocumentState = z.enum(DOCUMENT_STATES);
export type DocumentState = z.infer<typeof DocumentState>;

export const DOCUMENT_ACTIONS = ['submit_for_review', 'send_back', 'finalize'] as const;
export const DocumentAction = z.enum(DOCUMENT_ACTIONS);
export type DocumentAction = z.infer<typeof DocumentAction>;

/** What a user may do with a document: editors write, commenters comment, readers read. */
export const DOCUMENT_ROLES = ['editor', 'commenter', 'reader'] as const;
export const DocumentRole = z.enum(DOCUMENT_ROLES);
export type DocumentRole = z.infer<typeof DocumentRole>;

/** Roles the office assigns explicitly (readers are everyone who may see the document's subject). */
export const DOCUMENT_MEMBER_ROLES = ['editor', 'commenter'] as const;
export const DocumentMemberRole = z.enum(DOCUMENT_MEMBER_ROLES);
export type DocumentMemberRole = z.infer<typeof DocumentMemberRole>;

export const EXPORT_FORMATS = ['docx', 'pdf', 'md', 'html'] as const;
export const DocumentExportFormat = z.enum(EXPORT_FORMATS);
export type DocumentExportFormat = z.infer<typeof DocumentExportFormat>;
export const EXPORT_MIME: Record<DocumentExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

// ---- the document ----

/** What the document is about; titles are joined in so lists need no extra requests. */
export const DocumentSubjectRefs = z.object({
  meetingId: z.uuid().nullable(),
  meetingTitle: z.string().nullable(),
  meetingStartsAt: z.string().nullable(),
  topicId: z.uuid().nullable(),
  topicTitle: z.string().nullable(),
  planItemId: z.uuid().nullable(),
  planItemTitle: z.string().nullable(),
});

export const DocumentSummary = DocumentSubjectRefs.extend({
  id: z.uuid(),
  kind: DocumentKind,
  title: z.string(),
  state: DocumentState,
  /** the viewer's role on this document */
  myRole: DocumentRole,
  createdById: z.uuid().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finalizedAt: z.string().nullable(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentMember = z.object({
  userId: z.uuid(),
  name: z.string(),
  role: DocumentMemberRole,
  addedById: z.uuid().nullable(),
  addedByName: z.string().nullable(),
  addedAt: z.string(),
});
export type DocumentMember = z.infer<typeof DocumentMember>;

/** One recorded step in the document's life (state changes, versions, restores, renames, members). */
export const DOCUMENT_HISTORY_KINDS = [
  'created',
  'renamed',
  'submit_for_review',
  'send_back',
  'finalize',
  'version_created',
  'version_restored',
  'member_set',
  'member_removed',
] as const;
export const DocumentHistoryKind = z.enum(DOCUMENT_HISTORY_KINDS);
export type DocumentHistoryKind = z.infer<typeof DocumentHistoryKind>;
export const DocumentHistoryEntry = z.object({
  id: z.uuid(),
  kind: DocumentHistoryKind,
  fromState: DocumentState.nullable(),
  toState: DocumentState.nullable(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  comment: z.string().nullable(),
  /** e.g. { versionName } or { userName, role } or { from, to } titles */
  details: z.record(z.string(), z.string()).nullable(),
  at: z.string(),
});
export type DocumentHistoryEntry = z.infer<typeof DocumentHistoryEntry>;

/** The immutable copy stored when the document was finalized. */
export const DocumentFinalCopy = z.object({
  finalizedAt: z.string(),
  finalizedById: z.uuid().nullable(),
  finalizedByName: z.string().nullable(),
  /** hex SHA-256 of the UTF-8 bytes of the stored HTML */
  sha256: z.string(),
});
export type DocumentFinalCopy = z.infer<typeof DocumentFinalCopy>;

export const DocumentPermissions = z.object({
  /** may change the content (editor and not finalized) */
  edit: z.boolean(),
  /** may add, reply to, resolve comments (editor or commenter, not finalized) */
  comment: z.boolean(),
  /** may rename and create or restore named versions */
  manageVersions: z.boolean(),
  /** the office: assign editors and commenters */
  manageMembers: z.boolean(),
});
export type DocumentPermissions = z.infer<typeof DocumentPermissions>;

export const DocumentDetail = DocumentSummary.extend({
  can: DocumentPermissions,
  allowedActions: z.array(DocumentAction),
  members: z.array(DocumentMember),
  history: z.array(DocumentHistoryEntry),
  final: DocumentFinalCopy.nullable(),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const DocumentListQuery = PageQuery.extend({
  kind: DocumentKind.optional(),
  state: DocumentState.optional(),
  meetingId: z.uuid().optional(),
  topicId: z.uuid().optional(),
  planItemId: z.uuid().optional(),
  /** words in the title */
  q: z.string().trim().max(100).optional(),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;

/**
 * Create a document. `minutes` needs `meetingId` (one per meeting; it starts from the minutes template — the
 * same as POST /meetings/:id/minutes); `report` and `recommendation` need a topic or a plan item (a meeting may
 * be named too); `blank` may name any subject or none. The title defaults from the subject.
 */
export const DocumentInput = z
  .strictObject({
    kind: DocumentKind,
    title: text(200).optional(),
    meetingId: z.uuid().nullable().optional(),
    topicId: z.uuid().nullable().optional(),
    planItemId: z.uuid().nullable().optional(),
  })
  .refine((d) => d.kind !== 'minutes' || !!d.meetingId, { message: 'minutes need a meeting', path: ['meetingId'] })
  .refine((d) => !(d.kind === 'report' || d.kind === 'recommendation') || !!d.topicId || !!d.planItemId, {
    message: 'a report needs a topic or a plan item',
    path: ['topicId'],
  })
  .refine((d) => d.kind !== 'blank' || !!d.title || !!d.meetingId || !!d.topicId || !!d.planItemId, {
    message: 'a blank document needs a title',
    path: ['title'],
  });
export type DocumentInput = z.infer<typeof DocumentInput>;

export const DocumentPatch = z.strictObject({ title: text(200) });
export type DocumentPatch = z.infer<typeof DocumentPatch>;

export const DocumentMemberInput = z.strictObject({ role: DocumentMemberRole });
export type DocumentMemberInput = z.infer<typeof DocumentMemberInput>;

export const DocumentTransitionInput = z.strictObject({ action: DocumentAction, comment: optionalText(2000) });
export type DocumentTransitionInput = z.infer<typeof DocumentTransitionInput>;

// ---- named versions ----

export const DocumentVersion = z.object({
  id: z.uuid(),
  name: z.string(),
  createdById: z.uuid().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  /** size of the stored Yjs state */
  bytes: z.number().int(),
});
export type DocumentVersion = z.infer<typeof DocumentVersion>;

export const DocumentVersionInput = z.strictObject({ name: text(200) });
export type DocumentVersionInput = z.infer<typeof DocumentVersionInput>;

/** A version rendered for viewing (escaped, safe HTML from @xieshang/editor-schema renderHtml). */
export const DocumentVersionView = z.object({ version: DocumentVersion, html: z.string() });
export type DocumentVersionView = z.infer<typeof DocumentVersionView>;

/** The current content rendered (readers without an editor, previews), or the finalized copy. */
export const DocumentHtml = z.object({ html: z.string(), sha256: z.string().nullable() });
export type DocumentHtml = z.infer<typeof DocumentHtml>;

// ---- comments ----

/** base64 of `Y.encodeRelativePosition(...)` (standard alphabet, padding allowed) */
const EncodedRelativePosition = z
  .string()
  .min(4)
  .max(2048)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');

/** Where a comment thread sits: relative positions of the start and end of the quoted range. */
export const CommentAnchor = z.strictObject({ start: EncodedRelativePosition, end: EncodedRelativePosition });
export type CommentAnchor = z.infer<typeof CommentAnchor>;

export const DocumentCommentReply = z.object({
  id: z.uuid(),
  body: z.string(),
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type DocumentCommentReply = z.infer<typeof DocumentCommentReply>;

/** A comment thread: the first comment with its anchor and quote, then replies in order. */
export const DocumentComment = DocumentCommentReply.extend({
  documentId: z.uuid(),
  anchor: CommentAnchor,
  /** the text the comment was made on, as the client saw it */
  quote: z.string(),
  resolved: z.boolean(),
  resolvedAt: z.string().nullable(),
  resolvedById: z.uuid().nullable(),
  resolvedByName: z.string().nullable(),
  replies: z.array(DocumentCommentReply),
});
export type DocumentComment = z.infer<typeof DocumentComment>;

export const DocumentCommentQuery = z.strictObject({ status: z.enum(['open', 'resolved', 'all']).default('all') });
export type DocumentCommentQuery = z.infer<typeof DocumentCommentQuery>;

export const DocumentCommentInput = z.strictObject({ anchor: CommentAnchor, quote: z.string().trim().max(2000), body: text(5000) });
export type DocumentCommentInput = z.infer<typeof DocumentCommentInput>;

export const DocumentCommentReplyInput = z.strictObject({ body: text(5000) });
export type DocumentCommentReplyInput = z.infer<typeof DocumentCommentReplyInput>;

export const DocumentCommentResolveInput = z.strictObject({ resolved: z.boolean() });
export type DocumentCommentResolveInput = z.infer<typeof DocumentCommentResolveInput>;

/**
 * Pushed to the document's collab room (`collab:comments`) after any comment change, so open editors refetch
 * (or apply `comment` directly when present).
 */
export const CommentsChanged = z.object({
  documentId: z.uuid(),
  commentId: z.uuid(),
  // the same words as collab.ts CollabCommentsPush
  change: z.enum(['created', 'updated', 'resolved', 'reopened']),
  comment: DocumentComment,
});
export type CommentsChanged = z.infer<typeof CommentsChanged>;

/** Pushed to the document's collab room (`collab:doc-state`) after a state change or a restore. */
export const DocumentStateChanged = z.object({
  documentId: z.uuid(),
  state: DocumentState,
  title: z.string(),
  finalSha256: z.string().nullable(),
});
export type DocumentStateChanged = z.infer<typeof DocumentStateChanged>;

// ---- export ----

/**
 * What to export: the current content, a named version (`versionId`), or the finalized copy
 * (`finalized`: the stored HTML for html; the content as it was finalized for the other formats).
 */
export const DocumentExportQuery = z
  .strictObject({
    format: DocumentExportFormat.default('docx'),
    source: z.enum(['current', 'version', 'finalized']).default('current'),
    versionId: z.uuid().optional(),
  })
  .refine((q) => q.source !== 'version' || !!q.versionId, { message: 'versionId is required', path: ['versionId'] });
export type DocumentExportQuery = z.infer<typeof DocumentExportQuery>;
