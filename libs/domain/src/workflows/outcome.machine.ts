import { defineMachine, hasAnyRole, isIsoDate, type TransitionInput } from './state-machine';

/** Flow 8: 成果 — from the report to the department's feedback, with follow-up rounds (回头看). */
export const OUTCOME_STATES = ['report_sent', 'instructed', 'assigned', 'feedback_received', 'evaluated', 'closed'] as const;
export type OutcomeState = (typeof OUTCOME_STATES)[number];

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
