import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MeetingRoutes, type Meeting, type MeetingAction } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { meetingKey } from './useMeeting';
import { MEETING_LISTS_KEY } from './useMeetingList';

/** Actions that need a reason before they are sent (the meeting machine's `requires: ['reason']`). */
const NEEDS_REASON: readonly MeetingAction[] = ['cancel'];
const DANGER: readonly MeetingAction[] = ['cancel', 'end'];

/** Confirm one state change; cancelling asks why (the reason goes to every invitee). */
export function TransitionDialog({ meeting, action, onClose }: { meeting: Meeting; action: MeetingAction | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const needsReason = !!action && NEEDS_REASON.includes(action);

  const run = useMutation({
    mutationFn: (a: MeetingAction) => api(MeetingRoutes.transitionMeeting, { params: { id: meeting.id }, body: needsReason ? { action: a, reason: reason.trim() } : { action: a } }),
    onSuccess: (saved, a) => {
      client.setQueryData(meetingKey(saved.id), saved);
      void client.invalidateQueries({ queryKey: MEETING_LISTS_KEY });
      notifications.show({ color: 'green', message: t(`meetings.actionDone.${a}`, { title: saved.title }) });
      onClose();
    },
  });
  const { reset } = run;
  useEffect(() => {
    if (action) {
      setReason('');
      setTried(false);
      reset();
    }
  }, [action, reset]);

  const confirm = () => {
    setTried(true);
    if (!action || (needsReason && !reason.trim())) return;
    run.mutate(action);
  };

  return (
    <Modal opened={!!action} onClose={onClose} title={action ? t(`meetings.action.${action}`) : ''} centered>
      {action && (
        <Stack>
          <Text>{t(`meetings.actionConfirm.${action}`, { title: meeting.title })}</Text>
          {needsReason && (
            <Textarea
              label={t('meetings.detail.cancelReason')}
              description={t('meetings.detail.cancelReasonHint')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={tried && !reason.trim() ? t('meetings.detail.cancelReasonRequired') : undefined}
              required
              autosize
              minRows={3}
              maxLength={1000}
              data-autofocus
            />
          )}
          {run.error != null && <Alert color="red" role="alert">{errorText(t, run.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('meetings.detail.dismiss')}</Button>
            <Button color={DANGER.includes(action) ? 'red' : undefined} onClick={confirm} loading={run.isPending} data-autofocus={needsReason ? undefined : true}>
              {t(`meetings.action.${action}`)}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
