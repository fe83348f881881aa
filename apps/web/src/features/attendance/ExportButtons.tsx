import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';

export type ExportFormat = 'csv' | 'xlsx';

/** CSV and XLSX download buttons; a failed download is told, not swallowed. */
export function ExportButtons({ onExport, label }: { onExport: (format: ExportFormat) => Promise<void>; label: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      await onExport(format);
    } catch (e) {
      notifications.show({ color: 'red', title: t('attendance.export.failed'), message: errorText(t, e) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Group gap="xs" role="group" aria-label={label}>
      {(['xlsx', 'csv'] as const).map((f) => (
        <Button
          key={f}
          variant="default"
          size="sm"
          leftSection={<IconDownload size={16} aria-hidden />}
          loading={busy === f}
          onClick={() => void run(f)}
          aria-label={t('attendance.export.named', { label, format: f.toUpperCase() })}
        >
          {f.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
