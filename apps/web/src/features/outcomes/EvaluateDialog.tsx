import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OutcomeRoutes, type Assignment, type EvaluationInput } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useRefreshOutcomes } from './outcomeQueries';

export type Decision = EvaluationInput['decision'];

/** Accept a department's feedback, or send it back with the comment the liaison will read. */
export function EvaluateDialog({ assignment, decision, onClose }: { assignment: Assignment | null; decision: Decision; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshOutcomes();
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const sendBack = decision === 'send_back';
  const run = useMutation({
    mutationFn: (body: EvaluationInput) => api(OutcomeRoutes.evaluateFeedback, { params: { id: assignment!.id }, body }),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'green', message: t('outcomes.actionDone', { action: t(sendBack ? 'outcomes.action.send_back' : 'outcomes.action.evaluate') }) });
      onClose();
    },
  });
  const { reset } = run;
  useEffect(() => {
    if (assignment) {
      setComment('');
      setTried(false);
      reset();
    }
  }, [assignment, decision, reset]);
  const confirm = () => {
    setTried(true);
    if (sendBack && !comment.trim()) return;
    run.mutate({ decision, comment: comment.trim() || null });
  };
  const actionLabel = t(sendBack ? 'outcomes.action.send_back' : 'outcomes.action.evaluate');
  return (
    <Modal opened={!!assignment} onClose={onClose} title={actionLabel} centered>
      {assignment && (
        <Stack>
          <Text>{t(sendBack ? 'outcomes.evaluate.confirmSendBack' : 'outcomes.evaluate.confirmAccept', { department: assignment.departmentName })}</Text>
          <Textarea
            label={t('outcomes.evaluate.comment')}
            description={sendBack ? t('outcomes.evaluate.commentHint') : undefined}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            required={sendBack}
            autosize
            minRows={3}
            maxLength={2000}
            error={tried && sendBack && !comment.trim() ? t('outcomes.evaluate.commentRequired') : undefined}
            data-autofocus
          />
          {run.error != null && <Alert color="red" role="alert">{errorText(t, run.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('outcomes.cancel')}</Button>
            <Button color={sendBack ? 'orange' : undefined} onClick={confirm} loading={run.isPending}>{actionLabel}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
