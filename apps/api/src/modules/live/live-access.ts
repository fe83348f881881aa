import type { LiveActor, LiveCommand, LiveErrorCode, MeetingState, Role, SessionUser } from '@xieshang/contracts';
import { canSeeMeeting, isMeetingHost } from '@xieshang/domain';

/**
 * Who may do what in a meeting's live room. The reducer in libs/domain checks host-only commands and
 * own-entry rules; this adds what the reducer cannot know: the invitation list and the meeting's host.
 */
export interface LiveAccess {
  userId: string;
  /** admin, the meeting's host, or any chair when the meeting names no host */
  isHost: boolean;
  invited: boolean;
  canView: boolean;
  /** raise a hand / point of order: invited members (the host may always) */
  canRequestFloor: boolean;
  /** request to respond: invited department liaisons */
  canRespond: boolean;
  departmentId: string | null;
}

type LiveUser = Pick<SessionUser, 'id' | 'roles' | 'departmentId'>;

/** A live room exists once the meeting is announced; after it ends the room stays readable. */
export const LIVE_ROOM_STATES: readonly MeetingState[] = ['notified', 'materials_sent', 'live', 'minutes', 'reported', 'closed'];

const VIEWING_ROLES: readonly Role[] = ['admin', 'chair', 'leader', 'observer'];


export function liveAccess(user: LiveUser, meeting: { hostId: string | null }, invited: boolean): LiveAccess {
  const isHost = isMeetingHost(user, meeting.hostId);
  const isLiaison = user.roles.includes('department') && user.departmentId !== null;
  return {
    userId: user.id,
    isHost,
    invited,
    canView: isHost || invited || user.roles.some((r) => VIEWING_ROLES.includes(r)),
    canRequestFloor: isHost || (invited && user.roles.includes('member')),
    canRespond: invited && isLiaison,
    departmentId: user.departmentId,
  };
}

/**
 * Why this user may not enter the room, or null. A meeting the user cannot see at all is NOT_FOUND
 * (its existence leaks nothing), one they see but are not part of is NOT_INVITED.
 */
export function joinRefusal(user: LiveUser, meeting: { state: MeetingState }, access: LiveAccess): { code: 'NOT_FOUND' | 'NOT_INVITED' | 'SESSION_NOT_LIVE'; params?: Record<string, string> } | null {
  if (!canSeeMeeting(user, { state: meeting.state, invited: access.invited }) && !access.isHost) return { code: 'NOT_FOUND' };
  if (!access.canView) return { code: 'NOT_INVITED' };
  if (!LIVE_ROOM_STATES.includes(meeting.state)) return { code: 'SESSION_NOT_LIVE', params: { status: meeting.state } };
  return null;
}

/** Taking the floor needs an invitation, which the reducer (roles only) cannot see. */
export function commandRefusal(command: LiveCommand, access: LiveAccess): LiveErrorCode | null {
  switch (command.type) {
    case 'queue:raise-hand':
    case 'queue:point-of-order':
      return access.canRequestFloor ? null : 'FORBIDDEN';
    case 'queue:request-response':
      return access.canRespond ? null : 'FORBIDDEN';
    default:
      return null;
  }
}

/** The reducer's actor, built on the server from the session and the meeting, never from the payload. */
export function liveActor(user: Pick<SessionUser, 'id' | 'roles' | 'departmentId'>, access: LiveAccess): LiveActor {
  return {
    id: user.id,
    roles: [...user.roles],
    isHost: access.isHost,
    ...(user.departmentId !== null && { departmentId: user.departmentId }),
  };
}
