import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CheckInCell } from './CheckInCell';
import { InvitationStateBadge } from './InvitationStateBadge';
import { affiliationOf, canStaffCheckIn, type InviteeListProps } from './inviteeColumns';

const ATTENDANCE_COLOR = { present: 'green', excused: 'blue', absent: 'red' } as const;

export function InviteesTable({ rows, showReason, showAttendance, onCheckIn, checkingInId, time }: InviteeListProps) {
  const { t } = useTranslation();
  const columns = 4 + Number(showReason) + Number(showAttendance) + Number(!!onCheckIn);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('attendance.invitees.name')}</Table.Th>
            <Table.Th scope="col">{t('attendance.invitees.sector')}</Table.Th>
            <Table.Th scope="col">{t('attendance.invitees.state')}</Table.Th>
            <Table.Th scope="col">{t('attendance.invitees.checkIn')}</Table.Th>
            {showReason && <Table.Th scope="col">{t('attendance.invitees.leaveReason')}</Table.Th>}
            {showAttendance && <Table.Th scope="col">{t('attendance.invitees.attendance')}</Table.Th>}
            {onCheckIn && <Table.Th scope="col"><span className="visually-hidden">{t('common.actions')}</span></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns}><Text c="dimmed" ta="center" py="md">{t('attendance.invitees.empty')}</Text></Table.Td>
            </Table.Tr>
          )}
          {rows.map((inv) => (
            <Table.Tr key={inv.id}>
              <Table.Th scope="row" fw={500}>{inv.name}</Table.Th>
              <Table.Td>{affiliationOf(inv)}</Table.Td>
              <Table.Td><InvitationStateBadge state={inv.state} /></Table.Td>
              <Table.Td><CheckInCell inv={inv} time={time} /></Table.Td>
              {showReason && <Table.Td><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{inv.leaveReason ?? '—'}</Text></Table.Td>}
              {showAttendance && (
                <Table.Td>
                  {inv.attendance ? <Badge color={ATTENDANCE_COLOR[inv.attendance]} variant="dot">{t(`attendance.final.${inv.attendance}`)}</Badge> : '—'}
                </Table.Td>
              )}
              {onCheckIn && (
                <Table.Td ta="right">
                  {canStaffCheckIn(inv) && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => onCheckIn(inv)}
                      loading={checkingInId === inv.id}
                      aria-label={t('attendance.invitees.staffCheckInNamed', { name: inv.name })}
                    >
                      {t('attendance.invitees.staffCheckIn')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
