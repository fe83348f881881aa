import type { Namespace, Socket } from 'socket.io';
import type { SessionUser } from '@xieshang/contracts';
import { sessionTokenOf } from '../../common/request';
import type { AuthService } from '../auth/auth.service';

export interface SocketData {
  user: SessionUser;
  sessionId: string;
}
export type AuthedSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;

/**
 * socket.io middleware: the same session cookie as REST authenticates the connection.
 * A connection without a live session is refused with a coded error the client can show.
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
      const err = new Error('DB_UNAVAILABLE') as Error & { data?: unknown };
      err.data = { code: 'DB_UNAVAILABLE', message: 'The database is unavailable' };
      next(err);
    }
  };
}

export function applySocketAuth(server: Pick<Namespace, 'use'>, auth: AuthService) {
  server.use(socketAuthMiddleware(auth));
}
