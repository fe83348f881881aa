import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '@xieshang/contracts';

const ORDER = ['invited', 'accepted', 'declined', 'leaveRequested', 'leaveApproved', 'leaveRejected', 'checkedIn'] as const;

/** How many were invited and how they answered, at a glance. */
export function InvitationCountsCard({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} fz="h4" mb="sm">{t('meetings.counts.title')}</Title>
      <SimpleGrid cols={{ base: 3, md: 2 }} spacing="xs" component="dl" m={0}>
        {ORDER.map((k) => (
          <div key={k}>
            <Text component="dt" size="xs" c="dimmed">{t(`meetings.counts.${k}`)}</Text>
            <Text component="dd" m={0} fw={600} size="lg">{meeting.counts[k]}</Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
