import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OutcomeRoutes, type InstructionInput } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useRefreshOutcomes } from './outcomeQueries';
import { useOrgToday } from './useOrgToday';

/** 登记领导批示: who instructed, on which day, and the words of the instruction. */
export function InstructionModal({ outcomeId, opened, onClose, defaultLeader = '' }: { outcomeId: string; opened: boolean; onClose: () => void; defaultLeader?: string }) {
  const { t } = useTranslation();
  const refresh = useRefreshOutcomes();
  const { today } = useOrgToday();
  const [leaderName, setLeader] = useState(defaultLeader);
  const [date, setDate] = useState(today);
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: (body: InstructionInput) => api(OutcomeRoutes.recordInstruction, { params: { id: outcomeId }, body }),
    onSuccess: (saved) => {
      refresh(saved);
      notifications.show({ color: 'green', message: t('outcomes.actionDone', { action: t('outcomes.action.record_instruction') }) });
      onClose();
    },
  });
  const { reset } = save;
  useEffect(() => {
    if (!opened) return;
    setLeader(defaultLeader);
    setDate(today);
    setText('');
    setTried(false);
    reset();
  }, [opened, reset, today, defaultLeader]);
  const required = t('outcomes.create.required');
  const submit = () => {
    setTried(true);
    if (!leaderName.trim() || !date || !text.trim()) return;
    save.mutate({ leaderName: leaderName.trim(), date, text: text.trim() });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('outcomes.instruction.title')} centered>
      <Stack>
        <TextInput label={t('outcomes.instruction.leader')} placeholder={t('outcomes.instruction.leaderHint')} value={leaderName} onChange={(e) => setLeader(e.currentTarget.value)} maxLength={100} required error={tried && !leaderName.trim() ? required : undefined} data-autofocus />
        <TextInput type="date" label={t('outcomes.instruction.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} required error={tried && !date ? required : undefined} />
        <Textarea label={t('outcomes.instruction.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} maxLength={4000} required error={tried && !text.trim() ? required : undefined} />
        {save.error != null && <Alert color="red" role="alert">{errorText(t, save.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('outcomes.cancel')}</Button>
          <Button onClick={submit} loading={save.isPending}>{t('outcomes.action.record_instruction')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
