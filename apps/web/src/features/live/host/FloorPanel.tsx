import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlayerSkipForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '@xieshang/contracts';
import { currentSpeaker, nextEntries } from '@xieshang/domain';
import type { SendLiveCommand } from '../session/useLiveSession';
import { Countdown } from '../shared/Countdown';
import { EntryTags, useEntryName } from '../shared/EntryTags';
import { TimerControls } from './TimerControls';

/** Who has the floor, the clock, and the moves that pass the floor on. */
export function FloorPanel({ state, send, clockOffsetMs }: { state: LiveState; send: SendLiveCommand; clockOffsetMs: number }) {
  const { t } = useTranslation();
  const nameOf = useEntryName();
  const speaker = currentSpeaker(state);
  const [next] = nextEntries(state, 1);
  const live = state.status === 'live';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="host-floor">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id="host-floor">
            {speaker?.status === 'called' ? t('live.speaker.called') : t('live.speaker.speaking')}
          </Title>
          <Button
            leftSection={<IconPlayerSkipForward size={18} aria-hidden />}
            disabled={!live || !next}
            onClick={() => void send({ type: 'queue:call-next', ...(speaker && { finishCurrent: true }) })}
          >
            {speaker ? t('live.actions.finishAndCallNext') : t('live.actions.callNext')}
          </Button>
        </Group>
        <Group justify="space-between" align="center" wrap="wrap">
          <Stack gap={4}>
            {speaker ? (
              <>
                <Text fz={28} fw={700} lh={1.2}>
                  {nameOf(speaker)}
                </Text>
                {speaker.sectorName && <Text c="dimmed">{speaker.sectorName}</Text>}
                <EntryTags entry={speaker} />
              </>
            ) : (
              <Text c="dimmed">{t('live.speaker.none')}</Text>
            )}
            {next && (
              <Text size="sm" c="dimmed">
                {t('live.next.upNext', { name: nameOf(next) })}
              </Text>
            )}
          </Stack>
          <Countdown timer={state.timer} offsetMs={clockOffsetMs} fontSize="4rem" />
        </Group>
        <Group gap="xs">
          {speaker?.status === 'called' && (
            <>
              <Button disabled={!live} onClick={() => void send({ type: 'queue:start-speaking', entryId: speaker.id })}>
                {t('live.actions.startSpeaking')}
              </Button>
              <Button variant="default" onClick={() => void send({ type: 'queue:skip', entryId: speaker.id })}>
                {t('live.actions.skipAbsent')}
              </Button>
            </>
          )}
          {speaker?.status === 'speaking' && (
            <Button color="dark" onClick={() => void send({ type: 'queue:finish', entryId: speaker.id })}>
              {t('live.actions.finish')}
            </Button>
          )}
        </Group>
        <TimerControls state={state} send={send} />
      </Stack>
    </Paper>
  );
}
