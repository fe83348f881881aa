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

/** The office always; a chair when hosting this meeting or when no host is named. */
export function mayRunLiveSession(actor: WorkflowActor, subject: MeetingSubject): boolean {
  if (hasAnyRole(actor, ['admin'])) return true;
  return hasAnyRole(actor, ['chair']) && (!subject.hostId || subject.hostId === actor.id);
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
