import { Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '@xieshang/contracts';
import type { SendLiveCommand } from '../session/useLiveSession';

/** The agenda with the current item marked in words and by aria-current, and the move to the next item. */
export function AgendaPanel({ state, send }: { state: LiveState; send: SendLiveCommand }) {
  const { t } = useTranslation();
  const next = state.agenda[state.agendaIndex + 1];
  const speaking = state.entries.some((e) => e.status === 'speaking');
  const running = state.status === 'live' || state.status === 'paused';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="host-agenda">
      <Stack gap="sm">
        <Title order={3} size="h5" id="host-agenda">
          {t('live.agenda.title')}
        </Title>
        {state.agenda.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('live.agenda.empty')}
          </Text>
        ) : (
          <List type="ordered" spacing={4}>
            {state.agenda.map((a, i) => (
              <List.Item key={a.id} aria-current={i === state.agendaIndex ? 'step' : undefined} fw={i === state.agendaIndex ? 700 : undefined} c={i < state.agendaIndex ? 'dimmed' : undefined}>
                {a.title}
                {i === state.agendaIndex && (
                  <Text span size="xs" c="brand.7" ml={6}>
                    {t('live.agenda.currentMark')}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
        {next && (
          <Button variant="light" disabled={!running || speaking} onClick={() => void send({ type: 'agenda:next' })}>
            {t('live.agenda.next', { title: next.title })}
          </Button>
        )}
        {next && speaking && (
          <Text size="xs" c="dimmed">
            {t('live.agenda.finishSpeechFirst')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
