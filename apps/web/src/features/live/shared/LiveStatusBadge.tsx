import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveSessionStatus } from '@xieshang/contracts';

const COLOUR: Record<LiveSessionStatus, string> = { scheduled: 'gray', live: 'green', paused: 'orange', ended: 'dark' };

export function LiveStatusBadge({ status, size = 'lg' }: { status: LiveSessionStatus; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOUR[status]} size={size} variant={status === 'live' ? 'filled' : 'light'}>
      {t(`live.sessionStatus.${status}`)}
    </Badge>
  );
}
