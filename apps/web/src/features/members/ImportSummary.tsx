import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '@xieshang/contracts';

export function ImportSummary({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const stats = [
    { label: t('import.totalRows'), value: preview.totalRows, color: undefined },
    { label: t('import.validRows'), value: preview.validRows, color: 'green.8' },
    { label: t('import.invalidRows'), value: preview.invalidRows, color: preview.invalidRows ? 'red.8' : undefined },
  ];
  return (
    <Group gap="sm" role="status" aria-live="polite">
      {stats.map((s) => (
        <Paper key={s.label} withBorder p="sm" radius="md" miw={120}>
          <Text size="xs" c="dimmed">{s.label}</Text>
          <Text fw={700} size="xl" c={s.color}>{s.value}</Text>
        </Paper>
      ))}
    </Group>
  );
}
