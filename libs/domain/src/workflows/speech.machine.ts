import { SPEECH_STATES, type SpeechState, type SpeechAction } from '@xieshang/contracts';
import { defineMachine, type WorkflowActor } from './state-machine';

/** Flow 5: arranged speech (交流发言). Oral speeches open the live speaking queue. */
export { SPEECH_STATES };
export type { SpeechState };

export type { SpeechAction };

export interface SpeechSubject {
  state: string;
  authorId: string;
}

const isAuthor = (actor: WorkflowActor, s: SpeechSubject) => actor.id === s.authorId;

export const speechMachine = defineMachine<SpeechState, SpeechAction, SpeechSubject>({
  states: SPEECH_STATES,
  transitions: {
    submit: { from: ['draft', 'needs_revision'], to: 'submitted', roles: isAuthor },
    withdraw: { from: ['submitted'], to: 'draft', roles: isAuthor },
    start_review: { from: ['submitted'], to: 'in_review', roles: ['admin'] },
    // The office may swap oral and written when the running order gets too long.
    accept_oral: { from: ['in_review', 'written_only'], to: 'oral', roles: ['admin'] },
    accept_written: { from: ['in_review', 'oral'], to: 'written_only', roles: ['admin'] },
    request_revision: { from: ['in_review'], to: 'needs_revision', roles: ['admin'], requires: ['comment'] },
    // Diverted (e.g. into a proposal or a social-conditions report): the author is told why.
    divert: { from: ['in_review'], to: 'diverted', roles: ['admin'], requires: ['comment'] },
  },
});
