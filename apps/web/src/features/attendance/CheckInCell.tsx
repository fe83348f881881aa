import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '@xieshang/contracts';

export function CheckInCell({ inv, time }: { inv: Invitation; time: (iso: string | null) => string }) {
  const { t } = useTranslation();
  if (inv.state !== 'checked_in') return <Text size="sm" c="dimmed">—</Text>;
  const mode = inv.checkInMode ? t(`attendance.mode.${inv.checkInMode}`) : t('attendance.mode.unknown');
  return <Text size="sm">{t('attendance.invitees.checkedInAt', { mode, time: time(inv.checkedInAt) })}</Text>;
}
