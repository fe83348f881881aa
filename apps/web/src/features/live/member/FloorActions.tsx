import { useState } from 'react';
import { Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconGavel, IconHandStop, IconMessageReply } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LiveEntry, LiveState, SpeakingMode } from '@xieshang/contracts';
import { currentSpeaker, positionOf } from '@xieshang/domain';
import type { LiveCommandInput } from '../session/liveClient';
import type { LiveYou } from '../session/liveStore';
import type { SendLiveCommand } from '../session/useLiveSession';
import { askNotificationPermission } from './notifyTurn';
import { myOpenEntries, turnOf } from './turn';

interface Props {
  state: LiveState;
  you: LiveYou;
  /** how the member joined; preselects the speaking mode */
  joinMode: SpeakingMode;
  send: SendLiveCommand;
}

/** The member's own controls: ask for the floor, take it back, point of order, department response. */
export function FloorActions({ state, you, joinMode, send }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<SpeakingMode>(joinMode);
  const [busy, setBusy] = useState<string | null>(null);
  const mine = myOpenEntries(state, you.userId);
  const turn = turnOf(state, you.userId);
  const position = positionOf(state, you.userId);
  const running = state.status === 'live' || state.status === 'paused';

  const run = async (key: string, command: LiveCommandInput) => {
    setBusy(key);
    try {
      await send(command);
    } finally {
      setBusy(null);
    }
  };
  const ask = (key: string, command: LiveCommandInput) => {
    askNotificationPermission();
    void run(key, command);
  };
  const withdraw = (e: LiveEntry) => void run(`withdraw-${e.id}`, { type: 'queue:withdraw', entryId: e.id });
  const speaking = turn === 'speaking' ? currentSpeaker(state) : null;

  const handBlocked = !running ? t(state.status === 'ended' ? 'live.floor.ended' : 'live.floor.notStarted') : !state.listOpen ? t('live.floor.listClosed') : null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="live-my-floor">
      <Stack gap="sm">
        <Text id="live-my-floor" fw={700} fz="lg">
          {statusLine(t, turn, position, mine)}
        </Text>

        {speaking && (
          <Button size="lg" color="dark" onClick={() => void run('finish', { type: 'queue:finish', entryId: speaking.id })} loading={busy === 'finish'}>
            {t('live.floor.finish')}
          </Button>
        )}

        {you.canRequestFloor && !mine.hand && (
          <>
            <SegmentedControl
              fullWidth
              value={mode}
              onChange={(v) => setMode(v as SpeakingMode)}
              aria-label={t('live.floor.modeLabel')}
              data={[
                { value: 'room', label: t('live.floor.modeRoom') },
                { value: 'remote', label: t('live.floor.modeRemote') },
              ]}
            />
            <Button
              size="xl"
              h={72}
              fullWidth
              leftSection={<IconHandStop size={28} aria-hidden />}
              disabled={handBlocked !== null}
              loading={busy === 'hand'}
              onClick={() => ask('hand', { type: 'queue:raise-hand', mode })}
            >
              {t('live.floor.raiseHand')}
            </Button>
            {handBlocked && (
              <Text size="sm" c="dimmed" ta="center">
                {handBlocked}
              </Text>
            )}
          </>
        )}

        {mine.withdrawable.map((e) => (
          <Button key={e.id} size="md" variant="outline" color="red" onClick={() => withdraw(e)} loading={busy === `withdraw-${e.id}`}>
            {t(`live.floor.withdraw.${e.kind}`)}
          </Button>
        ))}

        <Group grow gap="sm">
          {you.canRequestFloor && !mine.pointOfOrder && (
            <Button
              variant="light"
              color="red"
              leftSection={<IconGavel size={18} aria-hidden />}
              disabled={!running}
              loading={busy === 'poo'}
              onClick={() => ask('poo', { type: 'queue:point-of-order', mode })}
            >
              {t('live.floor.pointOfOrder')}
            </Button>
          )}
          {you.canRespond && !mine.response && (
            <Button
              variant="light"
              color="grape"
              leftSection={<IconMessageReply size={18} aria-hidden />}
              disabled={!running}
              loading={busy === 'respond'}
              onClick={() => {
                const current = currentSpeaker(state);
                ask('respond', { type: 'queue:request-response', mode, ...(current && { afterEntryId: current.id }) });
              }}
            >
              {t('live.floor.requestResponse')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function statusLine(
  t: TFunction,
  turn: ReturnType<typeof turnOf>,
  position: number | null,
  mine: ReturnType<typeof myOpenEntries>,
): string {
  if (turn === 'speaking') return t('live.floor.youAreSpeaking');
  if (turn === 'called') return t('live.turn.yourTurn');
  if (position === 1) return t('live.turn.youAreNext');
  if (position !== null) return t('live.floor.position', { position });
  if (mine.isPending(mine.pointOfOrder)) return t('live.floor.pointOfOrderPending');
  if (mine.isPending(mine.response)) return t('live.floor.responsePending');
  return t('live.floor.notQueued');
}
