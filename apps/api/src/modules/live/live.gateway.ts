import { BeforeApplicationShutdown } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import {
  LiveCommandRequest,
  type Ack,
  LiveJoinRequest,
  LiveLeaveRequest,
  LiveSyncRequest,
  type LiveCatchUp,
  type LiveCommand,
  type LiveCommandResult,
  type LiveJoinResult,
} from '@xieshang/contracts';
import { z } from 'zod';
import { AppException } from '../../common/app-exception';
import { AttendanceService } from '../attendance/attendance.service';
import { AuthService } from '../auth/auth.service';
import { applySocketAuth } from '../realtime/socket-auth';
import { handleCommand, replyWith } from '../realtime/socket-ack';
import { RemoteCheckIns } from './live-check-in';
import { commandRefusal, joinRefusal, liveAccess, liveActor } from './live-access';
import { LiveDirectory } from './live-directory';
import { LivePresenceService } from './live-presence.service';
import { liveHostRoom, liveRoom, type LiveClientToServer, type LiveMembership, type LiveSocket } from './live-socket';
import { withDirectoryNames } from './live-speaker';
import { LiveService } from './live.service';

type JoinRequest = z.output<typeof LiveJoinRequest>;

/**
 * `/live`: one room per meeting. Every event is validated with its contract schema and answered with
 * the ack envelope; commands are acknowledged only once committed (LiveService).
 *
 * Handlers are bound with plain `socket.on` rather than @SubscribeMessage: Nest builds an rxjs pipeline
 * per socket and per message, which costs kilobytes per idle connection in a room of thousands.
 */
@WebSocketGateway({ namespace: '/live' })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, BeforeApplicationShutdown {
  private readonly checkIns = new RemoteCheckIns((meetingId, userId) => this.checkInRemote(meetingId, userId));

  constructor(
    private readonly auth: AuthService,
    private readonly live: LiveService,
    private readonly presence: LivePresenceService,
    private readonly directory: LiveDirectory,
    private readonly attendance: AttendanceService,
  ) {}

  afterInit(ns: Namespace) {
    applySocketAuth(ns, this.auth);
    this.live.attach(ns);
    this.presence.attach(ns);
  }

  handleConnection(socket: LiveSocket) {
    const on = (event: keyof LiveClientToServer, handle: (payload: unknown) => Promise<Ack<unknown>>) =>
      socket.on(event, (payload: unknown, ack?: unknown) => {
        // an ack callback sent without a payload arrives in the payload's place
        if (typeof payload === 'function' && ack === undefined) [payload, ack] = [undefined, payload];
        void handle(payload).then((result) => replyWith(ack, result));
      });
    on('live:join', (p) => this.join(socket, p));
    on('live:command', (p) => this.command(socket, p));
    on('live:sync', (p) => this.sync(socket, p));
    on('live:leave', (p) => this.leave(socket, p));
  }

  /** Shutting down: queued check-ins are dropped (the next join queues them again). */
  beforeApplicationShutdown() {
    this.checkIns.stop();
  }

  handleDisconnect(socket: LiveSocket) {
    for (const meetingId of Object.keys(socket.data.live ?? {})) this.presence.schedule(meetingId);
  }

  join(socket: LiveSocket, payload: unknown) {
    return handleCommand(LiveJoinRequest, payload, (req) => this.joinRoom(socket, req));
  }

  command(socket: LiveSocket, payload: unknown) {
    return handleCommand(LiveCommandRequest, payload, ({ meetingId, command }) => this.runCommand(socket, meetingId, command));
  }

  sync(socket: LiveSocket, payload: unknown) {
    return handleCommand(LiveSyncRequest, payload, ({ meetingId, sinceVersion }): Promise<LiveCatchUp> => {
      this.membership(socket, meetingId);
      return this.live.catchUp(meetingId, sinceVersion);
    });
  }

  leave(socket: LiveSocket, payload: unknown) {
    return handleCommand(LiveLeaveRequest, payload, async ({ meetingId }) => {
      await this.leaveRoom(socket, meetingId);
      return { left: true as const };
    });
  }

  private async joinRoom(socket: LiveSocket, req: JoinRequest): Promise<LiveJoinResult> {
    const { user } = socket.data;
    const meeting = await this.directory.meeting(req.meetingId);
    const invitee = await this.directory.invitee(req.meetingId, user.id);
    const access = liveAccess(user, meeting, invitee !== null);
    const refusal = joinRefusal(user, meeting, access);
    if (refusal) throw new AppException(refusal.code, refusal.params);

    const checkedIn = invitee?.checkedIn ?? false;
    const me = await this.directory.person(user.id);
    const membership: LiveMembership = {
      userId: user.id,
      name: user.name,
      sectorName: me?.sectorName ?? null,
      mode: req.mode,
      checkedIn,
      isHost: access.isHost,
      invited: access.invited,
    };
    socket.data.live = { ...socket.data.live, [req.meetingId]: membership };
    // in the room before reading the state: whatever commits after the read reaches this client as an event
    await socket.join(liveRoom(req.meetingId));
    if (access.isHost) await socket.join(liveHostRoom(req.meetingId));
    else await socket.leave(liveHostRoom(req.meetingId));
    let catchUp: LiveCatchUp;
    try {
      catchUp = await this.live.catchUp(req.meetingId, req.sinceVersion);
    } catch (err) {
      await this.leaveRoom(socket, req.meetingId);
      throw err;
    }
    if (req.mode === 'remote' && invitee && !checkedIn) {
      // answered now; the check-in follows, and presence shows it when it lands
      this.checkIns.add(req.meetingId, user.id, () => {
        membership.checkedIn = true;
        this.directory.markCheckedIn(req.meetingId, user.id);
        this.presence.schedule(req.meetingId);
      });
    }
    this.presence.schedule(req.meetingId);
    return {
      catchUp,
      serverNow: Date.now(),
      you: { userId: user.id, isHost: access.isHost, canRequestFloor: access.canRequestFloor, canRespond: access.canRespond, departmentId: user.departmentId },
      ...this.presence.view(req.meetingId, access.isHost),
    };
  }

  /** Joining online counts as remote check-in (H2's AttendanceService); a refusal leaves the person unchecked. */
  private async checkInRemote(meetingId: string, userId: string): Promise<boolean> {
    const invitation = await this.attendance.checkInRemote(meetingId, userId);
    return invitation?.state === 'checked_in' || Boolean(invitation?.checkInMode);
  }

  private async runCommand(socket: LiveSocket, meetingId: string, command: LiveCommand): Promise<LiveCommandResult> {
    const { user } = socket.data;
    const joined = socket.data.live?.[meetingId];
    if (!joined) return this.beforeJoin(meetingId, command, user.id);
    // the host may have been changed since the join: derive it again (cached for seconds)
    const access = liveAccess(user, await this.directory.meeting(meetingId), joined.invited);
    const refusal = commandRefusal(command, access);
    if (refusal) throw new AppException(refusal);
    const named = await withDirectoryNames(command, user.id, (id) => this.directory.person(id));
    return this.live.submit(meetingId, named, liveActor(user, access), user);
  }

  /**
   * A command before this connection's join is refused, except the retry of one already stored: after a
   * reconnect socket.io sends what it buffered, and the client resends an unanswered command with the same
   * id, before the app has joined again. Refusing that retry would answer FORBIDDEN for a command that was
   * applied (a false refusal); it is answered with its version, as a retry on a joined connection is.
   */
  private async beforeJoin(meetingId: string, command: LiveCommand, userId: string): Promise<LiveCommandResult> {
    const version = await this.live.storedVersion(meetingId, command.clientCommandId, userId);
    if (version === null) throw new AppException('FORBIDDEN', { reason: 'not_joined' });
    return { version };
  }

  private membership(socket: LiveSocket, meetingId: string): LiveMembership {
    const m = socket.data.live?.[meetingId];
    if (!m) throw new AppException('FORBIDDEN', { reason: 'not_joined' });
    return m;
  }

  private async leaveRoom(socket: LiveSocket, meetingId: string): Promise<void> {
    if (socket.data.live?.[meetingId]) {
      const { [meetingId]: _left, ...rest } = socket.data.live;
      socket.data.live = rest;
    }
    await socket.leave(liveRoom(meetingId));
    await socket.leave(liveHostRoom(meetingId));
    this.presence.schedule(meetingId);
  }
}
