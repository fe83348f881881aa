import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MeetingRoutes } from '@xieshang/contracts';
import { api } from '../../lib/api';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
export const SETTINGS_KEY = ['settings'] as const;

/** The organisation's time zone: every date is stored UTC and shown in it. */
export function useOrgTimeZone(): string {
  const { data } = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: () => api(MeetingRoutes.getSettings),
    staleTime: 10 * 60_000,
  });
  return data?.timeZone ?? DEFAULT_TIME_ZONE;
}

export interface OrgTime {
  timeZone: string;
  /** 2026年3月5日 14:30 */
  dateTime: (iso: string | null | undefined) => string;
  /** 14:30 */
  time: (iso: string | null | undefined) => string;
  /** the calendar year of `now` in the organisation's zone */
  year: (at?: Date) => number;
}

/** A zone this browser knows, else the default: a bad setting must not break every page. */
function knownZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

export function orgTime(zone: string, locale: string): OrgTime {
  const timeZone = knownZone(zone);
  const dt = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
  const tm = new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'short', hourCycle: 'h23' });
  const yr = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' });
  const fmt = (f: Intl.DateTimeFormat) => (iso: string | null | undefined) => (iso ? f.format(new Date(iso)) : '—');
  return { timeZone, dateTime: fmt(dt), time: fmt(tm), year: (at = new Date()) => Number(yr.format(at)) };
}

/** Formatters bound to the organisation's zone and the UI language. */
export function useOrgTime(): OrgTime {
  const { i18n } = useTranslation();
  return orgTime(useOrgTimeZone(), i18n.language);
}
