import { OUTCOME_STATES, type OutcomeState } from '@xieshang/contracts';
import { defineMachine, hasAnyRole, isIsoDate, type TransitionInput } from './state-machine';

/*
 * Flow 8: 成果 — from the report to the department's feedback, with follow-up rounds (回头看).
 * The outcome-level steps (instruct, assign, close, follow up) go through this machine as they are.
 * With several departments per round, feedback, send-back and evaluation happen per assignment
 * (outcomes/assignment.machine.ts) and the outcome's state follows from its assignments
 * (outcomes/outcome-state.ts: deriveOutcomeState); the transitions below describe that at the
 * level of the whole outcome (one department, or the first/last one to move).
 */
export { OUTCOME_STATES, type OutcomeState };

export type OutcomeAction =
  | 'record_instruction'
  | 'assign'
  | 'submit_feedback'
  | 'send_back'
  | 'evaluate'
  | 'close'
  | 'follow_up';

export interface OutcomeSubject {
  state: string;
  /** Lead and assisting departments of the current round. */
  departmentIds: readonly string[];
}

const deadlineValid = (input: TransitionInput) => (isIsoDate(input.deadline) ? null : { field: 'deadline', reason: 'DATE' });

export const outcomeMachine = defineMachine<OutcomeState, OutcomeAction, OutcomeSubject>({
  states: OUTCOME_STATES,
  transitions: {
    // The office records the 批示; a leader entering their own instruction is allowed too.
    record_instruction: { from: ['report_sent'], to: 'instructed', roles: ['admin', 'leader'] },
    // Not every report draws an instruction; following it up anyway is the point (no 一报了之).
    assign: { from: ['report_sent', 'instructed'], to: 'assigned', roles: ['admin'], requires: ['deadline'], validate: deadlineValid },
    submit_feedback: {
      from: ['assigned'],
      to: 'feedback_received',
      roles: (actor, s) =>
        hasAnyRole(actor, ['department']) && !!actor.departmentId && s.departmentIds.includes(actor.departmentId),
    },
    send_back: { from: ['feedback_received'], to: 'assigned', roles: ['admin'], requires: ['comment'] },
    evaluate: { from: ['feedback_received'], to: 'evaluated', roles: ['admin'] },
    close: { from: ['evaluated'], to: 'closed', roles: ['admin'] },
    follow_up: { from: ['closed'], to: 'assigned', roles: ['admin'], requires: ['deadline'], validate: deadlineValid },
  },
});
