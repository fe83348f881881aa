import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconClock, IconMapPin, IconUser, IconVideo } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '@xieshang/contracts';
import { useCurrentLocale } from '../auth/useLocale';
import { typeColor } from './meetingColors';
import { MeetingStateBadge } from './MeetingStateBadge';
import { formatRange } from './time';
import { meetingTypeName } from './useMeetingTypes';

/** One line of facts; `label` is for screen readers where the icon alone says what the line is. */
function Fact({ icon, label, children }: { icon: ReactNode; label?: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      {icon}
      <Text size="sm">
        {label && <span className="visually-hidden">{label}</span>}
        {children}
      </Text>
    </Group>
  );
}

/** Title, type, state and the when / where / how of a meeting. */
export function MeetingSummaryHeader({ meeting, timeZone }: { meeting: Meeting; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge color={typeColor(meeting.typeCode)} variant="light">{meetingTypeName(meeting, locale)}</Badge>
        <MeetingStateBadge state={meeting.state} />
        {meeting.mode !== 'in_person' && <Badge color="gray" variant="outline">{t(`meetings.mode.${meeting.mode}`)}</Badge>}
      </Group>
      <Title order={2} td={meeting.state === 'cancelled' ? 'line-through' : undefined}>{meeting.title}</Title>
      <Stack gap={4}>
        <Fact icon={<IconClock size={16} aria-hidden />} label={t('meetings.detail.when')}>
          {formatRange(meeting.startsAt, meeting.endsAt, timeZone, locale)}
        </Fact>
        <Fact icon={<IconMapPin size={16} aria-hidden />} label={t('meetings.detail.where')}>
          {meeting.venue ?? t(meeting.mode === 'remote' ? 'meetings.detail.online' : 'meetings.detail.noVenue')}
          {meeting.mode !== 'in_person' && meeting.venue ? ` · ${t(`meetings.mode.${meeting.mode}`)}` : ''}
        </Fact>
        {meeting.videoUrl && (
          <Fact icon={<IconVideo size={16} aria-hidden />} label={t('meetings.detail.video')}>
            <Anchor href={meeting.videoUrl} target="_blank" rel="noopener noreferrer">{t('meetings.detail.joinVideo')}</Anchor>
            <Text span size="xs" c="dimmed" ml={6} style={{ wordBreak: 'break-all' }}>{meeting.videoUrl}</Text>
          </Fact>
        )}
        {meeting.hostName && (
          <Fact icon={<IconUser size={16} aria-hidden />}>
            {t('meetings.detail.hostedBy', { name: meeting.hostName })}
          </Fact>
        )}
      </Stack>
    </Stack>
  );
}
