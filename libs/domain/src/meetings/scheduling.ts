import type { MeetingState, SchedulingWarning } from '@xieshang/contracts';
import { isWorkingDay, workingDaysBetween } from '../workflows/working-days';

/**
 * Scheduling warnings (issue 4): the notice and materials periods of the meeting type in working
 * days, meetings on days off, and people, venues or hosts booked twice. Warnings never block saving;
 * the office decides. Everything here is pure: the api loads the candidates, these rules judge them.
 */

/** The organisation's calendar: its time zone and the holiday list with makeup working days (调休). */
export interface WorkingCalendar {
  timeZone: string;
  holidays: ReadonlySet<string>;
  makeupWorkdays: ReadonlySet<string>;
}

export interface Interval {
  startsAt: Date | string;
  endsAt: Date | string;
}

const ms = (d: Date | string) => (typeof d === 'string' ? Date.parse(d) : d.getTime());

/**
 * Half-open intervals: a meeting ending at 10:00 and one starting at 10:00 do not overlap, so
 * back-to-back sessions in one room are fine.
 */
export function intervalsOverlap(a: Interval, b: Interval): boolean {
  return ms(a.startsAt) < ms(b.endsAt) && ms(b.startsAt) < ms(a.endsAt);
}

/** The calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDate(instant: Date | string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(ms(instant)));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Notice goes out with the invitation (`notify`); later states have given it already. */
const BEFORE_NOTICE: readonly MeetingState[] = ['planned', 'preparing'];
/** Materials count as sent from `materials_sent` on. */
const BEFORE_MATERIALS: readonly MeetingState[] = ['planned', 'preparing', 'notified'];
/** Past, cancelled or running meetings are not scheduled any more: no warnings. */
const SCHEDULABLE: readonly MeetingState[] = ['planned', 'preparing', 'notified', 'materials_sent'];

export function isSchedulable(state: MeetingState): boolean {
  return SCHEDULABLE.includes(state);
}

export interface PeriodCheck {
  startsAt: Date | string;
  /** the moment of the check (the notice or materials would go out today) */
  now: Date | string;
  state: MeetingState;
  noticeWorkingDays: number;
  materialsWorkingDays: number;
}

/**
 * notice_period and materials_period compare the working days from today to the meeting day
 * (counting the meeting day, see workingDaysBetween) with the type's requirement; non_working_day
 * flags a meeting on a weekend or holiday that is not a makeup working day.
 */
export function periodWarnings(m: PeriodCheck, cal: WorkingCalendar): SchedulingWarning[] {
  if (!isSchedulable(m.state)) return [];
  const today = localDate(m.now, cal.timeZone);
  const day = localDate(m.startsAt, cal.timeZone);
  const warnings: SchedulingWarning[] = [];
  const actual = Math.max(0, workingDaysBetween(today, day, cal.holidays, cal.makeupWorkdays));
  if (BEFORE_NOTICE.includes(m.state) && actual < m.noticeWorkingDays) {
    warnings.push({ rule: 'notice_period', params: { required: m.noticeWorkingDays, actual } });
  }
  if (BEFORE_MATERIALS.includes(m.state) && actual < m.materialsWorkingDays) {
    warnings.push({ rule: 'materials_period', params: { required: m.materialsWorkingDays, actual } });
  }
  if (!isWorkingDay(day, cal.holidays, cal.makeupWorkdays)) warnings.push({ rule: 'non_working_day', params: { date: day } });
  return warnings;
}

/** Another non-cancelled meeting that may clash with the one being scheduled. */
export interface BookedMeeting extends Interval {
  id: string;
  title: string;
  venue: string | null;
  hostId: string | null;
  inviteeIds: readonly string[];
}

export interface DraftBooking extends Interval {
  /** absent for a meeting not saved yet */
  id?: string | null;
  venue: string | null;
  hostId: string | null;
  inviteeIds: readonly string[];
}

/** How many names a member_double_booked warning spells out. */
export const DOUBLE_BOOKED_NAMES = 5;

/** Venues match ignoring case and spacing: "政协二楼 会议室" is "政协二楼会议室". */
export function sameVenue(a: string | null, b: string | null): boolean {
  const norm = (v: string | null) => (v ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return norm(a) !== '' && norm(a) === norm(b);
}

/**
 * One warning per clash and clashing meeting: invitees invited elsewhere at the same time (count and
 * the first names), the same venue, or a host who hosts or attends the other meeting.
 */
export function conflictWarnings(draft: DraftBooking, others: readonly BookedMeeting[], nameOf: (userId: string) => string): SchedulingWarning[] {
  const warnings: SchedulingWarning[] = [];
  const invitees = new Set(draft.inviteeIds);
  for (const other of others) {
    if (other.id === draft.id || !intervalsOverlap(draft, other)) continue;
    const clash = { meetingId: other.id, meetingTitle: other.title };
    const busy = [...new Set(other.inviteeIds)].filter((id) => invitees.has(id));
    if (busy.length) {
      const names = busy.map(nameOf).sort((a, b) => a.localeCompare(b, 'zh-CN'));
      warnings.push({ rule: 'member_double_booked', params: { count: busy.length, names: names.slice(0, DOUBLE_BOOKED_NAMES).join('、'), ...clash } });
    }
    if (sameVenue(draft.venue, other.venue)) warnings.push({ rule: 'venue_double_booked', params: { venue: draft.venue ?? '', ...clash } });
    if (draft.hostId && (other.hostId === draft.hostId || other.inviteeIds.includes(draft.hostId))) {
      warnings.push({ rule: 'host_double_booked', params: { name: nameOf(draft.hostId), ...clash } });
    }
  }
  return warnings;
}
