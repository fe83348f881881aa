import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MeetingRoutes, type Speech, type SpeechAction, type SpeechInput } from '@xieshang/contracts';
import { api } from '../../lib/api';

export const speechesKey = (meetingId: string) => ['speeches', meetingId] as const;

export function useSpeeches(meetingId: string) {
  return useQuery({
    queryKey: speechesKey(meetingId),
    queryFn: ({ signal }) => api(MeetingRoutes.listSpeeches, { params: { id: meetingId }, signal }),
  });
}

/** Oral speeches in their running order (unordered ones last, oldest first). */
export function oralInOrder(speeches: Speech[]): Speech[] {
  return speeches
    .filter((s) => s.state === 'oral')
    .sort((a, b) => (a.oralOrder ?? Number.MAX_SAFE_INTEGER) - (b.oralOrder ?? Number.MAX_SAFE_INTEGER) || (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
}

function useReplaceSpeech(meetingId: string) {
  const client = useQueryClient();
  return (saved: Speech) => {
    client.setQueryData<Speech[]>(speechesKey(meetingId), (list) =>
      list?.some((s) => s.id === saved.id) ? list.map((s) => (s.id === saved.id ? saved : s)) : [...(list ?? []), saved],
    );
    // Accepting or diverting changes the oral order of others too.
    void client.invalidateQueries({ queryKey: speechesKey(meetingId) });
  };
}

export function useSaveSpeech(meetingId: string) {
  const replace = useReplaceSpeech(meetingId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: SpeechInput }) =>
      id ? api(MeetingRoutes.updateSpeech, { params: { id }, body }) : api(MeetingRoutes.createSpeech, { params: { id: meetingId }, body }),
    onSuccess: replace,
  });
}

export function useTransitionSpeech(meetingId: string) {
  const replace = useReplaceSpeech(meetingId);
  return useMutation({
    mutationFn: ({ speech, action, comment }: { speech: Speech; action: SpeechAction; comment?: string }) =>
      api(MeetingRoutes.transitionSpeech, { params: { id: speech.id }, body: { action, comment: comment || null } }),
    onSuccess: replace,
  });
}

export function useOrderSpeeches(meetingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (speechIds: string[]) => api(MeetingRoutes.orderSpeeches, { params: { id: meetingId }, body: { speechIds } }),
    onSuccess: (oral) => {
      client.setQueryData<Speech[]>(speechesKey(meetingId), (list) => list?.map((s) => oral.find((o) => o.id === s.id) ?? s));
      void client.invalidateQueries({ queryKey: speechesKey(meetingId) });
    },
  });
}
