import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { MeetingRoutes, type SchedulingWarning } from '@xieshang/contracts';
import { api } from '../../lib/api';
import type { MeetingBody } from './meetingForm';

/** Wait this long after the last keystroke before asking the server again. */
export const CHECK_DEBOUNCE_MS = 500;

/**
 * Live scheduling warnings for the draft (POST /meetings/check, which saves nothing). While
 * editing, the server leaves the meeting's own booking out (query meetingId).
 */
export function useSchedulingCheck(body: MeetingBody | null, editingId?: string): { warnings: SchedulingWarning[]; checking: boolean } {
  const [key] = useDebouncedValue(body ? JSON.stringify(body) : null, CHECK_DEBOUNCE_MS);
  const result = useQuery({
    queryKey: ['meetings', 'check', editingId ?? null, key],
    queryFn: ({ signal }) => api(MeetingRoutes.checkMeeting, { query: { meetingId: editingId }, body: JSON.parse(key!) as MeetingBody, signal }),
    enabled: key !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
    retry: false,
  });
  // A draft the server cannot check yet (half-typed) shows no warnings rather than an error:
  // the save button reports field errors properly.
  const warnings = key !== null && !result.isError ? (result.data?.warnings ?? []) : [];
  return { warnings, checking: result.isFetching };
}
