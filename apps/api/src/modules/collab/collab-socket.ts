import type { Socket } from 'socket.io';
import type { CollabAccess, CollabServerEvents } from '@xieshang/contracts';
import type { SocketData } from '../realtime/socket-auth';

/** The room of one document (all instances, through the adapter). */
export const collabRoom = (documentId: string) => `doc:${documentId}`;

/** Events between api instances (socket.io serverSideEmit; no-ops without the Redis adapter). */
export const PEER_EVENTS = {
  /** (documentId, update): committed by the sender; instances holding the document apply it */
  update: 'collab:peer-update',
  /** (documentId, update): an awareness change, for the server-side copies late joiners get */
  awareness: 'collab:peer-awareness',
  /** (documentId): members or state changed; drop cached access */
  accessChanged: 'collab:peer-access-changed',
} as const;

/** A socket's hold on one open document. */
export interface CollabMembership {
  /** cached per socket and document (null = ask again); dropped when the document's access changes */
  access: Promise<CollabAccess | null> | null;
  /** the awareness client ids this socket announced (removed when it leaves) */
  awarenessClients: Set<number>;
}

export interface CollabSocketData extends SocketData {
  collab?: Map<string, CollabMembership>;
}

type Incoming = (payload: unknown, ack?: unknown) => void;
export interface CollabClientToServer {
  'collab:open': Incoming;
  'collab:sync': Incoming;
  'collab:awareness': Incoming;
  'collab:close': Incoming;
}

export type CollabSocket = Socket<CollabClientToServer, CollabServerEvents, Record<string, never>, CollabSocketData>;
