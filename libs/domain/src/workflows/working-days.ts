/**
 * Working-day arithmetic on `YYYY-MM-DD` strings for notice and materials periods. Dates are
 * calendar days in the organisation's own calendar, so there are no time zones here.
 * `holidays` are public holidays; `makeupWorkdays` are weekend days declared working days
 * (调休), which China uses to bridge holidays — a makeup day wins over a weekend.
 */
const DAY_MS = 86_400_000;

function toDayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const day = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : NaN;
  // Date.UTC rolls 02-30 over to March; round-tripping catches it.
  if (!m || fromDayNumber(day) !== date) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return day;
}

function fromDayNumber(day: number): string {
  return Number.isFinite(day) ? new Date(day * DAY_MS).toISOString().slice(0, 10) : '';
}

function isWorkingDayNumber(day: number, holidays: ReadonlySet<string>, makeup: ReadonlySet<string>): boolean {
  const date = fromDayNumber(day);
  if (makeup.has(date)) return true;
  if (holidays.has(date)) return false;
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

const NONE: ReadonlySet<string> = new Set();

export function isWorkingDay(date: string, holidays: ReadonlySet<string>, makeupWorkdays: ReadonlySet<string> = NONE): boolean {
  return isWorkingDayNumber(toDayNumber(date), holidays, makeupWorkdays);
}

/**
 * The date `n` working days after `date` (before it when n < 0); `date` itself is not counted,
 * and n = 0 returns it unchanged. "Notice 15 working days before the meeting" is
 * addWorkingDays(meetingDate, -15, …).
 */
export function addWorkingDays(
  date: string,
  n: number,
  holidays: ReadonlySet<string>,
  makeupWorkdays: ReadonlySet<string> = NONE,
): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  let day = toDayNumber(date);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorkingDayNumber(day, holidays, makeupWorkdays)) left--;
  }
  return fromDayNumber(day);
}

/**
 * Working days in (a, b]: after `a`, up to and including `b`; when b is before a, minus the count
 * in (b, a]. For n ≥ 0, workingDaysBetween(a, addWorkingDays(a, n)) === n; a notice sent on `a`
 * for a meeting on `b` gives workingDaysBetween(a, b) days' notice, counting the meeting day.
 */
export function workingDaysBetween(
  a: string,
  b: string,
  holidays: ReadonlySet<string>,
  makeupWorkdays: ReadonlySet<string> = NONE,
): number {
  const from = toDayNumber(a);
  const to = toDayNumber(b);
  const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = lo + 1; day <= hi; day++) if (isWorkingDayNumber(day, holidays, makeupWorkdays)) count++;
  return count === 0 ? 0 : sign * count; // never -0
}
