import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Checkbox, Grid, Group, Paper, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title, Input } from '@mantine/core';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import 'dayjs/locale/zh-cn';
import { MEETING_MODES, MeetingRoutes, type Meeting, type MeetingMode, type MeetingType, type OrgSettings } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { formErrors } from '../../lib/errors';
import { useCurrentLocale } from '../auth/useLocale';
import { useOrgOptions } from '../org/useOrgUnits';
import { AgendaEditor } from './AgendaEditor';
import { InviteesPicker } from './InviteesPicker';
import { applyType, clientIssues, initialForm, toMeetingBody, withStart, type MeetingFormState, type PlanItemSeed, type VideoChoice } from './meetingForm';
import { SchedulingWarnings } from './SchedulingWarnings';
import { TypeDefaults } from './TypeDefaults';
import { isAnnounced, meetingKey } from './useMeeting';
import { MEETING_LISTS_KEY } from './useMeetingList';
import { typeName } from './useMeetingTypes';
import { useRoleMembers } from './usePeopleSearch';
import { useSchedulingCheck } from './useSchedulingCheck';

const FIELDS = ['typeId', 'title', 'description', 'startsAt', 'endsAt', 'venue', 'mode', 'videoUrl', 'createJitsiRoom', 'hostId', 'committeeId', 'agenda', 'invitees', 'replyDeadline', 'firstTimeFirst'];
const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

interface Props {
  meeting: Meeting | null;
  types: MeetingType[];
  settings: OrgSettings | undefined;
  timeZone: string;
  /** a day picked in the calendar (new meetings) */
  day: string | null;
  /** a new meeting scheduled from an annual-plan item */
  seed?: PlanItemSeed | null;
}

/** Create or edit a meeting. Scheduling warnings update as you type; they never block saving. */
export function MeetingForm({ meeting, types, settings, timeZone, day, seed }: Props) {
  const { t } = useTranslation();
  // Mantine leaves the picker's arrows, time fields and OK button unnamed for screen readers.
  const pickerLabels = {
    nextLabel: t('meetings.form.picker.next'),
    previousLabel: t('meetings.form.picker.previous'),
    timePickerProps: { hoursInputLabel: t('meetings.form.picker.hours'), minutesInputLabel: t('meetings.form.picker.minutes') },
    submitButtonProps: { 'aria-label': t('meetings.form.picker.confirm') },
  };
  const locale = useCurrentLocale();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form, setForm] = useState<MeetingFormState>(() => {
    const start = initialForm(meeting, timeZone, day, seed);
    // From a plan item: its form (meeting type) brings that type's default agenda.
    return seed?.typeId ? applyType(start, types.find((type) => type.id === seed.typeId)) : start;
  });
  const [triedSubmit, setTriedSubmit] = useState(false);
  const committees = useOrgOptions('committees');
  const chairs = useRoleMembers('chair');
  const invited = useQuery({
    queryKey: ['meetings', meeting?.id, 'invitations'],
    queryFn: ({ signal }) => api(MeetingRoutes.listInvitations, { params: { id: meeting!.id }, signal }),
    enabled: !!meeting && meeting.invitees.userIds.length > 0,
  });
  const knownPeople = (invited.data ?? []).map((i) => ({ value: i.userId, label: [i.name, i.sectorName ?? i.departmentName].filter(Boolean).join(' · ') }));

  const type = types.find((ty) => ty.id === form.typeId);
  const typeOptions = types.filter((ty) => ty.active || ty.id === meeting?.typeId).map((ty) => ({ value: ty.id, label: typeName(ty, locale) }));
  const hostName = chairs.find((c) => c.value === form.hostId)?.label ?? meeting?.hostName ?? null;
  const check = useSchedulingCheck(toMeetingBody(form, timeZone, t('meetings.form.untitled')), meeting?.id);

  const save = useMutation({
    mutationFn: () => {
      const body = toMeetingBody(form, timeZone)!;
      return meeting ? api(MeetingRoutes.updateMeeting, { params: { id: meeting.id }, body }) : api(MeetingRoutes.createMeeting, { body });
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: MEETING_LISTS_KEY });
      client.setQueryData(meetingKey(saved.id), saved);
      notifications.show({ color: 'green', message: t(meeting ? 'meetings.form.updated' : 'meetings.form.created', { title: saved.title }) });
      void navigate(`/meetings/${saved.id}`);
    },
  });

  const set = <K extends keyof MeetingFormState>(key: K, value: MeetingFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const local = triedSubmit ? clientIssues(form, timeZone) : {};
  const server = formErrors(t, save.error, FIELDS);
  // The api's generic issue codes say little for these two; name the actual rule.
  const ruleText: Record<string, string> = { hostId: t('meetings.form.hostInvalid'), createJitsiRoom: t('meetings.form.jitsiUnavailable') };
  const fieldError = (f: string) => {
    const issue = (local as Record<string, string | undefined>)[f];
    if (issue) return t(`meetings.form.${issue}`);
    return server.fields[f] && (ruleText[f] ?? server.fields[f]);
  };
  const jitsi = !!settings?.jitsiBaseUrl;
  const announced = !!meeting && isAnnounced(meeting.state);

  function submit(e: FormEvent) {
    e.preventDefault();
    setTriedSubmit(true);
    if (Object.keys(clientIssues(form, timeZone)).length === 0) save.mutate();
  }

  return (
    <DatesProvider settings={{ locale: locale === 'en' ? 'en' : 'zh-cn', firstDayOfWeek: 1 }}>
      <form onSubmit={submit} noValidate aria-label={t(meeting ? 'meetings.form.editTitle' : 'meetings.form.createTitle')}>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack>
              {server.general && <Alert color="red" role="alert">{server.general}</Alert>}
              <Paper withBorder p="md" radius="md">
                <Stack>
                  <Title order={3} fz="h4">{t('meetings.form.basics')}</Title>
                  <Select
                    label={t('meetings.form.type')}
                    data={typeOptions}
                    value={form.typeId}
                    onChange={(v) => setForm((f) => (meeting ? { ...f, typeId: v } : applyType(f, types.find((ty) => ty.id === v))))}
                    error={fieldError('typeId')}
                    required
                    searchable
                  />
                  {type && <TypeDefaults type={type} />}
                  <TextInput label={t('meetings.form.title')} value={form.title} onChange={(e) => set('title', e.currentTarget.value)} error={fieldError('title')} required maxLength={200} />
                  <Textarea label={t('meetings.form.description')} value={form.description} onChange={(e) => set('description', e.currentTarget.value)} error={fieldError('description')} autosize minRows={3} maxLength={5000} />
                </Stack>
              </Paper>

              <Paper withBorder p="md" radius="md">
                <Stack>
                  <Title order={3} fz="h4">{t('meetings.form.timeAndPlace')}</Title>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <DateTimePicker
                      label={t('meetings.form.startsAt')}
                      value={form.startsAt}
                      onChange={(v) => setForm((f) => withStart(f, v, timeZone))}
                      valueFormat={PICKER_FORMAT}
                      {...pickerLabels}
                      error={fieldError('startsAt')}
                      required
                      data-testid="startsAt"
                    />
                    <DateTimePicker
                      label={t('meetings.form.endsAt')}
                      value={form.endsAt}
                      onChange={(v) => set('endsAt', v)}
                      valueFormat={PICKER_FORMAT}
                      {...pickerLabels}
                      error={fieldError('endsAt')}
                      required
                      data-testid="endsAt"
                    />
                  </SimpleGrid>
                  <Text size="xs" c="dimmed">{t('meetings.form.timeZoneHint', { tz: timeZone })}</Text>
                  {announced && <Text size="sm" c="orange">{t('meetings.form.timeChangeNotice')}</Text>}
                  <TextInput label={t('meetings.form.venue')} placeholder={t('meetings.form.venuePlaceholder')} value={form.venue} onChange={(e) => set('venue', e.currentTarget.value)} error={fieldError('venue')} maxLength={200} />
                  <Input.Wrapper label={t('meetings.form.mode')} error={fieldError('mode')}>
                    <Box mt={4}>
                      <SegmentedControl
                        aria-label={t('meetings.form.mode')}
                        value={form.mode}
                        onChange={(v) => set('mode', v as MeetingMode)}
                        data={MEETING_MODES.map((m) => ({ value: m, label: t(`meetings.mode.${m}`) }))}
                      />
                    </Box>
                  </Input.Wrapper>
                  <Radio.Group label={t('meetings.form.video')} value={form.video} onChange={(v) => set('video', v as VideoChoice)} error={fieldError('createJitsiRoom')}>
                    <Group mt={6}>
                      <Radio value="none" label={t('meetings.form.videoNone')} />
                      <Radio value="link" label={t('meetings.form.videoLink')} />
                      {(jitsi || form.video === 'jitsi') && <Radio value="jitsi" label={t('meetings.form.videoJitsi')} />}
                    </Group>
                  </Radio.Group>
                  {form.video === 'link' && (
                    <TextInput label={t('meetings.form.videoUrl')} placeholder="https://" type="url" value={form.videoUrl} onChange={(e) => set('videoUrl', e.currentTarget.value)} error={fieldError('videoUrl')} maxLength={500} />
                  )}
                  {form.video === 'jitsi' && <Text size="sm" c="dimmed">{t('meetings.form.videoJitsiHint', { base: settings?.jitsiBaseUrl ?? '' })}</Text>}
                </Stack>
              </Paper>

              <Paper withBorder p="md" radius="md">
                <Stack>
                  <Title order={3} fz="h4">{t('meetings.form.organisation')}</Title>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <Select label={t('meetings.form.host')} description={t('meetings.form.hostHint')} data={chairs} value={form.hostId} onChange={(v) => set('hostId', v)} error={fieldError('hostId')} clearable searchable />
                    <Select
                      label={t('meetings.form.committee')}
                      description={type?.leaveApprover === 'committee_head' ? t('meetings.form.committeeHeadApproves') : t('meetings.form.committeeHint')}
                      data={committees}
                      value={form.committeeId}
                      onChange={(v) => set('committeeId', v)}
                      error={fieldError('committeeId')}
                      clearable
                      searchable
                    />
                  </SimpleGrid>
                  <DateTimePicker
                    label={t('meetings.form.replyDeadline')}
                    description={t('meetings.form.replyDeadlineHint')}
                    value={form.replyDeadline}
                    onChange={(v) => set('replyDeadline', v)}
                    valueFormat={PICKER_FORMAT}
                    error={fieldError('replyDeadline')}
                    clearable
                  />
                  <Checkbox
                    label={t('meetings.form.firstTimeFirst')}
                    description={t('meetings.form.firstTimeFirstHint')}
                    checked={form.firstTimeFirst}
                    onChange={(e) => set('firstTimeFirst', e.currentTarget.checked)}
                  />
                </Stack>
              </Paper>

              <Paper withBorder p="md" radius="md">
                <AgendaEditor label={t('meetings.form.agenda')} value={form.agenda} onChange={(agenda) => setForm((f) => ({ ...f, agenda, agendaTouched: true }))} error={fieldError('agenda')} />
              </Paper>

              <Paper withBorder p="md" radius="md">
                <InviteesPicker value={form.invitees} onChange={(v) => set('invitees', v)} knownPeople={knownPeople} error={fieldError('invitees')} />
              </Paper>
            </Stack>
          </Grid.Col>

          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack pos="sticky" top={72} gap="sm">
              <Text fw={600}>{t('meetings.warnings.title')}</Text>
              <SchedulingWarnings warnings={check.warnings} context={{ venue: form.venue, hostName }} />
              {check.warnings.length === 0 && (
                <Text size="sm" c="dimmed">{check.checking ? t('meetings.warnings.checking') : toMeetingBody(form, timeZone, '-') ? t('meetings.warnings.none') : t('meetings.warnings.needTimes')}</Text>
              )}
              {check.warnings.length > 0 && <Text size="xs" c="dimmed">{t('meetings.warnings.notBlocking')}</Text>}
              <Group justify="flex-end" mt="sm">
                <Button variant="default" component={Link} to={meeting ? `/meetings/${meeting.id}` : '/meetings'}>{t('common.cancel')}</Button>
                <Button type="submit" loading={save.isPending}>{t(meeting ? 'common.save' : 'meetings.form.create')}</Button>
              </Group>
            </Stack>
          </Grid.Col>
        </Grid>
      </form>
    </DatesProvider>
  );
}
