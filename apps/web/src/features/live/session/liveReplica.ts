import type { LiveCatchUp, LiveEvent, LiveState } from '@xieshang/contracts';
import { applyEvent } from '@xieshang/domain';

/**
 * What happened to the replica after taking in events:
 * - `ok`: up to date with everything received;
 * - `gap`: an event arrived ahead of the next version; the missing ones must be fetched (`live:sync`);
 * - `diverged`: the shared reducer refused an event in order, or events came with no base state; only a
 *   fresh snapshot helps.
 */
export type ReplicaOutcome = 'ok' | 'gap' | 'diverged';

/** Events held back while a gap is being filled; beyond this a snapshot is cheaper. */
const MAX_HELD = 500;

/**
 * The client's copy of the live state. It applies the server's deltas with the same reducer the
 * server uses, strictly in version order; events that arrive early wait in `held` until the
 * missing ones come in through a catch-up.
 */
export class LiveReplica {
  private current: LiveState | null = null;
  private readonly held = new Map<number, LiveEvent>();

  get state(): LiveState | null {
    return this.current;
  }

  get version(): number | undefined {
    return this.current?.version;
  }

  /** Events are waiting for a missing earlier one. */
  get hasGap(): boolean {
    return this.current !== null && this.held.size > 0;
  }

  /** Forget everything (the next join asks for a snapshot). */
  reset(): void {
    this.current = null;
    this.held.clear();
  }

  /** One broadcast delta. Before the first snapshot every event waits. */
  receive(event: LiveEvent): ReplicaOutcome {
    if (this.current !== null && event.version <= this.current.version) return 'ok';
    this.held.set(event.version, event);
    if (this.held.size > MAX_HELD) {
      this.held.clear();
      return 'diverged';
    }
    return this.drain();
  }

  /** The answer of `live:join` or `live:sync`. */
  catchUp(c: LiveCatchUp): ReplicaOutcome {
    if (c.kind === 'snapshot') {
      // the snapshot's own version wins over whatever the state object says
      this.current = { ...c.snapshot.state, version: c.snapshot.version };
      return this.drain();
    }
    if (this.current === null) return 'diverged';
    for (const e of c.events) if (e.version > this.current.version) this.held.set(e.version, e);
    return this.drain();
  }

  /** Apply held events while the next version is there. */
  private drain(): ReplicaOutcome {
    if (this.current === null) return this.held.size > 0 ? 'gap' : 'ok';
    for (const v of [...this.held.keys()]) if (v <= this.current.version) this.held.delete(v);
    for (let next = this.held.get(this.current.version + 1); next; next = this.held.get(this.current.version + 1)) {
      this.held.delete(next.version);
      const r = applyEvent(this.current, next);
      if (r.error) {
        this.held.clear();
        return 'diverged';
      }
      this.current = r.state;
    }
    return this.held.size > 0 ? 'gap' : 'ok';
  }
}
