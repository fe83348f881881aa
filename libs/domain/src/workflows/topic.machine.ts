import { TOPIC_STATES, type TopicAction, type TopicState } from '@xieshang/contracts';
import { defineMachine } from './state-machine';

/** Flow 1: 协商议题. The state and action lists live in the contracts. */
export { TOPIC_STATES };
export type { TopicState, TopicAction };

export interface TopicSubject {
  state: string;
  /** Present for stored topics; lets the machine refuse merging a topic into itself. */
  id?: string;
}

export const topicMachine = defineMachine<TopicState, TopicAction, TopicSubject>({
  states: TOPIC_STATES,
  transitions: {
    start_screening: { from: ['submitted'], to: 'screening', roles: ['admin'] },
    pool: { from: ['screening'], to: 'pooled', roles: ['admin'] },
    // Also straight from `submitted` and from the pool: the board's bulk reject handles obvious
    // out-of-scope items (petitions, court cases) without a pointless screening step.
    reject: { from: ['submitted', 'screening', 'pooled'], to: 'rejected', roles: ['admin'], requires: ['reason'] },
    merge: {
      from: ['screening', 'pooled'],
      to: 'merged',
      roles: ['admin'],
      requires: ['target'],
      validate: (input, subject) => (subject.id && input.target === subject.id ? { field: 'target', reason: 'SELF' } : null),
    },
    reopen: { from: ['rejected'], to: 'screening', roles: ['admin'], requires: ['comment'] },
    shortlist: { from: ['pooled'], to: 'shortlisted', roles: ['admin', 'chair'] },
    unshortlist: { from: ['shortlisted'], to: 'pooled', roles: ['admin', 'chair'] },
    // Selection follows the plan: adding a plan item selects, removing it while drafting deselects.
    select: { from: ['shortlisted'], to: 'selected', roles: ['admin'] },
    deselect: { from: ['selected'], to: 'shortlisted', roles: ['admin'] },
    // Closing the plan marks every remaining candidate, shortlisted or merely pooled.
    not_select: { from: ['pooled', 'shortlisted'], to: 'not_selected', roles: ['admin'] },
  },
});
