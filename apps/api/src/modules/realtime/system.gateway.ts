import { OnGatewayConnection, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import { z } from 'zod';
import { AuthService } from '../auth/auth.service';
import { applySocketAuth, AuthedSocket } from './socket-auth';
import { handleCommand } from './socket-ack';
import { UserPush, userRoom } from './user-push';

/**
 * `/system`: the smallest authenticated namespace — who am I, the server clock that live timers
 * use to estimate the client's offset, and personal pushes (`notification`) to the room
 * `user:<id>` every socket of a user joins. Feature gateways follow the same pattern.
 */
@WebSocketGateway({ namespace: '/system' })
export class SystemGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(
    private readonly auth: AuthService,
    private readonly push: UserPush,
  ) {}

  afterInit(ns: Namespace) {
    applySocketAuth(ns, this.auth);
    this.push.attach(ns);
  }

  handleConnection(client: AuthedSocket) {
    // The auth middleware has run: only authenticated sockets get here.
    void client.join(userRoom(client.data.user.id));
  }

  @SubscribeMessage('session:whoami')
  whoami(client: AuthedSocket, payload: unknown) {
    return handleCommand(z.object({}).strict().optional(), payload, () => client.data.user);
  }

  @SubscribeMessage('clock:ping')
  ping(_client: AuthedSocket, payload: unknown) {
    return handleCommand(z.strictObject({ t0: z.number() }), payload, ({ t0 }) => ({ t0, serverNow: Date.now() }));
  }
}
