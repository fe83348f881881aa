import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '@xieshang/contracts';
import { currentSpeaker } from '@xieshang/domain';
import { Countdown } from '../shared/Countdown';
import { EntryTags, useEntryName } from '../shared/EntryTags';

/** Who has the floor (or is called to it) and the speaking clock, large enough to read at arm's length. */
export function CurrentSpeakerCard({ state, clockOffsetMs }: { state: LiveState; clockOffsetMs: number }) {
  const { t } = useTranslation();
  const nameOf = useEntryName();
  const speaker = currentSpeaker(state);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="live-current-speaker">
      <Stack gap="xs" align="center" ta="center">
        <Text id="live-current-speaker" size="sm" c="dimmed" fw={600}>
          {speaker?.status === 'called' ? t('live.speaker.called') : t('live.speaker.speaking')}
        </Text>
        {speaker ? (
          <>
            <Text fz={{ base: 28, sm: 34 }} fw={700} lh={1.2}>
              {nameOf(speaker)}
            </Text>
            {speaker.sectorName && <Text c="dimmed">{speaker.sectorName}</Text>}
            <EntryTags entry={speaker} size="md" />
          </>
        ) : (
          <Text fz="lg" c="dimmed">
            {t('live.speaker.none')}
          </Text>
        )}
        {(state.timer !== null || speaker?.status === 'speaking') && (
          <Countdown timer={state.timer} offsetMs={clockOffsetMs} fontSize="clamp(3.5rem, 18vw, 6rem)" />
        )}
      </Stack>
    </Paper>
  );
}
