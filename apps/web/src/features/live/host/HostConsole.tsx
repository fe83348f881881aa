import type { ReactNode } from 'react';
import { Grid, Paper, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LivePresence, LiveState } from '@xieshang/contracts';
import type { SendLiveCommand } from '../session/useLiveSession';
import { LiveHeader } from '../shared/LiveHeader';
import { AgendaPanel } from './AgendaPanel';
import { FairnessPanel } from './FairnessPanel';
import { FloorPanel } from './FloorPanel';
import { PendingRequests } from './PendingRequests';
import { PresenceList } from './PresenceList';
import { QueuePanel } from './QueuePanel';
import { SessionControls } from './SessionControls';
import { SpeakingLogTable } from './SpeakingLogTable';

export interface HostConsoleProps {
  title: string;
  state: LiveState;
  presence: LivePresence[];
  presenceCount: number;
  clockOffsetMs: number;
  timeZone?: string;
  send: SendLiveCommand;
  banner?: ReactNode;
  headerActions?: ReactNode;
}

/** The chair's console, desktop first: the floor and the queue on the left, the session around it on the right. */
export function HostConsole(p: HostConsoleProps) {
  const { t } = useTranslation();
  const { state, send } = p;
  return (
    <Stack gap="md">
      {p.banner}
      <LiveHeader title={p.title} state={state} presenceCount={p.presenceCount} actions={p.headerActions} />
      <SessionControls state={state} send={send} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <FloorPanel state={state} send={send} clockOffsetMs={p.clockOffsetMs} />
            <PendingRequests state={state} send={send} />
            <QueuePanel state={state} send={send} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <AgendaPanel state={state} send={send} />
            <Paper withBorder p="md" radius="md">
              <Tabs defaultValue="fairness" keepMounted={false}>
                <Tabs.List>
                  <Tabs.Tab value="fairness">{t('live.tabs.fairness')}</Tabs.Tab>
                  <Tabs.Tab value="presence">{t('live.tabs.presence', { count: p.presenceCount })}</Tabs.Tab>
                  <Tabs.Tab value="log">{t('live.tabs.log')}</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="fairness" pt="md">
                  <FairnessPanel state={state} send={send} clockOffsetMs={p.clockOffsetMs} />
                </Tabs.Panel>
                <Tabs.Panel value="presence" pt="md">
                  <PresenceList presence={p.presence} />
                </Tabs.Panel>
                <Tabs.Panel value="log" pt="md">
                  <SpeakingLogTable state={state} send={send} timeZone={p.timeZone} />
                </Tabs.Panel>
              </Tabs>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
