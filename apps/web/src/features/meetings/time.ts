/*
 * Dates and times for meetings. Instants are stored UTC; people see them in the organisation's
 * time zone (settings.timeZone), whatever zone their own device is in. Calendar arithmetic works
 * on plain `YYYY-MM-DD` day keys so it never depends on the device's zone either.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, f);
  }
  return f;
}

/** A time zone the browser knows, else the default (a bad setting must not break every page). */
export function safeTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return DEFAULT_TIME_ZONE;
  try {
    partsFormat(timeZone);
    return timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

/** Wall-clock fields of an instant in a time zone. */
export function zonedParts(instant: string | number | Date, timeZone: string): ZonedParts {
  const date = instant instanceof Date ? instant : new Date(instant);
  const out: Record<string, number> = {};
  for (const p of partsFormat(timeZone).formatToParts(date)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute, second: out.second };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const keyOf = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** The calendar day (`YYYY-MM-DD`) an instant falls on in the zone. */
export function dayKey(instant: string | number | Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return keyOf(p.year, p.month, p.day);
}

export function todayKey(timeZone: string, now: Date = new Date()): string {
  return dayKey(now, timeZone);
}

/** Minutes since midnight in the zone (for placing a meeting on the week grid). */
export function minuteOfDay(instant: string | number | Date, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  return p.hour * 60 + p.minute;
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(epochMs: number, timeZone: string): number {
  const p = zonedParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * `YYYY-MM-DD HH:mm[:ss]` read as a wall-clock time in the zone → the UTC instant (ISO string).
 * Around a DST jump the first matching offset wins; China has no DST.
 */
export function wallToUtc(wall: string, timeZone: string): string {
  const m = WALL.exec(wall.trim());
  if (!m) throw new RangeError(`Not a wall-clock time: ${wall}`);
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1);
  const guess = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  let epoch = guess - offsetAt(guess, timeZone);
  const second = offsetAt(epoch, timeZone);
  if (guess - second !== epoch) epoch = guess - second;
  return new Date(epoch).toISOString();
}

/** The instant as `YYYY-MM-DD HH:mm:ss` in the zone (the value format of Mantine's pickers). */
export function utcToWall(instant: string | number | Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${keyOf(p.year, p.month, p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

// ---- day-key arithmetic (zone-free) ----

function parseKey(key: string): Date {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}
const toKey = (d: Date) => keyOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());

export function isDayKey(v: string | null | undefined): v is string {
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  return toKey(parseKey(v)) === v;
}

export function addDays(key: string, days: number): string {
  const d = parseKey(key);
  d.setUTCDate(d.getUTCDate() + days);
  return toKey(d);
}

/** Same day of month where possible, clamped to the month's last day (Jan 31 + 1 month → Feb 28). */
export function addMonths(key: string, months: number): string {
  const [y, m, d] = key.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return toKey(first);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(key: string): number {
  return (parseKey(key).getUTCDay() + 6) % 7;
}

export function startOfWeek(key: string): string {
  return addDays(key, -weekdayIndex(key));
}

export function startOfMonth(key: string): string {
  return `${key.slice(0, 7)}-01`;
}

export function sameMonth(a: string, b: string): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

/** Whole weeks (Monday first) covering the month of `key`. */
export function monthGrid(key: string): string[][] {
  const first = startOfMonth(key);
  const nextMonth = addMonths(first, 1);
  const weeks: string[][] = [];
  for (let day = startOfWeek(first); day < nextMonth; day = addDays(day, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)));
  }
  return weeks;
}

export function weekDays(key: string): string[] {
  const monday = startOfWeek(key);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Day keys from the day `startsAt` falls on to the day the meeting's last minute falls on. */
export function daysSpanned(startsAt: string, endsAt: string, timeZone: string, cap = 14): string[] {
  const first = dayKey(startsAt, timeZone);
  const lastInstant = Math.max(Date.parse(startsAt), Date.parse(endsAt) - 1);
  const last = dayKey(lastInstant, timeZone);
  const days = [first];
  while (days.length < cap && days[days.length - 1] < last) days.push(addDays(days[days.length - 1], 1));
  return days;
}

// ---- display ----

const displayFormats = new Map<string, Intl.DateTimeFormat>();
function display(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = displayFormats.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    displayFormats.set(id, f);
  }
  return f;
}

export function formatTime(instant: string, timeZone: string, locale: string): string {
  return display(locale, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

export function formatDateTime(instant: string, timeZone: string, locale: string): string {
  return display(locale, timeZone, { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}

/** "2026年11月24日 周二 09:00–11:30", or with both dates when the meeting runs over midnight. */
export function formatRange(startsAt: string, endsAt: string, timeZone: string, locale: string): string {
  const sameDay = dayKey(startsAt, timeZone) === dayKey(endsAt, timeZone);
  const end = sameDay ? formatTime(endsAt, timeZone, locale) : formatDateTime(endsAt, timeZone, locale);
  return `${formatDateTime(startsAt, timeZone, locale)}–${end}`;
}

/** A day key for people: "2026年11月24日 星期二" / "Tue, Nov 24, 2026". */
export function formatDay(key: string, locale: string, options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }): string {
  return display(locale, 'UTC', options).format(parseKey(key));
}

/** Short weekday names, Monday first. */
export function weekdayNames(locale: string, style: 'short' | 'narrow' | 'long' = 'short'): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => formatDay(addDays('2024-01-01', i), locale, { weekday: style }));
}
