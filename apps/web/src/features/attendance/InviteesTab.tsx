import { useMemo, useState } from 'react';
import { Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { INVITATION_STATES, MeetingRoutes, type Invitation, type InvitationState, type Meeting } from '@xieshang/contracts';
import { hasPermission } from '@xieshang/domain';
import { api, download, isApiError } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useSession } from '../auth/useSession';
import { ErrorState } from '../shell/ErrorState';
import { ExportButtons } from './ExportButtons';
import { InviteeCards } from './InviteeCards';
import { InviteeCounts } from './InviteeCounts';
import { InviteesTable } from './InviteesTable';
import { attendanceKeys, refreshAfterInvitationChange } from './queryKeys';
import { useOrgTime } from './useOrgTime';

const ENDED = new Set<Meeting['state']>(['minutes', 'reported', 'closed']);

/** Who is invited, who replied, who is here; the office checks people in and exports attendance. */
export function InviteesTab({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { user } = useSession();
  const time = useOrgTime();
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const [q, setQ] = useState('');
  const [state, setState] = useState<InvitationState | null>(null);
  const isOffice = hasPermission(user, 'meetings.manage');
  const canExport = hasPermission(user, 'attendance.read');

  const query = useQuery({
    queryKey: attendanceKeys.invitations(meeting.id),
    queryFn: ({ signal }) => api(MeetingRoutes.listInvitations, { params: { id: meeting.id }, signal }),
  });

  const checkIn = useMutation({
    mutationFn: (inv: Invitation) => api(MeetingRoutes.checkInStaff, { params: { id: meeting.id, invitationId: inv.id } }),
    onSuccess: (updated) => {
      client.setQueryData<Invitation[]>(attendanceKeys.invitations(meeting.id), (rows) => rows?.map((r) => (r.id === updated.id ? updated : r)));
      refreshAfterInvitationChange(client, meeting.id);
      notifications.show({ color: 'green', message: t('attendance.invitees.checkedInNotice', { name: updated.name }) });
    },
    onError: (e, inv) => notifications.show({ color: 'red', title: inv.name, message: errorText(t, e) }),
  });

  const rows = useMemo(() => query.data ?? [], [query.data]);
  const visible = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return rows.filter(
      (r) => (!state || r.state === state) && (!needle || [r.name, r.sectorName, r.departmentName, r.committeeName].some((v) => v?.toLowerCase().includes(needle))),
    );
  }, [rows, q, state]);

  if (query.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  // The list is for invitees and those who run the meeting; others get a plain sentence, not an error.
  if (isApiError(query.error) && query.error.code === 'FORBIDDEN') return <Text c="dimmed">{t('attendance.invitees.inviteesOnly')}</Text>;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const attendanceExists = rows.some((r) => r.attendance !== null);
  // Exporting is useful from the first check-in on (a sign-in sheet), and final once the meeting ends.
  const hasCheckIns = attendanceExists || rows.some((r) => r.state === 'checked_in');
  const listProps = {
    rows: visible,
    showReason: isOffice || rows.some((r) => !!r.leaveReason),
    showAttendance: ENDED.has(meeting.state) || attendanceExists,
    onCheckIn: isOffice && meeting.state !== 'cancelled' ? (inv: Invitation) => checkIn.mutate(inv) : undefined,
    checkingInId: checkIn.isPending ? checkIn.variables?.id : null,
    dateTime: time.dateTime,
    time: time.time,
  };
  const exportAttendance = (format: 'csv' | 'xlsx') =>
    download(MeetingRoutes.exportMeetingAttendance, `attendance.${format}`, { params: { id: meeting.id }, query: { format } });

  return (
    <Stack gap="md">
      <InviteeCounts rows={rows} />
      <Group gap="sm" align="flex-end" justify="space-between" wrap="wrap">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search">
          <TextInput
            label={t('attendance.invitees.search')}
            placeholder={t('attendance.invitees.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={{ base: '100%', xs: 220 }}
          />
          <Select
            label={t('attendance.invitees.state')}
            placeholder={t('common.all')}
            data={INVITATION_STATES.map((s) => ({ value: s, label: t(`attendance.state.${s}`) }))}
            value={state}
            onChange={(v) => setState(v as InvitationState | null)}
            clearable
            w={{ base: '100%', xs: 180 }}
          />
        </Group>
        {canExport && hasCheckIns && <ExportButtons label={t('attendance.invitees.export')} onExport={exportAttendance} />}
      </Group>
      {isPhone ? <InviteeCards {...listProps} /> : <InviteesTable {...listProps} />}
    </Stack>
  );
}
