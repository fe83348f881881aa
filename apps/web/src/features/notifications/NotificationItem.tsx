import { Box, Group, Text, ThemeIcon, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconBell, IconCalendarEvent, IconCalendarOff, IconClipboardCheck, IconClock, IconFileText, IconMessage, IconUsersGroup } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notification, NotificationKind } from '@xieshang/contracts';
import { useOrgTimeZone } from '../settings/useOrgSettings';
import { relativeTime } from './relativeTime';
import { useNotificationText } from './useNotificationText';

const ICONS: Record<NotificationKind, { icon: ComponentType<{ size?: number }>; color: string }> = {
  invited: { icon: IconCalendarEvent, color: 'blue' },
  time_changed: { icon: IconCalendarEvent, color: 'orange' },
  meeting_cancelled: { icon: IconCalendarOff, color: 'red' },
  materials_added: { icon: IconFileText, color: 'teal' },
  leave_requested: { icon: IconClipboardCheck, color: 'grape' },
  leave_decided: { icon: IconClipboardCheck, color: 'grape' },
  speech_reviewed: { icon: IconMessage, color: 'cyan' },
  reminder_24h: { icon: IconClock, color: 'yellow' },
  reminder_1h: { icon: IconClock, color: 'yellow' },
  cosign_requested: { icon: IconUsersGroup, color: 'indigo' },
  outcome_assigned: { icon: IconClipboardCheck, color: 'blue' },
  outcome_sent_back: { icon: IconClipboardCheck, color: 'orange' },
  outcome_overdue: { icon: IconClock, color: 'red' },
};

/** One notification as a button: opening it marks it read and follows its link. */
export function NotificationItem({ n, onOpen, now = new Date() }: { n: Notification; onOpen: (n: Notification) => void; now?: Date }) {
  const { t, i18n: { language } } = useTranslation();
  const timeZone = useOrgTimeZone();
  const text = useNotificationText()(n);
  const { icon: Icon, color } = ICONS[n.kind] ?? { icon: IconBell, color: 'gray' };
  const unread = !n.readAt;
  const absolute = new Intl.DateTimeFormat(language, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(n.createdAt));
  return (
    <UnstyledButton
      onClick={() => onOpen(n)}
      w="100%"
      px="sm"
      py={10}
      style={{ borderRadius: 6, background: unread ? 'var(--mantine-color-blue-light)' : undefined }}
      data-unread={unread || undefined}
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <ThemeIcon variant="light" color={color} radius="xl" size="md" aria-hidden>
          <Icon size={16} />
        </ThemeIcon>
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={unread ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
            {unread && <VisuallyHidden>{`${t('notifications.unreadBadge')} `}</VisuallyHidden>}
            {text.headline}
          </Text>
          {text.details.map((d) => (
            <Text key={d} size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{d}</Text>
          ))}
          <Text size="xs" c="dimmed" mt={2}>
            <time dateTime={n.createdAt} title={absolute}>{relativeTime(n.createdAt, now, language, { justNow: t('notifications.justNow'), timeZone })}</time>
          </Text>
        </Box>
        {unread && <Box aria-hidden w={8} h={8} mt={6} style={{ borderRadius: '50%', background: 'var(--mantine-color-blue-6)', flexShrink: 0 }} />}
      </Group>
    </UnstyledButton>
  );
}
