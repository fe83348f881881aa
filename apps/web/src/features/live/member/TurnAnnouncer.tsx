import { useEffect, useRef } from 'react';
import { Alert, VisuallyHidden } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '@xieshang/contracts';
import { notifyTurn } from './notifyTurn';
import { turnOf } from './turn';

/**
 * "轮到您了 / 您是下一位": a visible banner, an assertive live region for screen readers (present from
 * the first render, so a change of its text is announced), and a browser notification.
 */
export function TurnAnnouncer({ state, userId, meetingTitle }: { state: LiveState; userId: string; meetingTitle: string }) {
  const { t } = useTranslation();
  const turn = turnOf(state, userId);
  const message = turn === 'called' ? t('live.turn.yourTurn') : turn === 'next' ? t('live.turn.youAreNext') : '';

  const announced = useRef<string>('');
  useEffect(() => {
    if (message === announced.current) return;
    announced.current = message;
    if (message) notifyTurn(message, meetingTitle);
  }, [message, meetingTitle]);

  return (
    <>
      <VisuallyHidden role="status" aria-live="assertive" aria-atomic="true" data-testid="turn-live-region">
        {message}
      </VisuallyHidden>
      {message && (
        <Alert color={turn === 'called' ? 'red.9' : 'orange.9'} variant="filled" icon={<IconBell aria-hidden />} aria-hidden="true">
          <span style={{ fontSize: '1.25rem', fontWeight: 700 }}>{message}</span>
        </Alert>
      )}
    </>
  );
}
