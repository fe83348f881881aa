import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PlanRoutes, type Plan, type PlanItem } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useStorePlan } from './planQueries';

/** Remove an item: straight away while drafting, as a recorded amendment (with a reason) once approved. */
export function RemoveItemDialog({ plan, item, onClose }: { plan: Plan; item: PlanItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const store = useStorePlan();
  const amending = plan.editMode === 'amendment';
  const [reason, setReason] = useState('');
  const [meeting, setMeeting] = useState('');
  const [tried, setTried] = useState(false);
  const run = useMutation({
    mutationFn: (i: PlanItem) =>
      amending
        ? api(PlanRoutes.amendPlan, { params: { id: plan.id }, body: { kind: 'remove', itemId: i.id, reason: reason.trim(), meeting } })
        : api(PlanRoutes.deletePlanItem, { params: { id: plan.id, itemId: i.id } }),
    onSuccess: (saved) => {
      store(saved);
      onClose();
    },
  });
  const { reset } = run;
  useEffect(() => {
    if (item) {
      setReason('');
      setMeeting('');
      setTried(false);
      reset();
    }
  }, [item, reset]);
  const confirm = () => {
    setTried(true);
    if (!item || (amending && !reason.trim())) return;
    run.mutate(item);
  };
  return (
    <Modal opened={!!item} onClose={onClose} title={t('plans.items.remove')} centered>
      {item && (
        <Stack>
          <Text>{t(item.topicId ? 'plans.items.removeTopicConfirm' : 'plans.items.removeConfirm', { title: item.title })}</Text>
          {amending && (
            <>
              <Textarea label={t('plans.amend.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={2} maxLength={1000} error={tried && !reason.trim() ? t('plans.amend.reasonRequired') : undefined} data-autofocus />
              <TextInput label={t('plans.amend.meeting')} value={meeting} onChange={(e) => setMeeting(e.currentTarget.value)} maxLength={200} />
            </>
          )}
          {run.error != null && <Alert color="red" role="alert">{errorText(t, run.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('plans.cancel')}</Button>
            <Button color="red" onClick={confirm} loading={run.isPending}>{t(amending ? 'plans.amend.record' : 'plans.items.remove')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
