import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Wall-clock time (HH:mm:ss) of a server epoch in the organisation's time zone. */
export function useClockTime(timeZone: string | undefined): (epochMs: number) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const fmt = new Intl.DateTimeFormat(i18n.language, {
      timeZone: timeZone || DEFAULT_TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    return (ms: number) => fmt.format(ms);
  }, [i18n.language, timeZone]);
}

/** `m:ss` of a duration, for logs and totals. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
