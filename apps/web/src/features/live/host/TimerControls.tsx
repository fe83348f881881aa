import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '@xieshang/contracts';
import type { SendLiveCommand } from '../session/useLiveSession';

const EXTEND_MINUTES = [1, 2, 5] as const;

/** Start, pause, resume, stop and extend the speaking clock (the server's clock rules it). */
export function TimerControls({ state, send }: { state: LiveState; send: SendLiveCommand }) {
  const { t } = useTranslation();
  const timer = state.timer;
  const live = state.status === 'live';
  const ended = state.status === 'ended';
  return (
    <Group gap="xs" role="group" aria-label={t('live.timer.controls')}>
      {timer === null && (
        <Button size="xs" variant="light" disabled={!live} onClick={() => void send({ type: 'timer:start' })}>
          {t('live.timer.start')}
        </Button>
      )}
      {timer !== null && timer.pausedAt === undefined && (
        <Button size="xs" variant="light" color="orange" onClick={() => void send({ type: 'timer:pause' })}>
          {t('live.timer.pause')}
        </Button>
      )}
      {timer !== null && timer.pausedAt !== undefined && (
        <Button size="xs" variant="light" disabled={!live} onClick={() => void send({ type: 'timer:resume' })}>
          {t('live.timer.resume')}
        </Button>
      )}
      {timer !== null && (
        <Button size="xs" variant="default" disabled={ended} onClick={() => void send({ type: 'timer:stop' })}>
          {t('live.timer.stop')}
        </Button>
      )}
      {EXTEND_MINUTES.map((m) => (
        <Button
          key={m}
          size="xs"
          variant="default"
          disabled={timer === null || ended}
          onClick={() => void send({ type: 'timer:extend', ms: m * 60_000 })}
          aria-label={t('live.timer.extendLabel', { minutes: m })}
        >
          {t('live.timer.extend', { minutes: m })}
        </Button>
      ))}
    </Group>
  );
}
