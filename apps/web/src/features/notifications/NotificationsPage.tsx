import { Button, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { TableFooter } from '../shell/TableFooter';
import { NotificationItem } from './NotificationItem';
import { useMarkRead, useNotificationPage } from './notificationQueries';
import { useOpenNotification } from './useOpenNotification';

const PAGE_SIZE = 20;

/** Every notification of the user, newest first; filter and page live in the URL. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('filter') === 'unread';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, error, isLoading, isFetching, refetch } = useNotificationPage(page, PAGE_SIZE, unreadOnly);
  const markRead = useMarkRead();
  const open = useOpenNotification();
  const setQuery = (filter: boolean, p: number) => {
    const next: Record<string, string> = {};
    if (filter) next.filter = 'unread';
    if (p > 1) next.page = String(p);
    setParams(next);
  };

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.description')}
        actions={
          <Button variant="light" leftSection={<IconChecks size={16} aria-hidden />} disabled={!data?.unread} loading={markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <SegmentedControl
        mb="md"
        aria-label={t('notifications.filterLabel')}
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(v) => setQuery(v === 'unread', 1)}
        data={[
          { value: 'all', label: t('notifications.filterAll') },
          { value: 'unread', label: data ? `${t('notifications.filterUnread')} (${data.unread})` : t('notifications.filterUnread') },
        ]}
      />
      {error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          <Paper withBorder p="xs" aria-busy={isLoading || isFetching}>
            {data?.items.length === 0 && <Text c="dimmed" ta="center" py="xl">{unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}</Text>}
            {data && data.items.length > 0 && (
              <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {data.items.map((n) => (
                  <li key={n.id}>
                    <NotificationItem n={n} onOpen={open} />
                  </li>
                ))}
              </Stack>
            )}
          </Paper>
          <TableFooter total={data?.total ?? 0} page={page} pageSize={PAGE_SIZE} onPage={(p) => setQuery(unreadOnly, p)} />
        </>
      )}
    </>
  );
}
