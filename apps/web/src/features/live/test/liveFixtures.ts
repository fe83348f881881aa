import type { LiveActor, LiveCommand, LiveEvent, LiveState } from '@xieshang/contracts';
import { initialLiveState, reduce, toEvent } from '@xieshang/domain';

/** Real reducer states and events for the live screens' specs: no hand-written state shapes. */
export const uid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const MEETING_ID = uid(0xa000);
export const T0 = Date.UTC(2026, 2, 5, 1, 0, 0);
export const host: LiveActor = { id: uid(1), roles: ['chair'], isHost: true };
export const memberActor = (n: number, name = `委员${n}`): LiveActor & { name: string } => ({ id: uid(n), roles: ['member'], isHost: false, name });

type CommandInput = LiveCommand extends infer C ? (C extends LiveCommand ? Omit<C, 'clientCommandId'> : never) : never;

/** A session driven through the shared reducer; every accepted command is kept as the server's event. */
export class LiveScript {
  state: LiveState;
  readonly events: LiveEvent[] = [];
  private seq = 0;
  at = T0;

  constructor(agendaTitles: string[] = ['情况通报', '交流发言']) {
    this.state = initialLiveState({
      meetingId: MEETING_ID,
      agenda: agendaTitles.map((title, i) => ({ id: uid(0xb000 + i), title, kind: i === 0 ? 'briefing' : 'arranged_speeches' })),
      arranged: [],
      speakingLimitMs: 8 * 60_000,
      createdAt: T0,
    });
  }

  /** Apply a command as `actor` one second after the previous one; throws when the reducer refuses it. */
  run(actor: LiveActor, input: CommandInput, stepMs = 1_000): LiveEvent {
    this.seq += 1;
    this.at += stepMs;
    const command = { ...input, clientCommandId: uid(0xc000 + this.seq) } as LiveCommand;
    const creates = ['queue:raise-hand', 'queue:point-of-order', 'queue:request-response', 'queue:insert-response', 'queue:add-reply', 'queue:re-add'];
    const ctx = { actor, at: this.at, ...(creates.includes(command.type) && { entryId: uid(0xd000 + this.seq) }) };
    const r = reduce(this.state, command, ctx);
    if (r.error) throw new Error(`${command.type} refused: ${r.error.code}`);
    const event = toEvent(command, ctx, r.state.version);
    this.state = r.state;
    this.events.push(event);
    return event;
  }

  /** A member raises a hand (the server fills in the directory name before applying). */
  raise(m: LiveActor & { name: string }, mode: 'room' | 'remote' = 'room'): LiveEvent {
    return this.run(m, { type: 'queue:raise-hand', mode, name: m.name });
  }

  entryOf(memberId: string) {
    const e = [...this.state.entries].reverse().find((x) => x.memberId === memberId);
    if (!e) throw new Error(`no entry for ${memberId}`);
    return e;
  }
}
