import { Logger } from '@nestjs/common';
import { AppException } from '../../common/app-exception';

/** Runs one remote check-in; true when the person is checked in afterwards. */
export type CheckIn = (meetingId: string, userId: string) => Promise<boolean>;

interface Job {
  meetingId: string;
  userId: string;
  /** called when the check-in landed */
  done: () => void;
}

/**
 * Remote check-ins of people joining online, off the join's critical path: the join is answered at
 * once, the check-ins run a few at a time behind it (a room filling up at the start of a meeting is
 * thousands of them), and `done` updates presence when each lands.
 */
export class RemoteCheckIns {
  private readonly log = new Logger('live');
  private readonly queue: Job[] = [];
  private readonly queued = new Set<string>();
  private running = 0;
  private stopped = false;

  constructor(
    private readonly checkIn: CheckIn,
    private readonly concurrency = 2,
  ) {}

  /** Queue a check-in (once per person and meeting while one is waiting). */
  add(meetingId: string, userId: string, done: () => void): void {
    const key = `${meetingId}:${userId}`;
    if (this.stopped || this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push({ meetingId, userId, done });
    this.pump();
  }

  /** Nothing new starts; those under way finish on their own. */
  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
  }

  private pump(): void {
    while (!this.stopped && this.running < this.concurrency && this.queue.length) {
      const job = this.queue.shift()!;
      this.running++;
      void this.run(job).finally(() => {
        this.running--;
        this.queued.delete(`${job.meetingId}:${job.userId}`);
        this.pump();
      });
    }
  }

  private async run({ meetingId, userId, done }: Job): Promise<void> {
    try {
      if (await this.checkIn(meetingId, userId)) done();
    } catch (err) {
      // a refusal (declined invitation, ended meeting) or the database away: the next join tries again
      if (err instanceof AppException) this.log.debug({ meetingId, userId, code: err.code }, 'remote check-in refused');
      else this.log.warn({ err, meetingId, userId }, 'remote check-in failed');
    }
  }
}
