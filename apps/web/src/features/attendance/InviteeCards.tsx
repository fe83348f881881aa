import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CheckInCell } from './CheckInCell';
import { InvitationStateBadge } from './InvitationStateBadge';
import { affiliationOf, canStaffCheckIn, type InviteeListProps } from './inviteeColumns';

/** The phone layout of the invitee list: one card per person, the check-in button full width. */
export function InviteeCards({ rows, showReason, showAttendance, onCheckIn, checkingInId, time }: InviteeListProps) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text c="dimmed" ta="center" py="md">{t('attendance.invitees.empty')}</Text>;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {rows.map((inv) => (
        <Card key={inv.id} withBorder padding="sm" radius="md" component="li">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text fw={600} truncate>{inv.name}</Text>
              <Text size="xs" c="dimmed" truncate>{affiliationOf(inv)}</Text>
            </div>
            <InvitationStateBadge state={inv.state} />
          </Group>
          <Group gap="xs" mt={6}>
            <CheckInCell inv={inv} time={time} />
            {showAttendance && inv.attendance && <Badge variant="outline" size="sm">{t(`attendance.final.${inv.attendance}`)}</Badge>}
          </Group>
          {showReason && inv.leaveReason && <Text size="sm" mt={4}>{t('attendance.invitees.reasonLine', { reason: inv.leaveReason })}</Text>}
          {onCheckIn && canStaffCheckIn(inv) && (
            <Button
              mt="xs"
              fullWidth
              variant="light"
              onClick={() => onCheckIn(inv)}
              loading={checkingInId === inv.id}
              aria-label={t('attendance.invitees.staffCheckInNamed', { name: inv.name })}
            >
              {t('attendance.invitees.staffCheckIn')}
            </Button>
          )}
        </Card>
      ))}
    </Stack>
  );
}
