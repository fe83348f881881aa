import type { ReactNode } from 'react';
import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LiveState, Meeting } from '@xieshang/contracts';
import { ErrorState } from '../../shell/ErrorState';
import { ackErrorText } from '../session/ackErrorText';
import type { LiveYou } from '../session/liveStore';
import type { LiveSession } from '../session/useLiveSession';

export interface LiveReady {
  state: LiveState;
  you: LiveYou;
  meeting: Meeting;
}

interface Props {
  session: LiveSession;
  meeting: UseQueryResult<Meeting>;
  children: (ready: LiveReady) => ReactNode;
}

/** Loading, refusal and error states shared by the three live screens. */
export function LiveGate({ session, meeting, children }: Props) {
  const { t } = useTranslation();
  if (meeting.error) return <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />;
  if (session.joinError && session.state === null) {
    return (
      <Alert color="red" role="alert" m="md" title={t('live.connection.refused')}>
        {ackErrorText(t, session.joinError)}
      </Alert>
    );
  }
  if (!meeting.data || session.state === null || session.you === null) {
    return (
      <Center mih={240}>
        <Stack align="center" gap="xs" role="status">
          <Loader aria-hidden />
          <Text c="dimmed">{t('live.connection.joining')}</Text>
        </Stack>
      </Center>
    );
  }
  return <>{children({ state: session.state, you: session.you, meeting: meeting.data })}</>;
}
