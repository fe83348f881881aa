import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '@xieshang/contracts';

export function AgendaList({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} fz="h4" mb="sm">{t('meetings.detail.agenda')}</Title>
      {meeting.agenda.length === 0 ? (
        <Text size="sm" c="dimmed">{t('meetings.agenda.empty')}</Text>
      ) : (
        <Stack gap={6} component="ol" m={0} pl="lg">
          {meeting.agenda.map((item) => (
            <li key={item.id}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">{item.title}</Text>
                <Badge size="xs" variant="light" color="gray">{t(`meetings.agendaKind.${item.kind}`)}</Badge>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
