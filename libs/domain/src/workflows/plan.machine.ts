import { defineMachine, hasAnyRole } from './state-machine';

/** Flow 2: 年度协商计划. Organisation rules checked on submit live in plan-rules.ts. */
export const PLAN_STATES = [
  'drafting',
  'joint_revision',
  'chair_meeting_reviewed',
  'submitted',
  'approved',
  'issued',
  'executing',
  'summarized',
] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export type PlanAction =
  | 'start_joint_revision'
  | 'record_chair_meeting_review'
  | 'submit'
  | 'approve'
  | 'issue'
  | 'start_execution'
  | 'summarize'
  | 'send_back';

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
