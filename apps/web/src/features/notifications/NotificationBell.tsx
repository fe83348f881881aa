import { ActionIcon, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '@xieshang/contracts';
import { NotificationItem } from './NotificationItem';
import { useLatestNotifications, useMarkRead } from './notificationQueries';
import { useNotificationPush } from './useNotificationPush';
import { useOpenNotification } from './useOpenNotification';

/** The header bell: unread count, the latest notifications in a popover, live updates. */
export function NotificationBell({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const headingId = useId();
  useNotificationPush(user.id);
  const { data } = useLatestNotifications();
  const markRead = useMarkRead();
  const close = useCallback(() => setOpened(false), []);
  const open = useOpenNotification(close);
  const unread = data?.unread ?? 0;
  const items = data?.items ?? [];

  return (
    // hideDetached off: the header is fixed, so the bell is never scrolled away from its popover
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withArrow trapFocus returnFocus hideDetached={false}>
      <Indicator label={unread > 99 ? '99+' : unread} disabled={unread === 0} size={18} offset={6} color="red" inline>
        <Popover.Target>
          <ActionIcon variant="subtle" color="gray" size="lg" onClick={() => setOpened((o) => !o)} aria-label={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}>
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p="xs" maw="calc(100vw - 16px)" aria-labelledby={headingId}>
        <Group justify="space-between" px="xs" pb={6} wrap="nowrap">
          <Text fw={600} size="sm" id={headingId}>{t('notifications.latest')}</Text>
          <Button variant="subtle" size="compact-xs" disabled={unread === 0} loading={markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah="min(26rem, 60vh)" type="auto">
          {items.length === 0 ? (
            <Text c="dimmed" size="sm" ta="center" py="lg">{t('notifications.empty')}</Text>
          ) : (
            <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((n) => (
                <li key={n.id}>
                  <NotificationItem n={n} onOpen={open} />
                </li>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
        <Divider my={6} />
        <Button component={Link} to="/notifications" variant="subtle" fullWidth size="compact-sm" onClick={close}>
          {t('notifications.viewAll')}
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
