import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { LiveCommandResult } from '@xieshang/contracts';
import { ackErrorText } from './ackErrorText';
import { ClockSync } from './clockSync';
import { LiveClient, type LiveCommandInput, type LiveJoinMode } from './liveClient';
import { LiveStore, type LiveAck, type LiveView } from './liveStore';
import { openLiveSocket, openSystemSocket } from './socketTransport';

export type SendLiveCommand = (command: LiveCommandInput) => Promise<LiveAck<LiveCommandResult>>;

export interface LiveSession extends LiveView {
  send: SendLiveCommand;
}

/**
 * Join a meeting's live session and keep a replica of its state. `mode` null waits (the member has
 * not said yet whether they are in the room or remote). Refused commands are shown as toasts and
 * also returned, so a screen can show them next to the control.
 */
export function useLiveSession(meetingId: string, mode: LiveJoinMode | null): LiveSession {
  const { t } = useTranslation();
  // one store per meeting: it outlives reconnects and mode switches
  const store = useMemo(() => new LiveStore(meetingId), [meetingId]);
  const clientRef = useRef<LiveClient | null>(null);

  useEffect(() => {
    if (mode === null) return;
    const socket = openLiveSocket();
    const client = new LiveClient(socket, store, mode);
    clientRef.current = client;
    client.start();
    return () => {
      client.stop();
      clientRef.current = null;
      socket.close();
    };
  }, [store, mode]);

  useEffect(() => {
    // `/system` is shared with other features (socket.io reuses one socket per namespace): we only
    // stop listening, we never disconnect it
    const clock = new ClockSync(openSystemSocket(), (clockOffsetMs) => store.set({ clockOffsetMs }));
    clock.start();
    return () => clock.stop();
  }, [store]);

  const view = useSyncExternalStore(store.subscribe, store.getSnapshot);

  const send = useCallback<SendLiveCommand>(
    async (command) => {
      const client = clientRef.current;
      const ack: LiveAck<LiveCommandResult> = client ? await client.send(command) : { error: { code: 'NETWORK', message: '' } };
      if ('error' in ack) {
        notifications.show({ color: 'red', title: t('live.errors.refused'), message: ackErrorText(t, ack.error), autoClose: 6_000 });
      }
      return ack;
    },
    [t],
  );

  return useMemo(() => ({ ...view, send }), [view, send]);
}
