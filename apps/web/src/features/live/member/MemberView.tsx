import type { ReactNode } from 'react';
import { Grid, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveState, SpeakingMode } from '@xieshang/contracts';
import type { LiveYou } from '../session/liveStore';
import type { SendLiveCommand } from '../session/useLiveSession';
import { LiveHeader } from '../shared/LiveHeader';
import { CurrentSpeakerCard } from './CurrentSpeakerCard';
import { FloorActions } from './FloorActions';
import { NextSpeakers } from './NextSpeakers';
import { TurnAnnouncer } from './TurnAnnouncer';
import { VideoPanel } from './VideoPanel';

export interface MemberViewProps {
  title: string;
  videoUrl: string | null;
  jitsiBaseUrl: string | null;
  state: LiveState;
  you: LiveYou;
  presenceCount: number;
  clockOffsetMs: number;
  joinMode: SpeakingMode;
  send: SendLiveCommand;
  /** links and notices above the view (connection state, host console link) */
  banner?: ReactNode;
  headerActions?: ReactNode;
}

/** The member's screen, phone first: one column; the video goes beside it on wide screens. */
export function MemberView(p: MemberViewProps) {
  const { t } = useTranslation();
  const main = (
    <Stack gap="md">
      <TurnAnnouncer state={p.state} userId={p.you.userId} meetingTitle={p.title} />
      <CurrentSpeakerCard state={p.state} clockOffsetMs={p.clockOffsetMs} />
      {/* after the end there is nothing left to ask for: say so instead of showing dead buttons */}
      {p.state.status === 'ended' ? (
        <Paper withBorder p="md" radius="md">
          <Text fw={600}>{t('live.floor.ended')}</Text>
        </Paper>
      ) : (
        <FloorActions state={p.state} you={p.you} joinMode={p.joinMode} send={p.send} />
      )}
      {p.state.status !== 'ended' && <NextSpeakers state={p.state} userId={p.you.userId} />}
    </Stack>
  );
  return (
    <Stack gap="md" maw={p.videoUrl ? 1400 : 640} mx="auto">
      {p.banner}
      <LiveHeader title={p.title} state={p.state} presenceCount={p.presenceCount} actions={p.headerActions} />
      {p.videoUrl ? (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>{main}</Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <VideoPanel videoUrl={p.videoUrl} jitsiBaseUrl={p.jitsiBaseUrl} state={p.state} />
          </Grid.Col>
        </Grid>
      ) : (
        main
      )}
    </Stack>
  );
}
