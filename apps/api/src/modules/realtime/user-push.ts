import { Injectable, Logger } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { SystemServerEvents } from '@xieshang/contracts';

/** The room every authenticated `/system` socket of a user joins. */
export const userRoom = (userId: string) => `user:${userId}`;

/**
 * Pushes events to users on `/system`. It emits through the namespace, i.e. through its adapter,
 * so with the Redis adapter a user connected to another instance receives it too.
 */
@Injectable()
export class UserPush {
  private readonly log = new Logger(UserPush.name);
  private ns: Namespace | null = null;

  /** Called by SystemGateway once socket.io has created the namespace. */
  attach(ns: Namespace): void {
    this.ns = ns;
  }

  toUser<E extends keyof SystemServerEvents>(userId: string, event: E, ...args: Parameters<SystemServerEvents[E]>): void {
    if (!this.ns) return; // no socket server (e.g. a CLI context): nothing to push to
    try {
      this.ns.to(userRoom(userId)).emit(event, ...args);
    } catch (e) {
      // Pushing is best effort: the notification is already stored and listed.
      this.log.warn(`push ${event} to ${userId} failed: ${(e as Error).message}`);
    }
  }
}
