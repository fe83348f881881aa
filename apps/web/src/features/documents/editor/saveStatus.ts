/** The provider's status as the save indicator needs it (structurally CollabProvider's `status`). */
export interface SyncStatus {
  connected: boolean;
  synced: boolean;
  /** local updates the server has not yet acknowledged as durable */
  pending: number;
  /** known once the document is open; null before */
  role: string | null;
  readOnly: boolean;
  error?: { code: string } | null;
}

export type SaveState = 'connecting' | 'saved' | 'saving' | 'offline' | 'offlineUnsaved' | 'readOnly' | 'error';

export interface SaveStatusView {
  state: SaveState;
  /** i18n key under `documents.save.` */
  key: SaveState;
  count: number;
  color: 'green' | 'blue' | 'orange' | 'gray' | 'red';
}

const COLORS: Record<SaveState, SaveStatusView['color']> = {
  connecting: 'gray',
  saved: 'green',
  saving: 'blue',
  offline: 'orange',
  offlineUnsaved: 'orange',
  readOnly: 'gray',
  error: 'red',
};

/**
 * What the save indicator says. "Saved" means the server acknowledged every local edit as durable,
 * never merely "sent". Offline, edits are kept in this browser (IndexedDB) and sent on reconnect,
 * which is what the offline wording promises.
 */
export function saveStatus(s: SyncStatus): SaveStatusView {
  const state = saveState(s);
  return { state, key: state, count: s.pending, color: COLORS[state] };
}

function saveState(s: SyncStatus): SaveState {
  // A reader's "pending" is what it loaded locally and may not send: nothing to save, nothing to promise.
  const writer = !(s.role !== null && s.readOnly);
  if (!s.connected) return writer && s.pending > 0 ? 'offlineUnsaved' : 'offline';
  if (s.error) return 'error';
  if (!s.synced) return writer && s.pending > 0 ? 'saving' : 'connecting';
  if (!writer) return 'readOnly';
  return s.pending > 0 ? 'saving' : 'saved';
}
