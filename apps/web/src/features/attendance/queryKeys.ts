import type { QueryClient } from '@tanstack/react-query';

/** Cache keys of this feature; the meeting page's own queries live under ['meetings']. */
export const attendanceKeys = {
  myInvitation: (meetingId: string) => ['invitations', meetingId, 'mine'] as const,
  invitations: (meetingId: string) => ['invitations', meetingId, 'all'] as const,
  leaveRequests: ['leave-requests'] as const,
  memberAttendance: ['attendance', 'members'] as const,
};

/** After any reply, decision or check-in: lists, counts and the meeting's own summary change. */
export function refreshAfterInvitationChange(client: QueryClient, meetingId?: string) {
  void client.invalidateQueries({ queryKey: meetingId ? ['invitations', meetingId] : ['invitations'] });
  void client.invalidateQueries({ queryKey: ['meetings'] });
  void client.invalidateQueries({ queryKey: attendanceKeys.leaveRequests });
}
