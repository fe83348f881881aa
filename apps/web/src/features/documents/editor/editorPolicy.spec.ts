import type { DocumentPermissions } from '@xieshang/contracts';
import { editorPolicy } from './editorPolicy';

const can = (p: Partial<DocumentPermissions>): DocumentPermissions => ({ edit: false, comment: false, manageVersions: false, manageMembers: false, ...p });

describe('role → what the editor allows', () => {
  it('an editor of a draft edits and comments, also while the provider is still opening or offline', () => {
    const doc = { state: 'draft' as const, myRole: 'editor' as const, can: can({ edit: true, comment: true }) };
    expect(editorPolicy(doc, null)).toEqual({ editable: true, canComment: true, readOnlyReason: null });
    expect(editorPolicy(doc, { role: null, readOnly: true })).toMatchObject({ editable: true });
    expect(editorPolicy(doc, { role: 'editor', readOnly: false })).toMatchObject({ editable: true });
  });

  it('turns read-only at once when the server takes the right to write away', () => {
    const doc = { state: 'in_review' as const, myRole: 'editor' as const, can: can({ edit: true, comment: true }) };
    expect(editorPolicy(doc, { role: 'editor', readOnly: true })).toMatchObject({ editable: false, readOnlyReason: 'revoked' });
  });

  it('commenters comment without editing; readers only read', () => {
    expect(editorPolicy({ state: 'draft', myRole: 'commenter', can: can({ comment: true }) }, null)).toEqual({ editable: false, canComment: true, readOnlyReason: 'commenter' });
    expect(editorPolicy({ state: 'draft', myRole: 'reader', can: can({}) }, null)).toEqual({ editable: false, canComment: false, readOnlyReason: 'reader' });
  });

  it('a finalized document is read-only for everyone, editors included', () => {
    expect(editorPolicy({ state: 'finalized', myRole: 'editor', can: can({}) }, { role: 'editor', readOnly: true })).toEqual({
      editable: false,
      canComment: false,
      readOnlyReason: 'finalized',
    });
  });
});
