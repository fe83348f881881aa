import { Accordion, Anchor, Button, Card, CopyButton, Group, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconCalendarShare, IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MeetingRoutes, type CalendarFeed } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { ErrorState } from '../shell/ErrorState';

export const CALENDAR_FEED_KEY = ['calendar', 'feed'] as const;

/** Apple Calendar (and others) open `webcal:` links as a subscription. */
const webcal = (url: string) => url.replace(/^https?:/, 'webcal:');

/**
 * The personal iCalendar feed: the secret link with a copy button, how to subscribe in
 * Outlook / Apple / Google, and replacing (the old link stops) or turning off the feed.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [confirm, setConfirm] = useState<'rotate' | 'off' | null>(null);
  const feed = useQuery({ queryKey: CALENDAR_FEED_KEY, queryFn: ({ signal }) => api(MeetingRoutes.getCalendarFeed, { signal }) });
  const set = (data: CalendarFeed) => client.setQueryData(CALENDAR_FEED_KEY, data);
  const rotate = useMutation({
    mutationFn: () => api(MeetingRoutes.rotateCalendarFeed),
    onSuccess: (data) => {
      const replaced = Boolean(feed.data?.url);
      set(data);
      setConfirm(null);
      if (replaced) toasts.show({ message: t('calendar.rotated'), color: 'green' });
    },
  });
  const revoke = useMutation({
    mutationFn: () => api(MeetingRoutes.revokeCalendarFeed),
    onSuccess: () => {
      set({ url: null, createdAt: null });
      setConfirm(null);
      toasts.show({ message: t('calendar.turnedOff') });
    },
  });
  const url = feed.data?.url ?? null;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="calendar-feed-title">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconCalendarShare size={20} aria-hidden />
          <Title order={3} size="h5" id="calendar-feed-title">{t('calendar.feedTitle')}</Title>
        </Group>
        <Text size="sm" c="dimmed">{t('calendar.feedIntro')}</Text>

        {feed.isLoading && <Skeleton h={36} />}
        {feed.error && <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />}
        {feed.data && !url && (
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('calendar.feedOff')}</Text>
            <Button onClick={() => rotate.mutate()} loading={rotate.isPending}>{t('calendar.turnOn')}</Button>
          </Stack>
        )}
        {url && (
          <>
            <TextInput
              label={t('calendar.urlLabel')}
              description={t('calendar.urlPrivate')}
              value={url}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
            />
            <Group gap="xs">
              <CopyButton value={url} timeout={2000}>
                {({ copied, copy }) => (
                  <Button size="xs" variant={copied ? 'light' : 'filled'} color={copied ? 'green' : undefined} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />} onClick={copy}>
                    {copied ? t('calendar.copied') : t('calendar.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button size="xs" variant="light" component="a" href={webcal(url)}>{t('calendar.openInApp')}</Button>
              <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => setConfirm('rotate')}>{t('calendar.rotate')}</Button>
              <Button size="xs" variant="subtle" color="red" onClick={() => setConfirm('off')}>{t('calendar.turnOff')}</Button>
            </Group>
          </>
        )}

        <Accordion variant="contained" chevronPosition="left">
          <Accordion.Item value="how">
            <Accordion.Control>{t('calendar.howTo')}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                {(['outlook', 'apple', 'google'] as const).map((app) => (
                  <div key={app}>
                    <Text size="sm" fw={600}>{t(`calendar.${app}`)}</Text>
                    <Text size="sm">{t(`calendar.${app}Steps`)}</Text>
                  </div>
                ))}
                <Text size="xs" c="dimmed">{t('calendar.refreshNote')}</Text>
                {url && <Anchor size="xs" href={webcal(url)}>{t('calendar.openInApp')}</Anchor>}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>

      <ConfirmDialog
        opened={confirm === 'rotate'}
        title={t('calendar.rotateTitle')}
        message={t('calendar.rotateMessage')}
        confirmLabel={t('calendar.rotate')}
        loading={rotate.isPending}
        error={rotate.error}
        onConfirm={() => rotate.mutate()}
        onCancel={() => setConfirm(null)}
      />
      <ConfirmDialog
        opened={confirm === 'off'}
        title={t('calendar.turnOffTitle')}
        message={t('calendar.turnOffMessage')}
        confirmLabel={t('calendar.turnOff')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoke.mutate()}
        onCancel={() => setConfirm(null)}
      />
    </Card>
  );
}
