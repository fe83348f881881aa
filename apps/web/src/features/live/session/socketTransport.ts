import type { Socket } from 'socket.io-client';
import { connectNamespace } from '../../../lib/socket';
import type { ClockTransport } from './clockSync';
import type { LiveTransport } from './liveClient';

type Listener = (payload?: unknown) => void;
/** socket.io's default, untyped event maps: payloads are validated with the contract schemas on arrival */
type Untyped = Socket;

/**
 * Reconnection with jittered backoff: 0.5 s, 1 s, 2 s … capped at 5 s, each ±50 %, so a hall full of
 * phones coming back after an api restart does not knock on the door in the same millisecond. Set on
 * the Manager, which socket.io shares between namespaces of the same origin.
 */
export function tuneReconnection(socket: Untyped): void {
  socket.io.reconnection(true);
  socket.io.reconnectionDelay(500);
  socket.io.reconnectionDelayMax(5_000);
  socket.io.randomizationFactor(0.5);
}

/** The socket as the live client and the clock sync need it (also used by the fault suite in Node). */
export function adaptSocket(socket: Untyped): LiveTransport & ClockTransport & { close(): void } {
  return {
    get connected() {
      return socket.connected;
    },
    on: (event: string, listener: Listener) => void socket.on(event, listener),
    off: (event: string, listener: Listener) => void socket.off(event, listener),
    request: (event: string, payload: unknown, timeoutMs: number) => socket.timeout(timeoutMs).emitWithAck(event, payload),
    close: () => void socket.disconnect(),
  };
}

export function openLiveSocket() {
  const socket = connectNamespace('/live') as Untyped;
  tuneReconnection(socket);
  return adaptSocket(socket);
}

export function openSystemSocket() {
  const socket = connectNamespace('/system') as Untyped;
  tuneReconnection(socket);
  return adaptSocket(socket);
}
