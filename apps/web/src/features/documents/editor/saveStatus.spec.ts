import { saveStatus, type SyncStatus } from './saveStatus';

const editor: SyncStatus = { connected: true, synced: true, pending: 0, role: 'editor', readOnly: false };

describe('save status', () => {
  it('says saved only when the server acknowledged every local edit', () => {
    expect(saveStatus(editor)).toMatchObject({ state: 'saved', color: 'green' });
    expect(saveStatus({ ...editor, pending: 3 })).toMatchObject({ state: 'saving', count: 3 });
  });

  it('offline: edits kept in this browser are announced as such', () => {
    expect(saveStatus({ ...editor, connected: false, synced: false, pending: 2 })).toMatchObject({ state: 'offlineUnsaved', count: 2, color: 'orange' });
    expect(saveStatus({ ...editor, connected: false, synced: false })).toMatchObject({ state: 'offline' });
  });

  it('while reconnecting, unsent edits count as being saved', () => {
    expect(saveStatus({ ...editor, synced: false })).toMatchObject({ state: 'connecting' });
    expect(saveStatus({ ...editor, synced: false, pending: 1 })).toMatchObject({ state: 'saving' });
    expect(saveStatus({ ...editor, synced: false, role: null, readOnly: true })).toMatchObject({ state: 'connecting' });
  });

  it('a reader has nothing to save, even with local changes it may not send', () => {
    expect(saveStatus({ ...editor, role: 'reader', readOnly: true, pending: 4 })).toMatchObject({ state: 'readOnly' });
    expect(saveStatus({ ...editor, role: 'commenter', readOnly: true, pending: 4, connected: false })).toMatchObject({ state: 'offline' });
  });

  it('shows a refused update as an error', () => {
    expect(saveStatus({ ...editor, pending: 1, error: { code: 'DOC_UPDATE_TOO_LARGE' } })).toMatchObject({ state: 'error', color: 'red' });
  });
});
