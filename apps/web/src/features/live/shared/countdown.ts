import type { LiveTimer } from '@xieshang/contracts';
import { timerRemainingMs } from '@xieshang/domain';

/** The last minute is a warning; after zero the clock keeps counting up, it never cuts anyone off. */
export const WARNING_MS = 60_000;

export type CountdownPhase = 'normal' | 'warning' | 'overtime';

export interface CountdownView {
  /** `07:59`, or `+01:05` in overtime */
  text: string;
  phase: CountdownPhase;
  paused: boolean;
  /** signed: negative in overtime */
  remainingMs: number;
  minutes: number;
  seconds: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Format a server-clock timer for a client whose clock is `offsetMs` behind the server's
 * (serverNow = localNow + offsetMs). Remaining time rounds up (a fresh 8-minute timer shows 08:00 and
 * 00:01 in its last second); overtime rounds down (+00:00 for the first second over).
 */
export function formatCountdown(timer: LiveTimer, localNow: number, offsetMs: number): CountdownView {
  const remainingMs = timerRemainingMs(timer, localNow + offsetMs) ?? 0;
  const overtime = remainingMs <= 0;
  const totalSeconds = overtime ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return {
    text: `${overtime ? '+' : ''}${pad(minutes)}:${pad(seconds)}`,
    phase: overtime ? 'overtime' : remainingMs <= WARNING_MS ? 'warning' : 'normal',
    paused: timer.pausedAt !== undefined,
    remainingMs,
    minutes,
    seconds,
  };
}

/** Milliseconds until the displayed text changes, so a ticker can wake exactly then. */
export function msUntilNextChange(view: CountdownView): number {
  if (view.paused) return Number.POSITIVE_INFINITY;
  const r = view.remainingMs;
  const step = r > 0 ? ((r - 1) % 1000) + 1 : 1000 - (-r % 1000);
  return Math.max(1, step);
}

/** Minutes and seconds for the timer's accessible name, e.g. "7 分 59 秒". */
export const durationParts = (ms: number) => {
  const s = Math.round(Math.abs(ms) / 1000);
  return { minutes: Math.floor(s / 60), seconds: s % 60 };
};
