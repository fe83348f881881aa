import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TopicRoutes, type TopicCall } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { formErrors } from '../../lib/errors';
import { useOrgTime } from '../attendance/useOrgTime';
import { utcToWall, wallToUtc } from '../meetings/time';

const FIELDS = ['title', 'description', 'opensAt', 'closesAt', 'maxTopicsPerPerson', 'year'] as const;
/** `<input type="datetime-local">` speaks `YYYY-MM-DDTHH:mm`; the organisation's zone gives it meaning. */
const toLocalInput = (iso: string, zone: string) => utcToWall(iso, zone).slice(0, 16).replace(' ', 'T');

export const TOPIC_CALLS_KEY = ['topic-calls'] as const;

/** Open a public call or change one: title, dates in the organisation's zone, an optional per-person limit. */
export function TopicCallFormModal({ opened, call, onClose }: { opened: boolean; call: TopicCall | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { timeZone, year } = useOrgTime();
  const client = useQueryClient();
  const [form, setForm] = useState({ title: '', description: '', opensAt: '', closesAt: '', limit: '' as number | '' });
  useEffect(() => {
    if (!opened) return;
    const now = new Date().toISOString();
    const inMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();
    setForm({
      title: call?.title ?? '',
      description: call?.description ?? '',
      opensAt: toLocalInput(call?.opensAt ?? now, timeZone),
      closesAt: toLocalInput(call?.closesAt ?? inMonth, timeZone),
      limit: call?.maxTopicsPerPerson ?? '',
    });
  }, [opened, call, timeZone]);

  const save = useMutation({
    mutationFn: () => {
      const common = {
        title: form.title,
        description: form.description,
        opensAt: wallToUtc(form.opensAt.replace('T', ' '), timeZone),
        closesAt: wallToUtc(form.closesAt.replace('T', ' '), timeZone),
        maxTopicsPerPerson: form.limit === '' ? null : form.limit,
      };
      return call
        ? api(TopicRoutes.updateTopicCall, { params: { id: call.id }, body: common })
        : api(TopicRoutes.createTopicCall, { body: { ...common, year: year() } });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: TOPIC_CALLS_KEY });
      onClose();
    },
  });
  const { fields, general } = formErrors(t, save.error, FIELDS);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));

  return (
    <Modal opened={opened} onClose={onClose} title={call ? t('topics.calls.edit') : t('topics.calls.new')} centered size="lg">
      <Stack component="form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <TextInput label={t('topics.calls.name')} value={form.title} onChange={(e) => set('title', e.currentTarget.value)} error={fields.title} required maxLength={120} data-autofocus />
        <Textarea label={t('topics.calls.intro')} value={form.description} onChange={(e) => set('description', e.currentTarget.value)} autosize minRows={3} maxLength={2000} />
        <Group grow>
          <TextInput type="datetime-local" label={t('topics.calls.opensAt')} value={form.opensAt} onChange={(e) => set('opensAt', e.currentTarget.value)} error={fields.opensAt} required />
          <TextInput type="datetime-local" label={t('topics.calls.closesAt')} value={form.closesAt} onChange={(e) => set('closesAt', e.currentTarget.value)} error={fields.closesAt} required />
        </Group>
        <NumberInput label={t('topics.calls.limit')} description={t('topics.calls.limitHint', { count: call?.effectiveMaxTopicsPerPerson ?? 3 })} value={form.limit}
          onChange={(v) => set('limit', typeof v === 'number' ? v : '')} min={1} max={50} allowDecimal={false} error={fields.maxTopicsPerPerson} />
        {general && <Alert color="red" role="alert">{general}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('topics.detail.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{t('topics.calls.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
