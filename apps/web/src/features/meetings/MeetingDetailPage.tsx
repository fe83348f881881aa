import { Alert, Anchor, Center, Grid, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Meeting } from '@xieshang/contracts';
import { InviteesTab } from '../attendance/InviteesTab';
import { MyInvitationPanel } from '../attendance/MyInvitationPanel';
import { useOrgTimeZone } from '../settings/useOrgSettings';
import { ErrorState } from '../shell/ErrorState';
import { SpeechesTab } from '../speeches/SpeechesTab';
import { AgendaList } from './AgendaList';
import { InvitationCountsCard } from './InvitationCountsCard';
import { MaterialsCard } from './MaterialsCard';
import { MeetingActions } from './MeetingActions';
import { MeetingSummaryHeader } from './MeetingSummaryHeader';
import { SchedulingWarnings } from './SchedulingWarnings';
import { formatDateTime } from './time';
import { isLocked, useMeeting } from './useMeeting';
import { useMeetingViewer } from './useMeetingViewer';
import { useCurrentLocale } from '../auth/useLocale';
import { MinutesButton } from '../documents/MinutesButton';
import { isMeetingHost } from '@xieshang/domain';

/** One meeting: what, when, where; my invitation; agenda, materials; invitees and speeches. */
export function MeetingDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const meeting = useMeeting(id);
  return (
    <>
      <Anchor component={Link} to="/meetings" size="sm" mb="sm" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden />
        {t('meetings.detail.backToList')}
      </Anchor>
      {meeting.error ? (
        <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />
      ) : !meeting.data ? (
        <Center py="xl"><Loader aria-label={t('common.loading')} /></Center>
      ) : (
        <MeetingDetail meeting={meeting.data} />
      )}
    </>
  );
}

function MeetingDetail({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  const timeZone = useOrgTimeZone();
  const { isOffice, user } = useMeetingViewer();
  const showWarnings = isOffice && !isLocked(meeting.state) && meeting.warnings.length > 0;
  return (
    <Stack gap="md">
      <MeetingSummaryHeader meeting={meeting} timeZone={timeZone} />
      <MeetingActions meeting={meeting} />
      {meeting.state !== 'cancelled' && <div><MinutesButton meetingId={meeting.id} canCreate={isOffice || (!!user && isMeetingHost(user, meeting.hostId))} /></div>}
      {meeting.state === 'cancelled' && (
        <Alert color="gray" title={t('meetings.detail.cancelled')} role="status">
          {meeting.cancelReason ?? ''}
        </Alert>
      )}
      {meeting.myInvitationState !== null && <MyInvitationPanel meeting={meeting} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {showWarnings && (
              <Paper withBorder p="md" radius="md">
                <Title order={3} fz="h4" mb="sm">{t('meetings.warnings.title')}</Title>
                <SchedulingWarnings warnings={meeting.warnings} context={{ venue: meeting.venue, hostName: meeting.hostName }} />
              </Paper>
            )}
            {meeting.description && (
              <Paper withBorder p="md" radius="md">
                <Title order={3} fz="h4" mb="sm">{t('meetings.detail.description')}</Title>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{meeting.description}</Text>
              </Paper>
            )}
            <AgendaList meeting={meeting} />
            <MaterialsCard meeting={meeting} timeZone={timeZone} canManage={isOffice && meeting.state !== 'cancelled' && meeting.state !== 'closed'} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <InvitationCountsCard meeting={meeting} />
            <Paper withBorder p="md" radius="md">
              <Stack gap={6}>
                {meeting.replyDeadline && <Text size="sm">{t('meetings.detail.replyDeadline', { time: formatDateTime(meeting.replyDeadline, timeZone, locale) })}</Text>}
                <Text size="sm">{t('meetings.detail.speakingLimit', { minutes: meeting.speakingLimitMinutes })}</Text>
                {meeting.firstTimeFirst && <Text size="sm">{t('meetings.detail.firstTimeFirst')}</Text>}
                <Text size="xs" c="dimmed">{t('meetings.detail.timeZone', { tz: timeZone })}</Text>
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <Tabs defaultValue="invitees" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="invitees">{t('meetings.detail.inviteesTab')}</Tabs.Tab>
          <Tabs.Tab value="speeches">{t('meetings.detail.speechesTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="invitees" pt="md">
          <InviteesTab meeting={meeting} />
        </Tabs.Panel>
        <Tabs.Panel value="speeches" pt="md">
          <SpeechesTab meeting={meeting} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
