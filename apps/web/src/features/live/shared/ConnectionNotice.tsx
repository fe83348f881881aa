import { Alert } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LiveConnectionStatus } from '../session/liveStore';

/** Shown while the socket is away; the client rejoins and catches up by itself, no reload needed. */
export function ConnectionNotice({ connection }: { connection: LiveConnectionStatus }) {
  const { t } = useTranslation();
  if (connection !== 'reconnecting') return null;
  return (
    <Alert color="yellow" icon={<IconWifiOff aria-hidden />} role="status" py="xs">
      {t('live.connection.reconnecting')}
    </Alert>
  );
}
