import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DutyEntryInput, DutyEntryWithdrawal, DutyRoutes, type DutyEntry } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { DUTY_KEY, useDutyEntries } from './dutyQueries';
import { formatPoints } from './dutyView';

/** The office's manual entries for one member and year: add with points and a reason, withdraw with a reason. */
export function ManualEntries({ userId, year }: { userId: string; year: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const entries = useDutyEntries(year, userId);
  const [points, setPoints] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  const draft = { userId, year, points: points === '' ? 0 : points, reason };
  const check = DutyEntryInput.safeParse(draft);
  const refresh = () => client.invalidateQueries({ queryKey: DUTY_KEY });
  const add = useMutation({
    mutationFn: () => api(DutyRoutes.createDutyEntry, { body: draft }),
    onSuccess: async () => {
      setPoints('');
      setReason('');
      await refresh();
    },
  });
  return (
    <Stack gap="sm">
      <Title order={4} size="h5">{t('duty.entries.title')}</Title>
      {(entries.data ?? []).map((e) => <EntryRow key={e.id} entry={e} onWithdrawn={refresh} />)}
      {entries.data?.length === 0 && <Text size="sm" c="dimmed">{t('duty.entries.none')}</Text>}
      <Group align="flex-end" gap="xs" wrap="wrap">
        <NumberInput label={t('duty.entries.points')} description={t('duty.entries.pointsHint')} value={points} onChange={(v) => setPoints(v === '' ? '' : Number(v))} step={0.5} decimalScale={1} min={-100} max={100} w={140} />
        <TextInput label={t('duty.entries.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} style={{ flex: 1, minWidth: 200 }} />
        <Button onClick={() => add.mutate()} disabled={!check.success} loading={add.isPending}>{t('duty.entries.add')}</Button>
      </Group>
      {add.error != null && <Alert color="red" role="alert">{errorText(t, add.error)}</Alert>}
    </Stack>
  );
}

/** One entry; withdrawing opens a reason field in place (no modal: this sits in a drawer already). */
function EntryRow({ entry: e, onWithdrawn }: { entry: DutyEntry; onWithdrawn: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [why, setWhy] = useState('');
  const withdraw = useMutation({ mutationFn: () => api(DutyRoutes.withdrawDutyEntry, { params: { id: e.id }, body: { reason: why } }), onSuccess: onWithdrawn });
  return (
    <Paper withBorder p="xs">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" style={{ minWidth: 0 }}>
          <Text span fw={600} c={e.points < 0 ? 'red' : 'teal'}>{formatPoints(e.points)}</Text> {e.reason}
          <Text span size="xs" c="dimmed"> · {e.occurredOn}{e.createdByName ? ` · ${e.createdByName}` : ''}</Text>
        </Text>
        <ActionIcon variant="subtle" color="red" onClick={() => setAsking((a) => !a)} aria-expanded={asking} aria-label={t('duty.entries.withdraw', { reason: e.reason })}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Group>
      {asking && (
        <Group align="flex-end" gap="xs" mt="xs" wrap="wrap">
          <TextInput label={t('duty.entries.withdrawReason')} value={why} onChange={(ev) => setWhy(ev.currentTarget.value)} maxLength={500} style={{ flex: 1, minWidth: 200 }} data-autofocus />
          <Button color="red" variant="light" onClick={() => withdraw.mutate()} disabled={!DutyEntryWithdrawal.safeParse({ reason: why }).success} loading={withdraw.isPending}>
            {t('duty.entries.confirmWithdraw')}
          </Button>
        </Group>
      )}
      {withdraw.error != null && <Alert color="red" role="alert" mt="xs">{errorText(t, withdraw.error)}</Alert>}
    </Paper>
  );
}
