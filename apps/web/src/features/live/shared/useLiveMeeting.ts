import { useQuery } from '@tanstack/react-query';
import { MeetingRoutes } from '@xieshang/contracts';
import { api } from '../../../lib/api';

/** The meeting (title, agenda, video link) and the organisation settings (time zone, Jitsi base URL). */
export function useLiveMeeting(meetingId: string) {
  const meeting = useQuery({
    queryKey: ['live', 'meeting', meetingId],
    queryFn: ({ signal }) => api(MeetingRoutes.getMeeting, { params: { id: meetingId }, signal }),
  });
  const settings = useQuery({
    queryKey: ['live', 'settings'],
    queryFn: ({ signal }) => api(MeetingRoutes.getSettings, { signal }),
    staleTime: 5 * 60_000,
  });
  return { meeting, settings };
}
