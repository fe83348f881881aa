import { useState } from 'react';
import { Badge, Loader, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInbox } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MeetingRoutes, type LeaveRequest } from '@xieshang/contracts';
import { api } from '../../lib/api';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { TableFooter } from '../shell/TableFooter';
import { LeaveRequestCard } from './LeaveRequestCard';
import { attendanceKeys, refreshAfterInvitationChange } from './queryKeys';
import { ReplyReasonModal } from './ReplyReasonModal';
import { useOrgTime } from './useOrgTime';

type Tab = 'pending' | 'decided';
const PAGE_SIZE = 20;

function useLeaveRequests(state: Tab, page: number) {
  const query = { state, page, pageSize: PAGE_SIZE };
  return useQuery({
    queryKey: [...attendanceKeys.leaveRequests, query],
    queryFn: ({ signal }) => api(MeetingRoutes.listLeaveRequests, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Leave requests the viewer decides: the chair, a committee head or the office, per meeting type. */
export function LeaveRequestsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const time = useOrgTime();
  const [tab, setTab] = useState<Tab>('pending');
  const [page, setPage] = useState(1);
  const [deciding, setDeciding] = useState<{ request: LeaveRequest; approve: boolean } | null>(null);
  const list = useLeaveRequests(tab, page);
  // The pending count for the tab badge; the same query as the pending tab's first page.
  const pendingCount = useLeaveRequests('pending', 1).data?.total;

  const decide = useMutation({
    mutationFn: ({ request, approve, comment }: { request: LeaveRequest; approve: boolean; comment: string }) =>
      api(MeetingRoutes.decideLeave, { params: { id: request.id }, body: { approve, comment: comment || null } }),
    onSuccess: (inv, { approve }) => {
      refreshAfterInvitationChange(client, inv.meetingId);
      notifications.show({ color: 'green', message: t(approve ? 'attendance.leave.approvedNotice' : 'attendance.leave.rejectedNotice', { name: inv.name }) });
      setDeciding(null);
    },
  });

  const openDecision = (request: LeaveRequest, approve: boolean) => {
    decide.reset();
    setDeciding({ request, approve });
  };
  const switchTab = (v: string | null) => {
    setTab(v === 'decided' ? 'decided' : 'pending');
    setPage(1);
  };
  const items = list.data?.items ?? [];
  const who = deciding ? { name: deciding.request.name, meeting: deciding.request.meetingTitle } : { name: '', meeting: '' };

  return (
    <>
      <PageHeader title={t('attendance.leave.title')} description={t('attendance.leave.description')} />
      <Tabs value={tab} onChange={switchTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="pending" rightSection={pendingCount ? <Badge size="sm" circle aria-label={t('attendance.leave.pendingCount', { count: pendingCount })}>{pendingCount}</Badge> : null}>
            {t('attendance.leave.pending')}
          </Tabs.Tab>
          <Tabs.Tab value="decided">{t('attendance.leave.decided')}</Tabs.Tab>
        </Tabs.List>
        {(['pending', 'decided'] as const).map((v) => (
          <Tabs.Panel key={v} value={v}>
            {list.error ? (
              <ErrorState error={list.error} onRetry={() => void list.refetch()} />
            ) : list.isLoading ? (
              <Loader size="sm" aria-label={t('common.loading')} />
            ) : items.length === 0 ? (
              <Stack align="center" gap="xs" py="xl" c="dimmed">
                <IconInbox size={40} aria-hidden />
                <Text>{t(v === 'pending' ? 'attendance.leave.emptyPending' : 'attendance.leave.emptyDecided')}</Text>
              </Stack>
            ) : (
              <>
                <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-busy={list.isFetching}>
                  {items.map((r) => (
                    <LeaveRequestCard key={r.id} request={r} dateTime={time.dateTime} onDecide={openDecision} />
                  ))}
                </Stack>
                <TableFooter total={list.data?.total ?? 0} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
              </>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
      <ReplyReasonModal
        opened={!!deciding}
        title={t(deciding?.approve ? 'attendance.leave.approveTitle' : 'attendance.leave.rejectTitle', who)}
        description={deciding ? t('attendance.leave.reasonLine', { reason: deciding.request.leaveReason ?? '—' }) : undefined}
        label={t(deciding?.approve ? 'attendance.leave.commentOptional' : 'attendance.leave.commentRequired')}
        confirmLabel={t(deciding?.approve ? 'attendance.leave.approve' : 'attendance.leave.reject')}
        required={!deciding?.approve}
        requiredMessage={t('attendance.leave.commentMissing')}
        loading={decide.isPending}
        error={decide.error}
        onConfirm={(comment) => deciding && decide.mutate({ ...deciding, comment })}
        onClose={() => setDeciding(null)}
      />
    </>
  );
}
