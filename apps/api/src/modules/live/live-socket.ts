import type { Socket } from 'socket.io';
import type { SocketData } from '../realtime/socket-auth';

export const liveRoom = (meetingId: string) => `meeting:${meetingId}`;
/** Hosts of the meeting: they get the full presence list in large rooms. */
export const liveHostRoom = (meetingId: string) => `meeting:${meetingId}:hosts`;

/** A socket's place in one meeting's room; kept in socket.data so fetchSockets sees it on every instance. */
export interface LiveMembership {
  userId: string;
  name: string;
  sectorName: string | null;
  mode: 'room' | 'remote' | 'viewer';
  checkedIn: boolean;
  isHost: boolean;
  /** invited at join time; the rest of the access rules are derived again per command */
  invited: boolean;
}

export interface LiveSocketData extends SocketData {
  live?: Record<string, LiveMembership>;
}

/** What clients send: a payload (validated by the handler) and the ack callback. */
type Incoming = (payload: unknown, ack?: unknown) => void;
export interface LiveClientToServer {
  'live:join': Incoming;
  'live:command': Incoming;
  'live:sync': Incoming;
  'live:leave': Incoming;
}

export type LiveSocket = Socket<LiveClientToServer, Record<string, never>, Record<string, never>, LiveSocketData>;
