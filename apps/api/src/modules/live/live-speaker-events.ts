import { Injectable, Logger, Module } from '@nestjs/common';
import type { LiveState } from '@xieshang/contracts';

/** After a committed batch that changed the queue's entries: the meeting's new state. */
export interface LiveEntriesChanged {
  meetingId: string;
  state: LiveState;
}

export type LiveEntriesListener = (change: LiveEntriesChanged) => void | Promise<void>;

/**
 * Lets other modules hear, after COMMIT, that speakers were called, started or finished, without the live
 * module knowing who listens (the documents module fills the minutes' speaking log from it). Listeners run
 * after the acks and the broadcast are on their way; a failing listener is logged and never affects a command.
 */
@Injectable()
export class LiveSpeakerEvents {
  private readonly log = new Logger('live-speaker-events');
  private readonly listeners = new Set<LiveEntriesListener>();

  /** Returns a function that removes the listener. */
  on(listener: LiveEntriesListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: LiveEntriesChanged): void {
    for (const listener of this.listeners) {
      try {
        void Promise.resolve(listener(change)).catch((err: unknown) => this.log.error({ err, meetingId: change.meetingId }, 'live entries listener failed'));
      } catch (err) {
        this.log.error({ err, meetingId: change.meetingId }, 'live entries listener failed');
      }
    }
  }
}

/** Own module so the live module and its listeners share one registry without importing each other. */
@Module({ providers: [LiveSpeakerEvents], exports: [LiveSpeakerEvents] })
export class LiveSpeakerEventsModule {}
