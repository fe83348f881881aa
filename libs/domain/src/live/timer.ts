import type { LiveTimer } from '@xieshang/contracts';

export function startTimer(at: number, durationMs: number, entryId?: string): LiveTimer {
  return { startedAt: at, durationMs, elapsedBeforePauseMs: 0, ...(entryId !== undefined && { entryId }) };
}

export const isTimerRunning = (t: LiveTimer | null): t is LiveTimer => t !== null && t.pausedAt === undefined;

/** Time spoken so far; a clock that went backwards counts as no time, never as negative time. */
export function timerElapsedMs(t: LiveTimer, now: number): number {
  return t.elapsedBeforePauseMs + Math.max(0, (t.pausedAt ?? now) - t.startedAt);
}

/** Negative means overtime: the timer shows it, it never cuts a speaker off. */
export function timerRemainingMs(t: LiveTimer | null, now: number): number | null {
  return t === null ? null : t.durationMs - timerElapsedMs(t, now);
}

export function pauseTimer(t: LiveTimer, at: number): LiveTimer {
  return { ...t, pausedAt: Math.max(at, t.startedAt) };
}

export function resumeTimer(t: LiveTimer, at: number): LiveTimer {
  const { pausedAt, ...rest } = t;
  const stretch = Math.max(0, (pausedAt ?? at) - t.startedAt);
  return { ...rest, startedAt: at, elapsedBeforePauseMs: t.elapsedBeforePauseMs + stretch };
}

export function extendTimer(t: LiveTimer, ms: number): LiveTimer {
  return { ...t, durationMs: t.durationMs + ms };
}
