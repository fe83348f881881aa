import { useState } from 'react';
import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconClock, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MeetingRoutes, type Invitation, type InvitationReply, type Meeting } from '@xieshang/contracts';
import { invitationMachine } from '@xieshang/domain';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useSession } from '../auth/useSession';
import { ErrorState } from '../shell/ErrorState';
import { InvitationStateBadge } from './InvitationStateBadge';
import { attendanceKeys, refreshAfterInvitationChange } from './queryKeys';
import { ReplyReasonModal } from './ReplyReasonModal';
import { useOrgTime } from './useOrgTime';

type ReplyAction = InvitationReply['action'];

/** Ended or cancelled: the api refuses every reply (MEETING_LOCKED). */
const LOCKED = new Set<Meeting['state']>(['minutes', 'reported', 'closed', 'cancelled']);

/**
 * The api's deadlines: accepting and declining close at the reply deadline (or the start when none
 * is set); asking for leave stays possible until the meeting starts.
 */
function replyClosesAt(meeting: Meeting, action: ReplyAction): number {
  return Date.parse(action === 'request_leave' ? meeting.startsAt : (meeting.replyDeadline ?? meeting.startsAt));
}

/** The viewer's own invitation to a meeting: state in words, reply buttons, leave decision. */
export function MyInvitationPanel({ meeting }: { meeting: Meeting }) {
  // Not invited: nothing to reply to (and the api would answer NOT_INVITED).
  if (meeting.myInvitationState === null) return null;
  return <MyInvitationCard meeting={meeting} />;
}

function MyInvitationCard({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { user } = useSession();
  const time = useOrgTime();
  const [modal, setModal] = useState<'decline' | 'request_leave' | null>(null);

  const query = useQuery({
    queryKey: attendanceKeys.myInvitation(meeting.id),
    queryFn: ({ signal }) => api(MeetingRoutes.myInvitation, { params: { id: meeting.id }, signal }),
  });

  const reply = useMutation({
    mutationFn: (body: InvitationReply) => api(MeetingRoutes.replyInvitation, { params: { id: meeting.id }, body }),
    onSuccess: (inv, body) => {
      client.setQueryData(attendanceKeys.myInvitation(meeting.id), inv);
      refreshAfterInvitationChange(client, meeting.id);
      notifications.show({ color: 'green', message: t(`attendance.mine.done.${body.action}`) });
      setModal(null);
    },
  });

  if (query.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.error || !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const inv = query.data;

  const now = Date.now();
  const can = (action: ReplyAction) =>
    !!user && !LOCKED.has(meeting.state) && now <= replyClosesAt(meeting, action) && invitationMachine.can(user, { state: inv.state, inviteeId: inv.userId }, action);
  const deadlinePassed = !!meeting.replyDeadline && Date.parse(meeting.replyDeadline) < now;
  const send = (body: InvitationReply) => {
    reply.reset();
    reply.mutate(body);
  };
  const open = (which: 'decline' | 'request_leave') => {
    reply.reset();
    setModal(which);
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="my-invitation-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={3} size="h4" id="my-invitation-title">{t('attendance.mine.title')}</Title>
          <InvitationStateBadge state={inv.state} />
        </Group>
        <Text fw={500} aria-live="polite">{headline(t, inv, time.dateTime)}</Text>
        {meeting.replyDeadline && inv.state !== 'checked_in' && (
          <Group gap={6} wrap="nowrap">
            <IconClock size={16} aria-hidden />
            <Text size="sm" c={deadlinePassed ? 'red' : 'dimmed'}>
              {t(deadlinePassed ? (can('request_leave') ? 'attendance.mine.deadlinePassedLeaveOpen' : 'attendance.mine.deadlinePassed') : 'attendance.mine.deadline', {
                time: time.dateTime(meeting.replyDeadline),
              })}
            </Text>
          </Group>
        )}
        <LeaveDetails inv={inv} dateTime={time.dateTime} />
        {inv.attendance && <Text size="sm">{t('attendance.mine.finalAttendance', { status: t(`attendance.final.${inv.attendance}`) })}</Text>}
        {reply.error != null && modal === null && <Alert color="red" role="alert">{errorText(t, reply.error)}</Alert>}
        {(can('accept') || can('decline') || can('request_leave')) && (
          <Group gap="sm">
            {can('accept') && (
              <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={() => send({ action: 'accept' })} loading={reply.isPending && reply.variables?.action === 'accept'}>
                {t('attendance.mine.accept')}
              </Button>
            )}
            {can('decline') && (
              <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={() => open('decline')}>
                {t('attendance.mine.decline')}
              </Button>
            )}
            {can('request_leave') && (
              <Button variant="light" onClick={() => open('request_leave')}>
                {t('attendance.mine.requestLeave')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ReplyReasonModal
        opened={modal === 'decline'}
        title={t('attendance.mine.declineTitle')}
        label={t('attendance.mine.declineReason')}
        confirmLabel={t('attendance.mine.declineConfirm')}
        required={false}
        loading={reply.isPending}
        error={reply.error}
        onConfirm={(reason) => send({ action: 'decline', reason: reason || null })}
        onClose={() => setModal(null)}
      />
      <ReplyReasonModal
        opened={modal === 'request_leave'}
        title={t('attendance.mine.leaveTitle')}
        description={t('attendance.mine.leaveHint')}
        label={t('attendance.mine.leaveReason')}
        confirmLabel={t('attendance.mine.leaveConfirm')}
        required
        requiredMessage={t('attendance.mine.leaveReasonRequired')}
        loading={reply.isPending}
        error={reply.error}
        onConfirm={(reason) => send({ action: 'request_leave', reason })}
        onClose={() => setModal(null)}
      />
    </Card>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function headline(t: T, inv: Invitation, dateTime: (iso: string | null) => string): string {
  if (inv.state === 'checked_in') {
    const mode = inv.checkInMode ? t(`attendance.mode.${inv.checkInMode}`) : t('attendance.mode.unknown');
    return t('attendance.mine.checkedIn', { mode, time: dateTime(inv.checkedInAt) });
  }
  return t(`attendance.mine.headline.${inv.state}`);
}

function LeaveDetails({ inv, dateTime }: { inv: Invitation; dateTime: (iso: string | null) => string }) {
  const { t } = useTranslation();
  if (!inv.leaveReason && !inv.leaveDecidedAt) return null;
  // After a decision the invitee may still accept or check in; the state then no longer says which way it went.
  const decisionKey =
    inv.state === 'leave_approved' ? 'attendance.mine.leaveApprovedBy' : inv.state === 'leave_rejected' ? 'attendance.mine.leaveRejectedBy' : 'attendance.mine.leaveDecidedBy';
  return (
    <Stack gap={4}>
      {inv.leaveReason && <Text size="sm">{t('attendance.mine.yourReason', { reason: inv.leaveReason })}</Text>}
      {inv.leaveDecidedAt && (
        <Text size="sm">
          {t(decisionKey, {
            name: inv.leaveDecidedByName ?? t('attendance.mine.approver'),
            time: dateTime(inv.leaveDecidedAt),
          })}
        </Text>
      )}
      {inv.leaveComment && <Text size="sm" c="dimmed">{t('attendance.mine.leaveComment', { comment: inv.leaveComment })}</Text>}
    </Stack>
  );
}
