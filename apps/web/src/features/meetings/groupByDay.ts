import type { MeetingSummary } from '@xieshang/contracts';
import { daysSpanned } from './time';

/** Meetings per calendar day in the zone; a meeting past midnight appears on each day it touches. */
export function groupByDay(meetings: readonly MeetingSummary[], timeZone: string): Map<string, MeetingSummary[]> {
  const byDay = new Map<string, MeetingSummary[]>();
  const sorted = [...meetings].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const m of sorted) {
    for (const day of daysSpanned(m.startsAt, m.endsAt, timeZone)) {
      const list = byDay.get(day);
      if (list) list.push(m);
      else byDay.set(day, [m]);
    }
  }
  return byDay;
}
