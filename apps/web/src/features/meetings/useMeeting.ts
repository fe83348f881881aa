import { useQuery } from '@tanstack/react-query';
import { MeetingRoutes, type MeetingState } from '@xieshang/contracts';
import { api } from '../../lib/api';

export const meetingKey = (id: string) => ['meetings', 'detail', id] as const;

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: meetingKey(id ?? ''),
    queryFn: ({ signal }) => api(MeetingRoutes.getMeeting, { params: { id: id! }, signal }),
    enabled: !!id,
  });
}

/** From the live session on, a meeting's details are history (the api answers MEETING_LOCKED). */
export const LOCKED_STATES: readonly MeetingState[] = ['live', 'minutes', 'reported', 'closed', 'cancelled'];
export const isLocked = (state: MeetingState) => LOCKED_STATES.includes(state);

/** Invitees have been told; a time change now notifies them again. */
export const isAnnounced = (state: MeetingState) => state !== 'planned' && state !== 'preparing';

/** Live links make sense from the notice until the session ends. */
export const LIVE_LINK_STATES: readonly MeetingState[] = ['notified', 'materials_sent', 'live'];
