import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../../config/config';

/**
 * A reminder look that every instance runs on its own timer (REMINDER_INTERVAL_SECONDS). Subclasses find
 * what is due and notify with a dedupe key, so a reminder goes out once however many instances run.
 * Tests call runOnce themselves; a timer would race them.
 */
export abstract class PeriodicReminderJob implements OnApplicationBootstrap, OnModuleDestroy {
  protected abstract readonly log: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  protected constructor(private readonly jobConfig: AppConfig) {}

  /** One look for what is due at `now`; resolves with how many notifications were created. */
  protected abstract findAndNotify(now: Date): Promise<number>;

  onApplicationBootstrap(): void {
    if (this.jobConfig.NODE_ENV === 'test') return;
    this.timer = setInterval(() => void this.tick(), this.jobConfig.REMINDER_INTERVAL_SECONDS * 1000);
    // Reminders must never keep a finished process alive.
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.running) return; // the previous look is still going (slow database): skip this one
    try {
      await this.runOnce();
    } catch (e) {
      this.log.warn(`reminder run failed: ${(e as Error).message}`);
    }
  }

  /** One look for due reminders; returns how many notifications were created. */
  runOnce(now = new Date()): Promise<number> {
    const run = this.findAndNotify(now).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }
}
