import { useState, type FormEvent } from 'react';
import { Alert, Autocomplete, Badge, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MeetingRoutes, type OrgSettings } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { formErrors } from '../../lib/errors';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { DatedNamesEditor, newDatedRow, sortedDatedNames, type DatedRow } from './DatedNamesEditor';
import { SETTINGS_KEY, useOrgSettings } from './useOrgSettings';

/** Zones offered in the picker; any IANA zone may be typed (the api validates it). */
export const COMMON_TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Taipei',
  'Asia/Urumqi',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Sydney',
  'UTC',
];

interface SettingsForm {
  timeZone: string;
  jitsiBaseUrl: string;
  holidays: DatedRow[];
  makeupWorkdays: DatedRow[];
}

const FIELDS = ['timeZone', 'jitsiBaseUrl', 'holidays', 'makeupWorkdays'];
const rowsOf = (list: OrgSettings['holidays']) => [...list].sort((a, b) => a.date.localeCompare(b.date)).map((d) => newDatedRow(d.date, d.name ?? ''));

function initial(s: OrgSettings): SettingsForm {
  return { timeZone: s.timeZone, jitsiBaseUrl: s.jitsiBaseUrl ?? '', holidays: rowsOf(s.holidays), makeupWorkdays: rowsOf(s.makeupWorkdays) };
}

/** Admin: the organisation's time zone, video conferencing and working-day calendar. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useOrgSettings();
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      {settings.error ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : !settings.data ? (
        <Center py="xl"><Loader aria-label={t('common.loading')} /></Center>
      ) : (
        // A fresh form for each saved version: after saving it shows what the server kept, sorted.
        <SettingsForm key={settings.dataUpdatedAt} settings={settings.data} />
      )}
    </>
  );
}

function SettingsForm({ settings }: { settings: OrgSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<SettingsForm>(() => initial(settings));

  const save = useMutation({
    mutationFn: () =>
      api(MeetingRoutes.updateSettings, {
        body: {
          timeZone: form.timeZone.trim(),
          jitsiBaseUrl: form.jitsiBaseUrl.trim() || null,
          holidays: sortedDatedNames(form.holidays),
          makeupWorkdays: sortedDatedNames(form.makeupWorkdays),
        },
      }),
    onSuccess: (saved) => {
      client.setQueryData(SETTINGS_KEY, saved);
      // Warnings and calendars depend on the zone and the working days.
      void client.invalidateQueries({ queryKey: ['meetings'] });
      notifications.show({ color: 'green', message: t('settings.saved') });
    },
  });
  const { fields, general } = formErrors(t, save.error, FIELDS);
  // Say what a valid value looks like rather than the generic issue code.
  if (fields.timeZone) fields.timeZone = t('settings.timeZoneInvalid');
  if (fields.jitsiBaseUrl) fields.jitsiBaseUrl = t('settings.jitsiBaseUrlInvalid');
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('settings.title')}>
      <Stack maw={820}>
        {general && <Alert color="red" role="alert">{general}</Alert>}
        <Paper withBorder p="md" radius="md">
          <Stack>
            <Title order={3} fz="h4">{t('settings.general')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Autocomplete
                label={t('settings.timeZone')}
                description={t('settings.timeZoneHint')}
                data={COMMON_TIME_ZONES}
                value={form.timeZone}
                onChange={(v) => set('timeZone', v)}
                error={fields.timeZone}
                required
              />
              <TextInput
                label={t('settings.jitsiBaseUrl')}
                description={t('settings.jitsiBaseUrlHint')}
                placeholder="https://meet.example.org"
                type="url"
                value={form.jitsiBaseUrl}
                onChange={(e) => set('jitsiBaseUrl', e.currentTarget.value)}
                error={fields.jitsiBaseUrl}
              />
            </SimpleGrid>
            <Group gap="xs">
              <Text size="sm">{t('settings.email')}</Text>
              <Badge color={settings.emailEnabled ? 'green' : 'gray'} variant="light">{t(settings.emailEnabled ? 'settings.emailOn' : 'settings.emailOff')}</Badge>
            </Group>
            <Text size="xs" c="dimmed">{t('settings.emailHint')}</Text>
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Stack>
            <Title order={3} fz="h4">{t('settings.workingCalendar')}</Title>
            <Text size="sm" c="dimmed">{t('settings.workingCalendarHint')}</Text>
            <DatedNamesEditor
              label={t('settings.holidays')}
              description={t('settings.holidaysHint')}
              itemLabel={t('settings.holiday')}
              rows={form.holidays}
              onChange={(v) => set('holidays', v)}
              error={fields.holidays}
            />
            <DatedNamesEditor
              label={t('settings.makeupWorkdays')}
              description={t('settings.makeupWorkdaysHint')}
              itemLabel={t('settings.makeupWorkday')}
              rows={form.makeupWorkdays}
              onChange={(v) => set('makeupWorkdays', v)}
              error={fields.makeupWorkdays}
            />
          </Stack>
        </Paper>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => { save.reset(); setForm(initial(settings)); }}>{t('settings.reset')}</Button>
          <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
