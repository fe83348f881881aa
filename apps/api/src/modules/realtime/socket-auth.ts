import type { Namespace, Socket } from 'socket.io';
import type { SessionUser } from '@xieshang/contracts';
import { sessionTokenOf } from '../../common/request';
import type { AuthService } from '../auth/auth.service';

export interface SocketData {
  user: SessionUser;
  sessionId: string;
}
export type AuthedSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;

/** How long a connection waits before its transport is dropped while the database is down (doubled at most). */
const DB_DOWN_RETRY_PAUSE_MS = 500;

/**
 * socket.io middleware: the same session cookie as REST authenticates the connection.
 * A connection without a live session is refused with a coded error the client can show; while the
 * database is down the transport is dropped instead, so the client retries by itself.
 */
export function socketAuthMiddleware(auth: AuthService) {
  return async (socket: Socket, next: (err?: Error) => void) => {
    try {
      const session = await auth.authenticate(sessionTokenOf(socket.handshake.headers.cookie));
      if (!session) {
        const err = new Error('UNAUTHENTICATED') as Error & { data?: unknown };
        err.data = { code: 'UNAUTHENTICATED', message: 'Please log in' };
        return next(err);
      }
      socket.data = { user: session.user, sessionId: session.sessionId } satisfies SocketData;
      next();
    } catch {
      // The database is away. A refused CONNECT would make the socket.io client give up for good (it retries
      // lost transports, never refusals): a phone that (re)connects during an outage would stay offline until
      // reloaded. Drop the transport instead, after a short jittered pause so clients do not spin; their own
      // backoff brings them back, and they connect once PostgreSQL is back. (socket.io ignores `next` once the
      // transport is closed; it is called to keep the middleware contract.)
      setTimeout(() => {
        socket.conn.close();
        const err = new Error('DB_UNAVAILABLE') as Error & { data?: unknown };
        err.data = { code: 'DB_UNAVAILABLE', message: 'The database is unavailable' };
        next(err);
      }, DB_DOWN_RETRY_PAUSE_MS * (1 + Math.random()));
    }
  };
}

export function applySocketAuth(server: Pick<Namespace, 'use'>, auth: AuthService) {
  server.use(socketAuthMiddleware(auth));
}
