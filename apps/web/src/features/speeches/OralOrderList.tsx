import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Speech } from '@xieshang/contracts';

/** The accepted oral speeches in running order, as everyone sees them. */
export function OralOrderList({ oral }: { oral: Speech[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby="oral-list-title">
      <Title order={3} size="h4" id="oral-list-title">{t('speeches.order.title')}</Title>
      {oral.length === 0 ? (
        <Text c="dimmed" size="sm">{t('speeches.order.none')}</Text>
      ) : (
        <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {oral.map((s, i) => (
            <Paper key={s.id} component="li" withBorder p="xs" radius="md">
              <Group gap="sm" wrap="nowrap">
                <Text fw={700} w={28} ta="right">{t('speeches.order.number', { position: i + 1 })}</Text>
                <div style={{ minWidth: 0 }}>
                  <Text fw={500}>{s.title}</Text>
                  <Text size="xs" c="dimmed">{s.sectorName ? t('speeches.authorWithSector', { name: s.authorName, sector: s.sectorName }) : s.authorName}</Text>
                </div>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
