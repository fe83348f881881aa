import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileText } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DocumentRoutes } from '@xieshang/contracts';
import { api, isApiError } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { DOCUMENTS_KEY } from './documentQueries';

/**
 * On the meeting page: open the meeting's minutes, or — for the office and the host — draft them from
 * the meeting template. Nothing is shown to someone who may not see minutes that do not exist yet.
 */
export function MinutesButton({ meetingId, canCreate }: { meetingId: string; canCreate: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const minutes = useQuery({
    queryKey: [...DOCUMENTS_KEY, 'minutes-of', meetingId],
    queryFn: async ({ signal }) => {
      try {
        return await api(DocumentRoutes.getMeetingMinutes, { params: { id: meetingId }, signal });
      } catch (e) {
        if (isApiError(e) && e.status === 404) return null;
        throw e;
      }
    },
  });
  const create = useMutation({
    mutationFn: () => api(DocumentRoutes.createMeetingMinutes, { params: { id: meetingId } }),
    onSuccess: (doc) => {
      void client.invalidateQueries({ queryKey: DOCUMENTS_KEY });
      void navigate(`/documents/${doc.id}`);
    },
    onError: (e) => notifications.show({ color: 'red', message: errorText(t, e) }),
  });
  if (minutes.data) {
    return <Button component={Link} to={`/documents/${minutes.data.id}`} variant="light" size="sm" leftSection={<IconFileText size={16} aria-hidden />}>{t('documents.entry.minutes')}</Button>;
  }
  if (minutes.data === null && canCreate) {
    return <Button variant="light" size="sm" leftSection={<IconFileText size={16} aria-hidden />} loading={create.isPending} onClick={() => create.mutate()}>{t('documents.entry.createMinutes')}</Button>;
  }
  return null;
}
