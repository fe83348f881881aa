import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '@xieshang/contracts';
import { ConfirmDialog } from '../../shell/ConfirmDialog';
import type { SendLiveCommand } from '../session/useLiveSession';

/** Open, pause (break), resume and end the session; ending asks first because it cannot be undone. */
export function SessionControls({ state, send }: { state: LiveState; send: SendLiveCommand }) {
  const { t } = useTranslation();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [ending, setEnding] = useState(false);
  const { status } = state;
  const end = async () => {
    setEnding(true);
    const ack = await send({ type: 'session:end' });
    setEnding(false);
    if ('data' in ack) setConfirmEnd(false);
  };
  return (
    <Group gap="xs">
      {status === 'scheduled' && (
        <Button leftSection={<IconPlayerPlay size={18} aria-hidden />} onClick={() => void send({ type: 'session:open' })}>
          {t('live.session.open')}
        </Button>
      )}
      {status === 'live' && (
        <Button variant="light" color="orange" leftSection={<IconPlayerPause size={18} aria-hidden />} onClick={() => void send({ type: 'session:pause' })}>
          {t('live.session.pause')}
        </Button>
      )}
      {status === 'paused' && (
        <Button leftSection={<IconPlayerPlay size={18} aria-hidden />} onClick={() => void send({ type: 'session:resume' })}>
          {t('live.session.resume')}
        </Button>
      )}
      {status !== 'ended' && (
        <Button variant="outline" color="red" leftSection={<IconPlayerStop size={18} aria-hidden />} onClick={() => setConfirmEnd(true)}>
          {t('live.session.end')}
        </Button>
      )}
      <ConfirmDialog
        opened={confirmEnd}
        title={t('live.session.endConfirmTitle')}
        message={t('live.session.endConfirmMessage')}
        confirmLabel={t('live.session.end')}
        danger
        loading={ending}
        onConfirm={() => void end()}
        onCancel={() => setConfirmEnd(false)}
      />
    </Group>
  );
}
