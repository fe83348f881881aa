import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { CollabProvider, type CollabStatus } from '@xieshang/collab-provider';
import { COLLAB_NAMESPACE } from '@xieshang/contracts';
import { connectNamespace } from '../../../lib/socket';

export interface CollabSession {
  doc: Y.Doc;
  provider: CollabProvider;
}

/** The browser's own copy of a document: per user, so two people sharing a computer never mix drafts. */
export const offlineCopyName = (userId: string, documentId: string) => `xieshang-doc:${userId}:${documentId}`;

/** IndexedDB can be unavailable (private windows) or slow: never wait on it longer than this. */
const OFFLINE_COPY_WAIT_MS = 1_500;

/**
 * One document open for co-editing: a Y.Doc bound to the server through the provider on a `/collab`
 * socket. Editors also keep an offline copy in IndexedDB: edits made offline survive a reload and merge
 * when the connection returns (the provider's open handshake sends the server whatever it lacks). The
 * copy is loaded before the provider opens, so the first handshake already carries those edits.
 * Created in an effect and torn down in its cleanup, so React StrictMode's double mount leaves nothing behind.
 */
export function useCollabSession(documentId: string, userId: string | undefined, keepOfflineCopy: boolean): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  useEffect(() => {
    if (!userId) return;
    let cancelled = false;
    const doc = new Y.Doc();
    const offline = keepOfflineCopy ? new IndexeddbPersistence(offlineCopyName(userId, documentId), doc) : null;
    let provider: CollabProvider | null = null;
    const socket = connectNamespace(COLLAB_NAMESPACE, { autoConnect: false });
    const loaded = offline ? Promise.race([offline.whenSynced.catch(() => undefined), new Promise((r) => setTimeout(r, OFFLINE_COPY_WAIT_MS))]) : Promise.resolve();
    void loaded.then(() => {
      if (cancelled) return;
      provider = new CollabProvider({ socket, documentId, doc });
      socket.connect();
      setSession({ doc, provider });
    });
    return () => {
      cancelled = true;
      setSession(null);
      provider?.destroy();
      socket.disconnect();
      void offline?.destroy();
      doc.destroy();
    };
  }, [documentId, userId, keepOfflineCopy]);
  return session;
}

/**
 * The provider's status, re-rendering on every change. Copied on each event: React only re-renders for
 * a new snapshot, whatever the provider does with its own object.
 */
export function useSyncStatus(provider: CollabProvider | undefined): CollabStatus | null {
  const [status, setStatus] = useState<CollabStatus | null>(provider ? { ...provider.status } : null);
  useEffect(() => {
    if (!provider) {
      setStatus(null);
      return;
    }
    const update = () => setStatus({ ...provider.status });
    update();
    provider.on('status', update);
    return () => void provider.off('status', update);
  }, [provider]);
  return status;
}
