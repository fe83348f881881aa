import { z } from 'zod';
import type { ErrorBody, ErrorCode } from './errors';

/*
 * Yjs sync over socket.io, namespace `/collab`: events, payloads and limits shared by the api and the provider.
 *
 * Protocol, in short (one room per document; payloads are binary: Uint8Array on send, Buffer/ArrayBuffer on receipt):
 * - `collab:open` {documentId, sync} — `sync` is a y-protocols sync step 1 (the client's state vector). The answer
 *   carries the client's role, whether it may write, the server's sync step 2 (everything the client lacks), the
 *   server's sync step 1 (its state vector) and the awareness states of the people already there. An editor then
 *   sends what the server lacks (the step 2 it computes from that state vector) as a `collab:sync` message: that is
 *   how unacknowledged updates are resent after a reconnect.
 * - `collab:sync` {documentId, message} — one y-protocols sync message (step 1, step 2 or update). Step 1 is
 *   answered with `{data: {reply: step 2}}`; step 2 and update are applied, appended to the update log in PostgreSQL
 *   and acknowledged `{data: {}}` only once committed. Duplicates are harmless (Yjs ignores what it has).
 * - `collab:awareness` {documentId, update} — a y-protocols awareness update; relayed to the room, never stored.
 *   Readers and commenters may send awareness (carets, who is here) but no document updates.
 * - `collab:close` {documentId} — leave the room.
 * - Server → client: `collab:sync` (updates of others, possibly several merged into one message), `collab:awareness`,
 *   `collab:access` (the role or the document's state changed), `collab:resync` (the server dropped its copy: open
 *   again), and the pushes of the documents module: `collab:comments`, `collab:doc-state`.
 */
export const COLLAB_NAMESPACE = '/collab';

export const COLLAB_LIMITS = {
  /** one sync message (update or step 2); above this the server answers DOC_UPDATE_TOO_LARGE */
  maxUpdateBytes: 512 * 1024,
  /** one awareness update */
  maxAwarenessBytes: 16 * 1024,
  /** one sync step 1 (a state vector) */
  maxStateVectorBytes: 64 * 1024,
} as const;

/** The message types of y-protocols/sync (first varuint of a sync message). */
export const YSYNC_MESSAGE = { step1: 0, step2: 1, update: 2 } as const;

/** Binary payload: Uint8Array (Node's Buffer is one). Browsers receive ArrayBuffer; the provider converts. */
export const Binary = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'expected binary data' });
const documentId = z.uuid();

export const CollabOpenRequest = z.strictObject({ documentId, sync: Binary });
export type CollabOpenRequest = z.infer<typeof CollabOpenRequest>;

export const COLLAB_ROLES = ['editor', 'commenter', 'reader'] as const;
export type CollabRole = (typeof COLLAB_ROLES)[number];
export const COLLAB_DOC_STATES = ['draft', 'in_review', 'finalized'] as const;
export type CollabDocState = (typeof COLLAB_DOC_STATES)[number];

/** What the joining user may do with the document (derived on the server, for every message). */
export interface CollabAccess {
  documentId: string;
  role: CollabRole;
  state: CollabDocState;
  /** editor and not finalized: document updates are accepted */
  canEdit: boolean;
}

export interface CollabOpenResult {
  access: CollabAccess;
  /** y-protocols sync step 2 message: what the client lacks */
  step2: Uint8Array;
  /** y-protocols sync step 1 message: the server's state vector, to compute what the server lacks */
  step1: Uint8Array;
  /** y-protocols awareness update with the states of everyone already there (absent when nobody is) */
  awareness?: Uint8Array;
}

export const CollabSyncRequest = z.strictObject({ documentId, message: Binary });
export type CollabSyncRequest = z.infer<typeof CollabSyncRequest>;
/** `reply`: the step 2 answering a step 1; updates and step 2 are answered `{}` once durable. */
export interface CollabSyncResult {
  reply?: Uint8Array;
}

export const CollabAwarenessRequest = z.strictObject({ documentId, update: Binary });
export type CollabAwarenessRequest = z.infer<typeof CollabAwarenessRequest>;

export const CollabCloseRequest = z.strictObject({ documentId });
export type CollabCloseRequest = z.infer<typeof CollabCloseRequest>;

/** Client → server events; each answers through the ack envelope `Ack<T>`. */
export const COLLAB_CLIENT_EVENTS = {
  'collab:open': CollabOpenRequest,
  'collab:sync': CollabSyncRequest,
  'collab:awareness': CollabAwarenessRequest,
  'collab:close': CollabCloseRequest,
} as const;

export interface CollabClientResults {
  'collab:open': CollabOpenResult;
  'collab:sync': CollabSyncResult;
  'collab:awareness': Record<string, never>;
  'collab:close': { closed: true };
}

/** A comment change the documents module pushes to open editors (they refetch the comments over REST). */
export interface CollabCommentsPush {
  documentId: string;
  /** what changed, for a targeted refresh; absent = refetch all */
  commentId?: string;
  change?: 'created' | 'updated' | 'resolved' | 'reopened' | 'deleted';
}

/** The document's state changed (finalized, back to draft, a version was restored…): refresh the header. */
export interface CollabDocStatePush {
  documentId: string;
  state?: CollabDocState;
  [key: string]: unknown;
}

/**
 * Server → client events (to the document's room, or to one socket for `collab:access`). Room broadcasts of
 * updates and awareness carry base64 text (one websocket frame per client instead of two for binary).
 */
export interface CollabServerEvents {
  'collab:sync': (p: { documentId: string; message: Uint8Array | string }) => void;
  'collab:awareness': (p: { documentId: string; update: Uint8Array | string }) => void;
  'collab:access': (p: CollabAccess) => void;
  'collab:resync': (p: { documentId: string }) => void;
  'collab:comments': (p: CollabCommentsPush) => void;
  'collab:doc-state': (p: CollabDocStatePush) => void;
}

/** The pushes the documents module may send through CollabDocStore.broadcast. */
export type CollabPushEvent = 'collab:comments' | 'collab:doc-state';

/** The registry codes the collab namespace answers with. */
export const COLLAB_ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'FORBIDDEN',
  'DOC_NOT_OPEN',
  'DOC_READ_ONLY',
  'DOC_UPDATE_INVALID',
  'DOC_UPDATE_TOO_LARGE',
  'DB_UNAVAILABLE',
  'INTERNAL',
] as const satisfies readonly ErrorCode[];
export type CollabErrorCode = (typeof COLLAB_ERROR_CODES)[number];
export type CollabError = ErrorBody;
