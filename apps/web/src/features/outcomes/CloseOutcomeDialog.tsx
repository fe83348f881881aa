import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OutcomeRoutes } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useRefreshOutcomes } from './outcomeQueries';

/** 办结: every department's feedback was accepted; a closing note goes into the trail. */
export function CloseOutcomeDialog({ outcomeId, title, opened, onClose }: { outcomeId: string; title: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshOutcomes();
  const [comment, setComment] = useState('');
  const close = useMutation({
    mutationFn: () => api(OutcomeRoutes.closeOutcome, { params: { id: outcomeId }, body: { comment: comment.trim() || null } }),
    onSuccess: (saved) => {
      refresh(saved);
      notifications.show({ color: 'green', message: t('outcomes.actionDone', { action: t('outcomes.action.close') }) });
      onClose();
    },
  });
  const { reset } = close;
  useEffect(() => {
    if (opened) {
      setComment('');
      reset();
    }
  }, [opened, reset]);
  return (
    <Modal opened={opened} onClose={onClose} title={t('outcomes.action.close')} centered>
      <Stack>
        <Text>{t('outcomes.close.confirm', { title })}</Text>
        <Textarea label={t('outcomes.close.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} maxLength={2000} data-autofocus />
        {close.error != null && <Alert color="red" role="alert">{errorText(t, close.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('outcomes.cancel')}</Button>
          <Button color="green" onClick={() => close.mutate()} loading={close.isPending}>{t('outcomes.action.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
