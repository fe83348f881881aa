import { useEffect, useState } from 'react';
import type { LiveTimer } from '@xieshang/contracts';
import { formatCountdown, msUntilNextChange, type CountdownView } from './countdown';

/** Re-render right after the displayed second changes (a few ms late), not on a fixed beat. */
export function useCountdown(timer: LiveTimer | null, offsetMs: number): CountdownView | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (timer === null) return;
    let id: ReturnType<typeof setTimeout>;
    const tick = () => {
      const n = Date.now();
      setNow(n);
      id = setTimeout(tick, Math.min(1_000, msUntilNextChange(formatCountdown(timer, n, offsetMs))) + 5);
    };
    id = setTimeout(tick, 0);
    return () => clearTimeout(id);
  }, [timer, offsetMs]);
  return timer === null ? null : formatCountdown(timer, now, offsetMs);
}

/** The server's clock, refreshed every `everyMs` (for running totals, not for countdowns). */
export function useServerNow(offsetMs: number, everyMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now + offsetMs;
}
