import type { MeetingState, Role } from '@xieshang/contracts';

/**
 * Who sees which meeting. The office, the chair and leaders see every meeting; everyone else sees
 * meetings they are invited to, and published meetings (past `preparing`), except a cancelled one
 * they were not invited to. A hidden meeting is answered as not found, so its existence leaks nothing.
 */
export interface MeetingViewer {
  id: string;
  roles: readonly Role[];
}

export const SEES_ALL_MEETINGS: readonly Role[] = ['admin', 'chair', 'leader'];

/** States in which a meeting is visible to every signed-in user (the SQL of the list uses this too). */
export const PUBLISHED_MEETING_STATES: readonly MeetingState[] = ['notified', 'materials_sent', 'live', 'minutes', 'reported', 'closed'];

export function seesAllMeetings(viewer: MeetingViewer): boolean {
  return viewer.roles.some((r) => SEES_ALL_MEETINGS.includes(r));
}

export function canSeeMeeting(viewer: MeetingViewer, meeting: { state: MeetingState; invited: boolean }): boolean {
  return seesAllMeetings(viewer) || meeting.invited || PUBLISHED_MEETING_STATES.includes(meeting.state);
}

/** Materials can be confidential drafts: invitees and the people who run or oversee the meeting only. */
export function canDownloadMaterials(viewer: MeetingViewer, meeting: { invited: boolean }): boolean {
  return seesAllMeetings(viewer) || meeting.invited;
}
