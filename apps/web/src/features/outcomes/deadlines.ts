/** Deadlines are calendar dates (YYYY-MM-DD) in the organisation's time zone; "today" must be read there too. */

const DAY_MS = 86_400_000;

/** Today's date in `timeZone` as YYYY-MM-DD (en-CA formats dates that way). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const dayNumber = (isoDate: string) => Math.round(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/** Whole days from `today` to `deadline`: 0 = due today, negative = that many days late. */
export function daysLeft(deadline: string, today: string): number {
  return dayNumber(deadline) - dayNumber(today);
}

export type DeadlineTone = 'done' | 'overdue' | 'due_soon' | 'open';

/** How a deadline reads on a list: late, due within `soonDays`, or comfortably open. Answered ones are done. */
export function deadlineTone(deadline: string | null, today: string, answered: boolean, soonDays = 7): DeadlineTone {
  if (answered) return 'done';
  if (!deadline) return 'open';
  const left = daysLeft(deadline, today);
  if (left < 0) return 'overdue';
  if (left <= soonDays) return 'due_soon';
  return 'open';
}

/** A calendar date for reading: "2026年11月30日" / "Nov 30, 2026". The date has no zone, so format it as UTC. */
export function formatDay(isoDate: string | null | undefined, locale: string): string {
  if (!isoDate) return '—';
  const at = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
}
