import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FEEDBACK_CADENCES, OutcomeRoutes, type FeedbackCadence, type RoundInput } from '@xieshang/contracts';
import { cadenceSchedule } from '@xieshang/domain';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useOrgOptions } from '../org/useOrgUnits';
import { useRefreshOutcomes } from './outcomeQueries';
import { roundProblems, toRoundInput, type RoundDraft } from './roundDraft';
import { formatDay } from './deadlines';

const empty = (): RoundDraft => ({ cadence: 'immediate', leadId: null, leadDeadline: '', assisting: [], comment: '' });

/** The schedule the cadence promises after the first deadline, shown before the office commits to it. */
function laterDeadlines(first: string, cadence: FeedbackCadence): string[] {
  try {
    return cadenceSchedule(first, cadence, 4).slice(1);
  } catch {
    return [];
  }
}

/**
 * 交办 (first round) or 回头看 (a follow-up round): one lead department, any assisting ones, a
 * deadline for each, and the feedback cadence that sets the later deadlines.
 */
export function RoundModal({ outcomeId, mode, onClose }: { outcomeId: string; mode: 'assign' | 'follow_up' | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshOutcomes();
  const departments = useOrgOptions('departments', !!mode);
  const [draft, setDraft] = useState<RoundDraft>(empty);
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<RoundDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = useMutation({
    mutationFn: (body: RoundInput) =>
      mode === 'follow_up' ? api(OutcomeRoutes.followUpOutcome, { params: { id: outcomeId }, body }) : api(OutcomeRoutes.assignOutcome, { params: { id: outcomeId }, body }),
    onSuccess: (saved) => {
      refresh(saved);
      notifications.show({ color: 'green', message: t('outcomes.actionDone', { action: t(`outcomes.action.${mode ?? 'assign'}`) }) });
      onClose();
    },
  });
  const { reset } = save;
  useEffect(() => {
    if (!mode) return;
    setDraft(empty());
    setTried(false);
    reset();
  }, [mode, reset]);

  const problems = roundProblems(draft);
  const shown = (p: (typeof problems)[number]) => (tried && problems.includes(p) ? t(`outcomes.assign.${p}`) : undefined);
  const submit = () => {
    setTried(true);
    if (problems.length === 0) save.mutate(toRoundInput(draft));
  };
  const nameOf = (id: string) => departments.find((d) => d.value === id)?.label ?? id;
  const later = draft.leadDeadline ? laterDeadlines(draft.leadDeadline, draft.cadence) : [];
  const title = mode === 'follow_up' ? t('outcomes.assign.followUpTitle') : t('outcomes.assign.title');

  return (
    <Modal opened={!!mode} onClose={onClose} title={title} size="lg" centered>
      <Stack>
        <Group grow align="flex-start">
          <Select
            label={t('outcomes.assign.lead')}
            data={departments}
            value={draft.leadId}
            onChange={(v) => set({ leadId: v, assisting: draft.assisting.filter((a) => a.departmentId !== v) })}
            searchable
            required
            error={shown('leadRequired')}
            data-autofocus
          />
          <TextInput type="date" label={t('outcomes.assign.deadline')} value={draft.leadDeadline} onChange={(e) => set({ leadDeadline: e.currentTarget.value })} required error={shown('deadlineRequired')} />
        </Group>
        <MultiSelect
          label={t('outcomes.assign.assisting')}
          data={departments.filter((d) => d.value !== draft.leadId)}
          value={draft.assisting.map((a) => a.departmentId)}
          onChange={(ids) => set({ assisting: ids.map((id) => draft.assisting.find((a) => a.departmentId === id) ?? { departmentId: id, deadline: '' }) })}
          searchable
          clearable
          error={shown('assistingNotLead')}
        />
        {draft.assisting.map((a) => (
          <TextInput
            key={a.departmentId}
            type="date"
            label={t('outcomes.assign.assistingDeadline', { department: nameOf(a.departmentId) })}
            description={t('outcomes.assign.assistingDeadlineHint')}
            value={a.deadline}
            onChange={(e) => {
              const deadline = e.currentTarget.value;
              set({ assisting: draft.assisting.map((x) => (x.departmentId === a.departmentId ? { ...x, deadline } : x)) });
            }}
          />
        ))}
        <Select
          label={t('outcomes.assign.cadence')}
          description={t('outcomes.assign.cadenceHint')}
          data={FEEDBACK_CADENCES.map((c) => ({ value: c, label: t(`outcomes.cadence.${c}`) }))}
          value={draft.cadence}
          onChange={(v) => set({ cadence: (v ?? 'immediate') as FeedbackCadence })}
          allowDeselect={false}
        />
        {later.length > 0 && (
          <Text size="sm" c="dimmed" aria-live="polite">{t('outcomes.assign.nextDeadlines', { dates: later.map((d) => formatDay(d, i18n.language)).join('、') })}</Text>
        )}
        <Textarea
          label={mode === 'follow_up' ? t('outcomes.assign.followUpComment') : t('outcomes.assign.comment')}
          value={draft.comment}
          onChange={(e) => set({ comment: e.currentTarget.value })}
          autosize
          minRows={2}
          maxLength={2000}
        />
        {save.error != null && <Alert color="red" role="alert">{errorText(t, save.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('outcomes.cancel')}</Button>
          <Button onClick={submit} loading={save.isPending}>{t(`outcomes.action.${mode ?? 'assign'}`)}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
