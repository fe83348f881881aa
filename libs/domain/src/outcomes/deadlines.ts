import type { Adoption, AssignmentState, FeedbackCadence } from '@xieshang/contracts';

/*
 * Feedback deadlines (DESIGN.md flow 8). Dates are `YYYY-MM-DD` calendar days in the organisation's
 * time zone; "today" is computed once (meetings/scheduling localDate) and compared as a string.
 *
 * The cadence says how often a department reports on an assignment:
 * - immediate: once, by the deadline the office set;
 * - quarterly: while the matter is still under study, again by the end of the next calendar quarter
 *   (季度末报送);
 * - annual: while still under study, again one year after the previous deadline.
 * A report that settles the matter (adopted, partly adopted, not adopted) ends the reporting.
 */

function parts(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d)).toISOString().slice(0, 10);
  if (check !== date) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [y, mo, d];
}

function format(y: number, month: number, day: number): string {
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDayOfMonth(y: number, month: number): number {
  return new Date(Date.UTC(y, month, 0)).getUTCDate();
}

/** The end of the calendar quarter after the one containing `date`. */
export function endOfNextQuarter(date: string): string {
  const [y, m] = parts(date);
  const quarterEndMonth = Math.ceil(m / 3) * 3 + 3;
  const year = y + Math.floor((quarterEndMonth - 1) / 12);
  const month = ((quarterEndMonth - 1) % 12) + 1;
  return format(year, month, lastDayOfMonth(year, month));
}

/** Same day one year later; 29 February becomes 28 February. */
export function oneYearLater(date: string): string {
  const [y, m, d] = parts(date);
  return format(y + 1, m, Math.min(d, lastDayOfMonth(y + 1, m)));
}

/** The deadline after `deadline` under `cadence`; null when the cadence asks for one report only. */
export function nextCadenceDeadline(deadline: string, cadence: FeedbackCadence): string | null {
  if (cadence === 'quarterly') return endOfNextQuarter(deadline);
  if (cadence === 'annual') return oneYearLater(deadline);
  parts(deadline);
  return null;
}

/** The first `count` deadlines of an assignment that stays under study: what the office promises up front. */
export function cadenceSchedule(first: string, cadence: FeedbackCadence, count: number): string[] {
  const out = [first];
  for (let next = nextCadenceDeadline(first, cadence); next && out.length < count; next = nextCadenceDeadline(next, cadence)) out.push(next);
  return out.slice(0, Math.max(count, 1));
}

/** Only a report that leaves the matter open (研究中) calls for another under a recurring cadence. */
export function reportingContinues(cadence: FeedbackCadence, adoption: Adoption): boolean {
  return cadence !== 'immediate' && adoption === 'under_study';
}

/**
 * What happens to an assignment when the office accepts its feedback: done (`accepted`, nothing more
 * due), or back to `assigned` with the next cadence deadline.
 */
export function afterAcceptance(a: { cadence: FeedbackCadence; deadline: string }, adoption: Adoption): { state: AssignmentState; deadline: string | null } {
  if (!reportingContinues(a.cadence, adoption)) return { state: 'accepted', deadline: null };
  return { state: 'assigned', deadline: nextCadenceDeadline(a.deadline, a.cadence) };
}

/**
 * Past its deadline without accepted feedback. Feedback waiting for the office's evaluation still
 * counts: until it is accepted the matter is not done, and the dashboard shows it.
 */
export function isAssignmentOverdue(a: { state: AssignmentState; deadline: string | null }, today: string): boolean {
  return a.state !== 'accepted' && a.deadline !== null && today > a.deadline;
}

/** Overdue and the liaison has something to do (no feedback waiting for the office): they get reminded. */
export function needsOverdueReminder(a: { state: AssignmentState; deadline: string | null }, today: string): boolean {
  return a.state === 'assigned' && isAssignmentOverdue(a, today);
}
