import { PLAN_STATES, type PlanAction, type PlanEditMode, type PlanState, type Role } from '@xieshang/contracts';
import { defineMachine, hasAnyRole } from './state-machine';

/** Flow 2: 年度协商计划. Organisation rules checked on submit live in plan-rules.ts. */
export { PLAN_STATES };
export type { PlanAction, PlanState };

export interface PlanSubject {
  state: string;
}

export const planMachine = defineMachine<PlanState, PlanAction, PlanSubject>({
  states: PLAN_STATES,
  transitions: {
    start_joint_revision: { from: ['drafting'], to: 'joint_revision', roles: ['admin'] },
    // Approval steps name the meeting that decided (主席会议, 党委常委会); the comment is optional.
    record_chair_meeting_review: { from: ['joint_revision'], to: 'chair_meeting_reviewed', roles: ['chair'], requires: ['meeting'] },
    // The API runs planRulesCheck first and refuses on any violation.
    submit: { from: ['chair_meeting_reviewed'], to: 'submitted', roles: ['admin'] },
    approve: { from: ['submitted'], to: 'approved', roles: ['leader'], requires: ['meeting'] },
    issue: { from: ['approved'], to: 'issued', roles: ['admin'] },
    start_execution: { from: ['issued'], to: 'executing', roles: ['admin'] },
    summarize: { from: ['executing'], to: 'summarized', roles: ['admin'] },
    send_back: {
      from: ['joint_revision', 'chair_meeting_reviewed', 'submitted'],
      to: 'drafting',
      // Whoever holds the plan at that step may return it; the office may always withdraw it.
      roles: (actor, subject) =>
        hasAnyRole(actor, subject.state === 'submitted' ? ['admin', 'leader'] : ['admin', 'chair']),
      requires: ['comment'],
    },
  },
});

/**
 * How a plan in this state may change. The office drafts freely while drafting and during the joint
 * revision (联合修订, when the bodies send their changes); from the chair's meeting review until the
 * approval the text is what the reviewers decide on, so it is frozen (send it back to change it);
 * once approved it changes only through a recorded amendment, until it is summarized.
 */
export function planEditMode(state: PlanState): PlanEditMode {
  if (state === 'drafting' || state === 'joint_revision') return 'draft';
  if (state === 'approved' || state === 'issued' || state === 'executing') return 'amendment';
  return 'locked';
}

/**
 * Issuing (印发) closes the year's topic selection: shortlisted or pooled topics of that year left
 * out of the plan become not_selected.
 */
export const PLAN_CLOSING_ACTION: PlanAction = 'issue';

/** Drafts are for the office, the chairs and the approving leaders; everyone signed in sees an issued plan. */
export const SEES_DRAFT_PLANS: readonly Role[] = ['admin', 'chair', 'leader'];
export const PUBLISHED_PLAN_STATES: readonly PlanState[] = ['issued', 'executing', 'summarized'];

export function canSeePlan(viewer: { roles: readonly Role[] }, state: PlanState): boolean {
  return viewer.roles.some((r) => SEES_DRAFT_PLANS.includes(r)) || PUBLISHED_PLAN_STATES.includes(state);
}
