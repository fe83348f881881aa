import { OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import { z } from 'zod';
import { AuthService } from '../auth/auth.service';
import { applySocketAuth, AuthedSocket } from './socket-auth';
import { handleCommand } from './socket-ack';

/**
 * `/system`: the smallest authenticated namespace — who am I, and the server clock that live
 * timers use to estimate the client's offset. Feature gateways follow the same pattern.
 */
@WebSocketGateway({ namespace: '/system' })
export class SystemGateway implements OnGatewayInit {
  constructor(private readonly auth: AuthService) {}

  afterInit(ns: Namespace) {
    applySocketAuth(ns, this.auth);
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
