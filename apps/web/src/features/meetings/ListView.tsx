import { Badge, Box, Group, Paper, SegmentedControl, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingSummary } from '@xieshang/contracts';
import { useCurrentLocale } from '../auth/useLocale';
import { ErrorState } from '../shell/ErrorState';
import { TableFooter } from '../shell/TableFooter';
import { typeColor } from './meetingColors';
import { MeetingStateBadge } from './MeetingStateBadge';
import { dayKey, formatDay, formatRange } from './time';
import { LIST_PAGE_SIZE } from './useMeetingList';
import { meetingTypeName } from './useMeetingTypes';
import type { ListWhen } from './useMeetingsParams';

interface Props {
  when: ListWhen;
  onWhen: (w: ListWhen) => void;
  timeZone: string;
  page: number;
  onPage: (p: number) => void;
  list: { items: MeetingSummary[]; total: number; isLoading: boolean; isFetching: boolean; error: unknown; refetch: () => void };
}

/** Upcoming or past meetings as cards: readable on a phone, one tap to the meeting. */
export function ListView({ when, onWhen, timeZone, page, onPage, list }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('meetings.list.when')}
        value={when}
        onChange={(v) => onWhen(v as ListWhen)}
        data={[
          { value: 'upcoming', label: t('meetings.list.upcoming') },
          { value: 'past', label: t('meetings.list.past') },
        ]}
        w={{ base: '100%', xs: 'auto' }}
        style={{ alignSelf: 'flex-start' }}
      />
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.refetch} />
      ) : (
        <>
          <Stack gap="xs" aria-busy={list.isLoading || list.isFetching} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {list.isLoading && <Text c="dimmed" ta="center" py="md">{t('common.loading')}</Text>}
            {!list.isLoading && list.items.length === 0 && (
              <Text c="dimmed" ta="center" py="xl">{t(when === 'upcoming' ? 'meetings.list.emptyUpcoming' : 'meetings.list.emptyPast')}</Text>
            )}
            {list.items.map((m) => (
              <li key={m.id}>
                <MeetingRow meeting={m} timeZone={timeZone} />
              </li>
            ))}
          </Stack>
          <TableFooter total={list.total} page={page} pageSize={LIST_PAGE_SIZE} onPage={onPage} />
        </>
      )}
    </Stack>
  );
}

function MeetingRow({ meeting: m, timeZone }: { meeting: MeetingSummary; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useCurrentLocale();
  const day = dayKey(m.startsAt, timeZone);
  const color = typeColor(m.typeCode);
  return (
    <UnstyledButton component={Link} to={`/meetings/${m.id}`} w="100%" className="card-link">
      <Paper withBorder p="sm" radius="md" style={{ borderLeft: `4px solid var(--mantine-color-${color}-filled)` }}>
        <Group wrap="nowrap" align="flex-start" gap="md">
          <Box ta="center" miw={52} aria-hidden>
            <Text size="xs" c="dimmed">{formatDay(day, locale, { month: 'short' })}</Text>
            <Text size="xl" fw={700} lh={1.1}>{Number(day.slice(8))}</Text>
            <Text size="xs" c="dimmed">{formatDay(day, locale, { weekday: 'short' })}</Text>
          </Box>
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Text fw={600} td={m.state === 'cancelled' ? 'line-through' : undefined}>{m.title}</Text>
            <Text size="sm" c="dimmed">{formatRange(m.startsAt, m.endsAt, timeZone, locale)}</Text>
            {m.venue && (
              <Group gap={4} wrap="nowrap">
                <IconMapPin size={14} aria-hidden />
                <Text size="sm" c="dimmed" lineClamp={1}>{m.venue}</Text>
              </Group>
            )}
            <Group gap={6}>
              <Badge color={color} variant="light" size="sm">{meetingTypeName(m, locale)}</Badge>
              <MeetingStateBadge state={m.state} size="sm" />
              {m.mode !== 'in_person' && <Badge color="gray" variant="outline" size="sm">{t(`meetings.mode.${m.mode}`)}</Badge>}
              {m.myInvitationState && <Badge color="dark" variant="dot" size="sm">{t(`meetings.myInvitation.${m.myInvitationState}`)}</Badge>}
            </Group>
          </Stack>
        </Group>
      </Paper>
    </UnstyledButton>
  );
}
