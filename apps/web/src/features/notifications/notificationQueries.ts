import { useMutation, useQuery, useQueryClient, keepPreviousData, type QueryClient } from '@tanstack/react-query';
import { NotificationRoutes, type Notification, type ResponseOf } from '@xieshang/contracts';
import { api } from '../../lib/api';

export type NotificationPage = ResponseOf<typeof NotificationRoutes.listNotifications>;

export const NOTIFICATIONS_KEY = ['notifications'] as const;
/** What the bell shows: the newest few and the unread total. */
export const LATEST_KEY = [...NOTIFICATIONS_KEY, 'latest'] as const;
export const LATEST_SIZE = 10;
const pageKey = (page: number, pageSize: number, unreadOnly: boolean) => [...NOTIFICATIONS_KEY, 'page', page, pageSize, unreadOnly] as const;

export function useLatestNotifications(enabled = true) {
  return useQuery({
    queryKey: LATEST_KEY,
    queryFn: ({ signal }) => api(NotificationRoutes.listNotifications, { query: { page: 1, pageSize: LATEST_SIZE }, signal }),
    // pushes keep it fresh; a refetch after a reconnect covers what was missed
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useNotificationPage(page: number, pageSize: number, unreadOnly: boolean) {
  return useQuery({
    queryKey: pageKey(page, pageSize, unreadOnly),
    queryFn: ({ signal }) => api(NotificationRoutes.listNotifications, { query: { page, pageSize, unread: unreadOnly ? 'true' : 'false' }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A pushed notification goes to the top of the bell's list at once; full pages refetch. */
export function addPushed(client: QueryClient, n: Notification): void {
  const had = client.getQueryData<NotificationPage>(LATEST_KEY);
  if (had && !had.items.some((i) => i.id === n.id)) {
    client.setQueryData<NotificationPage>(LATEST_KEY, {
      ...had,
      items: [n, ...had.items].slice(0, LATEST_SIZE),
      total: had.total + 1,
      unread: had.unread + (n.readAt ? 0 : 1),
    });
  } else if (!had) {
    void client.invalidateQueries({ queryKey: LATEST_KEY });
  }
  void client.invalidateQueries({ queryKey: [...NOTIFICATIONS_KEY, 'page'] });
}

type ReadInput = { ids: string[] } | { all: true };

function markInCache(page: NotificationPage, input: ReadInput, at: string): NotificationPage {
  const hit = (n: Notification) => !n.readAt && ('all' in input || input.ids.includes(n.id));
  const items = page.items.map((n) => (hit(n) ? { ...n, readAt: at } : n));
  const newlyRead = page.items.filter(hit).length;
  return { ...page, items, unread: 'all' in input ? 0 : Math.max(0, page.unread - newlyRead) };
}

/** Marks read, showing it at once (badge and lists), then confirms with the server's numbers. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReadInput) => api(NotificationRoutes.markNotificationsRead, { body: input }),
    onMutate: async (input) => {
      await client.cancelQueries({ queryKey: NOTIFICATIONS_KEY });
      const at = new Date().toISOString();
      client.setQueriesData<NotificationPage>({ queryKey: NOTIFICATIONS_KEY }, (page) => (page ? markInCache(page, input, at) : page));
    },
    onSettled: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
