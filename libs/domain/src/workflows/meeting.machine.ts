import { defineMachine } from './state-machine';

/** Flow 3: 协商活动. The live session inside `live` has its own machine (src/live). */
export const MEETING_STATES = [
  'planned',
  'preparing',
  'notified',
  'materials_sent',
  'live',
  'minutes',
  'reported',
  'closed',
  'cancelled',
] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export type MeetingAction =
  | 'start_preparing'
  | 'notify'
  | 'send_materials'
  | 'go_live'
  | 'end'
  | 'report'
  | 'close'
  | 'cancel';

export interface MeetingSubject {
  state: string;
}

export const meetingMachine = defineMachine<MeetingState, MeetingAction, MeetingSubject>({
  states: MEETING_STATES,
  transitions: {
    start_preparing: { from: ['planned'], to: 'preparing', roles: ['admin'] },
    notify: { from: ['preparing'], to: 'notified', roles: ['admin'] },
    send_materials: { from: ['notified'], to: 'materials_sent', roles: ['admin'] },
    // Some forums have no advance materials; a short materials period is a scheduling warning,
    // not a reason to block the meeting from opening.
    go_live: { from: ['notified', 'materials_sent'], to: 'live', roles: ['admin', 'chair'] },
    end: { from: ['live'], to: 'minutes', roles: ['admin', 'chair'] },
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
