import { ASSIGNMENT_STATES, type AssignmentState } from '@xieshang/contracts';
import { defineMachine, hasAnyRole } from '../workflows/state-machine';

export type AssignmentAction = 'submit_feedback' | 'evaluate' | 'send_back';

export interface AssignmentSubject {
  state: string;
  departmentId: string;
  /** only the current round takes feedback; earlier rounds are history */
  current: boolean;
}

/**
 * One department's assignment within a round (flow 8, per department): the liaison of that
 * department reports, the office accepts or sends back with a comment.
 */
export const assignmentMachine = defineMachine<AssignmentState, AssignmentAction, AssignmentSubject>({
  states: ASSIGNMENT_STATES,
  transitions: {
    submit_feedback: {
      from: ['assigned'],
      to: 'feedback_received',
      roles: (actor, s) => s.current && hasAnyRole(actor, ['department']) && !!actor.departmentId && actor.departmentId === s.departmentId,
    },
    // accepting may rearm the assignment under a recurring cadence (deadlines.ts afterAcceptance)
    evaluate: { from: ['feedback_received'], to: 'accepted', roles: (actor, s) => s.current && hasAnyRole(actor, ['admin']) },
    send_back: { from: ['feedback_received'], to: 'assigned', roles: (actor, s) => s.current && hasAnyRole(actor, ['admin']), requires: ['comment'] },
  },
});
