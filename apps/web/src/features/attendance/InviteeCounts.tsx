import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '@xieshang/contracts';

const KEYS = ['invited', 'accepted', 'declined', 'leaveRequested', 'leaveApproved', 'checkedIn'] as const;
type CountKey = (typeof KEYS)[number];

/** Counted from the list itself, so a staff check-in shows at once without refetching the meeting. */
export function countInvitations(rows: Invitation[]): Record<CountKey, number> {
  const by = (s: Invitation['state']) => rows.filter((r) => r.state === s).length;
  return {
    invited: rows.length,
    accepted: by('accepted'),
    declined: by('declined'),
    leaveRequested: by('leave_requested'),
    leaveApproved: by('leave_approved'),
    checkedIn: by('checked_in'),
  };
}

export function InviteeCounts({ rows }: { rows: Invitation[] }) {
  const { t } = useTranslation();
  const counts = countInvitations(rows);
  return (
    <SimpleGrid cols={{ base: 3, sm: 6 }} spacing="xs" role="list" aria-label={t('attendance.invitees.countsLabel')}>
      {KEYS.map((k) => (
        <Paper key={k} withBorder p="xs" radius="md" role="listitem">
          <Text size="xl" fw={700} lh={1.2}>{counts[k]}</Text>
          <Text size="xs" c="dimmed">{t(`attendance.invitees.count.${k}`)}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
