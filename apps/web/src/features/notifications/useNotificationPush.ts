import { useEffect, useRef } from 'react';
import { notifications as toasts } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Notification, SystemServerEvents } from '@xieshang/contracts';
import { connectNamespace } from '../../lib/socket';
import { addPushed, NOTIFICATIONS_KEY } from './notificationQueries';
import { useNotificationText } from './useNotificationText';

type Listen = { [K in keyof SystemServerEvents]: SystemServerEvents[K] };

/**
 * Live notifications: listens on `/system` for `notification` (the server pushes to the user's
 * room after the change commits), puts it into the cache and shows a toast. After a reconnect it
 * refetches, since pushes sent while offline are not replayed.
 */
export function useNotificationPush(userId: string): void {
  const client = useQueryClient();
  const { t } = useTranslation();
  const text = useNotificationText();
  // The socket lives as long as the user; the handler sees the current language and time zone.
  const onNotification = useRef<(n: Notification) => void>(() => undefined);
  onNotification.current = (n) => {
    addPushed(client, n);
    const { headline, details } = text(n);
    toasts.show({ title: t('notifications.toastTitle'), message: [headline, ...details].join(' · '), autoClose: 8000 });
  };

  useEffect(() => {
    const socket = connectNamespace<Listen, Record<string, never>>('/system');
    let connectedBefore = false;
    const onConnect = () => {
      if (connectedBefore) void client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
      connectedBefore = true;
    };
    const onPush = (n: Notification) => onNotification.current(n);
    socket.on('connect', onConnect);
    socket.on('notification', onPush);
    return () => {
      socket.off('connect', onConnect);
      socket.off('notification', onPush);
      socket.disconnect();
    };
  }, [client, userId]);
}
