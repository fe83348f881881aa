import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LeaveRequest } from '@xieshang/contracts';
import { InvitationStateBadge } from './InvitationStateBadge';

interface Props {
  request: LeaveRequest;
  dateTime: (iso: string | null) => string;
  onDecide?: (request: LeaveRequest, approve: boolean) => void;
}

export function LeaveRequestCard({ request: r, dateTime, onDecide }: Props) {
  const { t } = useTranslation();
  const pending = r.state === 'leave_requested';
  return (
    <Card withBorder radius="md" padding="md" component="li" aria-label={t('attendance.leave.cardLabel', { name: r.name, meeting: r.meetingTitle })}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text fw={600}>{r.name}</Text>
            {(r.sectorName ?? r.departmentName) && <Text size="xs" c="dimmed">{r.sectorName ?? r.departmentName}</Text>}
          </div>
          {pending ? <Badge color="yellow" variant="light">{t('attendance.leave.pendingBadge')}</Badge> : <InvitationStateBadge state={r.state} />}
        </Group>
        <Text size="sm">
          <Anchor component={Link} to={`/meetings/${r.meetingId}`}>{r.meetingTitle}</Anchor>
          {' · '}
          {dateTime(r.meetingStartsAt)}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{t('attendance.leave.reasonLine', { reason: r.leaveReason ?? '—' })}</Text>
        {r.leaveDecidedAt && (
          <Text size="sm" c="dimmed">
            {t('attendance.leave.decidedLine', { name: r.leaveDecidedByName ?? '—', time: dateTime(r.leaveDecidedAt) })}
            {r.leaveComment ? ` — ${r.leaveComment}` : ''}
          </Text>
        )}
        {pending && onDecide && (
          <Group gap="sm" mt={4}>
            <Button size="sm" onClick={() => onDecide(r, true)} aria-label={t('attendance.leave.approveNamed', { name: r.name })}>
              {t('attendance.leave.approve')}
            </Button>
            <Button size="sm" variant="default" color="red" onClick={() => onDecide(r, false)} aria-label={t('attendance.leave.rejectNamed', { name: r.name })}>
              {t('attendance.leave.reject')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
