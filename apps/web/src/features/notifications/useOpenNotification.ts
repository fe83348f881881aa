import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { Notification } from '@xieshang/contracts';
import { useMarkRead } from './notificationQueries';

/** Opening a notification marks it read and goes where it points (a meeting, the leave requests). */
export function useOpenNotification(after?: () => void): (n: Notification) => void {
  const navigate = useNavigate();
  const { mutate: markRead } = useMarkRead();
  return useCallback(
    (n: Notification) => {
      if (!n.readAt) markRead({ ids: [n.id] });
      after?.();
      // only in-app paths: a link is data from the server, never a way out of the app
      if (n.link?.startsWith('/') && !n.link.startsWith('//')) void navigate(n.link);
    },
    [markRead, navigate, after],
  );
}
