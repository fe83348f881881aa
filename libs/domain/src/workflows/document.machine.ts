import { defineMachine, hasAnyRole } from './state-machine';

/** Flow 7: minutes and consensus documents. `finalized` is terminal: the rendered copy is immutable. */
export const DOCUMENT_STATES = ['draft', 'in_review', 'finalized'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

export type DocumentAction = 'submit_for_review' | 'send_back' | 'finalize';

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
