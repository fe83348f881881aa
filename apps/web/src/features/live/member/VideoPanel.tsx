import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink, IconMicrophone, IconVideo } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '@xieshang/contracts';
import { currentSpeaker } from '@xieshang/domain';
import { useEntryName } from '../shared/EntryTags';

/** An embedded room only for the organisation's own Jitsi server; any other link opens outside. */
export function isEmbeddableJitsi(videoUrl: string, jitsiBaseUrl: string | null): boolean {
  if (!jitsiBaseUrl) return false;
  const base = jitsiBaseUrl.endsWith('/') ? jitsiBaseUrl : `${jitsiBaseUrl}/`;
  return videoUrl.startsWith(base) || videoUrl === jitsiBaseUrl;
}

interface Props {
  videoUrl: string;
  jitsiBaseUrl: string | null;
  state: LiveState;
}

/** The meeting's video conference beside the member view, with the current speaker named above it. */
export function VideoPanel({ videoUrl, jitsiBaseUrl, state }: Props) {
  const { t } = useTranslation();
  const nameOf = useEntryName();
  const speaker = currentSpeaker(state);
  const embed = isEmbeddableJitsi(videoUrl, jitsiBaseUrl);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="live-video">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" id="live-video">
            <Group gap={6} component="span">
              <IconVideo size={18} aria-hidden />
              {t('live.video.title')}
            </Group>
          </Title>
          <Anchor href={videoUrl} target="_blank" rel="noopener noreferrer" size="sm">
            <Group gap={4} component="span">
              {t('live.video.openNewWindow')}
              <IconExternalLink size={14} aria-hidden />
            </Group>
          </Anchor>
        </Group>
        <Paper bg={speaker ? 'yellow.1' : 'gray.0'} p="xs" radius="sm" aria-live="off">
          <Group gap={6}>
            <IconMicrophone size={18} aria-hidden />
            <Text fw={700}>
              {speaker
                ? t(speaker.status === 'speaking' ? 'live.video.speaking' : 'live.video.called', { name: nameOf(speaker) })
                : t('live.speaker.none')}
            </Text>
          </Group>
        </Paper>
        {embed ? (
          <iframe
            src={videoUrl}
            title={t('live.video.frameTitle')}
            allow="camera; microphone; fullscreen; display-capture"
            allowFullScreen
            style={{ width: '100%', aspectRatio: '16 / 9', minHeight: 260, border: 0, borderRadius: 8, background: '#000' }}
          />
        ) : (
          <Button component="a" href={videoUrl} target="_blank" rel="noopener noreferrer" size="lg" leftSection={<IconVideo aria-hidden />}>
            {t('live.video.join')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
