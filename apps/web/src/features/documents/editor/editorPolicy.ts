import type { DocumentPermissions, DocumentRole, DocumentState } from '@xieshang/contracts';

export interface EditorPolicy {
  /** the content can be changed here (the editor is editable, the formatting toolbar shown) */
  editable: boolean;
  /** text can be selected and commented on */
  canComment: boolean;
  /** why the content is read-only, for the notice above it (null when editable) */
  readOnlyReason: 'finalized' | 'reader' | 'commenter' | 'revoked' | null;
}

interface ProviderView {
  role: DocumentRole | null;
  readOnly: boolean;
}

/**
 * What the editor allows, from the document's REST permissions and the collab provider's view.
 * The provider's `readOnly` counts only once it knows the role (after opening the document): before
 * that, and while offline, an editor keeps typing into the offline copy; a role taken away or a
 * document finalized while open turns the editor read-only at once.
 */
export function editorPolicy(doc: { state: DocumentState; myRole: DocumentRole; can: DocumentPermissions }, provider: ProviderView | null): EditorPolicy {
  const revoked = !!provider && provider.role !== null && provider.readOnly;
  const editable = doc.can.edit && !revoked;
  return {
    editable,
    canComment: doc.can.comment,
    readOnlyReason: editable ? null : doc.state === 'finalized' ? 'finalized' : doc.myRole === 'editor' ? 'revoked' : doc.myRole,
  };
}
