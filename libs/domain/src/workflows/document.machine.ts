import { DOCUMENT_STATES, type DocumentAction, type DocumentState } from '@xieshang/contracts';
import { defineMachine, hasAnyRole } from './state-machine';

/** Flow 7: minutes and consensus documents. `finalized` is terminal: the rendered copy is immutable. */
export { DOCUMENT_STATES, type DocumentAction, type DocumentState };

export interface DocumentSubject {
  state: string;
  /** Members the office assigned as editors. */
  editorIds?: readonly string[];
}

export const documentMachine = defineMachine<DocumentState, DocumentAction, DocumentSubject>({
  states: DOCUMENT_STATES,
  transitions: {
    submit_for_review: {
      from: ['draft'],
      to: 'in_review',
      roles: (actor, s) => hasAnyRole(actor, ['admin']) || (s.editorIds ?? []).includes(actor.id),
    },
    send_back: { from: ['in_review'], to: 'draft', roles: ['admin', 'chair'], requires: ['comment'] },
    // The chair signs off minutes in many committees, so both may finalize.
    finalize: { from: ['in_review'], to: 'finalized', roles: ['admin', 'chair'] },
  },
});
