import { io, type Socket } from 'socket.io-client';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EventsMap = Record<string, (...args: any[]) => void>;

/**
 * One socket.io connection per namespace (`/live`, `/collab`), typed by the event maps the
 * contracts define for it. The session cookie authenticates it.
 */
export function connectNamespace<Listen extends EventsMap, Emit extends EventsMap>(
  namespace: `/${string}`,
  opts: { autoConnect?: boolean } = {},
): Socket<Listen, Emit> {
  return io(namespace, {
    path: '/socket.io',
    withCredentials: true,
    transports: ['websocket', 'polling'],
    autoConnect: opts.autoConnect ?? true,
  }) as unknown as Socket<Listen, Emit>;
}
