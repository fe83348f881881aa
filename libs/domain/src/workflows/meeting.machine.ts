import { MEETING_STATES, type MeetingState, type MeetingAction } from '@xieshang/contracts';
import { defineMachine, hasAnyRole, type WorkflowActor } from './state-machine';

/** Flow 3: 协商活动. The live session inside `live` has its own machine (src/live). */
export { MEETING_STATES };
export type { MeetingState };

export type { MeetingAction };

export interface MeetingSubject {
  state: string;
  /** the chair who hosts the live session; when set, only they (or the office) open and end it */
  hostId?: string | null;
}

/**
 * Who hosts a meeting (runs its live session, shows the projector's check-in code): the office
 * always; the named host (a chair, checked when the meeting is saved); any chair when none is named.
 * The api and the web both ask this.
 */
export function isMeetingHost(actor: Pick<WorkflowActor, 'id' | 'roles'>, hostId: string | null | undefined): boolean {
  if (hasAnyRole(actor, ['admin'])) return true;
  return hostId ? actor.id === hostId : hasAnyRole(actor, ['chair']);
}

export function mayRunLiveSession(actor: WorkflowActor, subject: MeetingSubject): boolean {
  return isMeetingHost(actor, subject.hostId);
}

export const meetingMachine = defineMachine<MeetingState, MeetingAction, MeetingSubject>({
  states: MEETING_STATES,
  transitions: {
    start_preparing: { from: ['planned'], to: 'preparing', roles: ['admin'] },
    notify: { from: ['preparing'], to: 'notified', roles: ['admin'] },
    send_materials: { from: ['notified'], to: 'materials_sent', roles: ['admin'] },
    // Some forums have no advance materials; a short materials period is a scheduling warning,
    // not a reason to block the meeting from opening.
    go_live: { from: ['notified', 'materials_sent'], to: 'live', roles: mayRunLiveSession },
    end: { from: ['live'], to: 'minutes', roles: mayRunLiveSession },
    report: { from: ['minutes'], to: 'reported', roles: ['admin'] },
    close: { from: ['reported'], to: 'closed', roles: ['admin'] },
    cancel: {
      from: ['planned', 'preparing', 'notified', 'materials_sent'],
      to: 'cancelled',
      roles: ['admin'],
      requires: ['reason'],
    },
  },
});
