import {
  afterAcceptance,
  cadenceSchedule,
  endOfNextQuarter,
  isAssignmentOverdue,
  needsOverdueReminder,
  nextCadenceDeadline,
  oneYearLater,
  reportingContinues,
} from './deadlines';
import { localDate } from '../meetings/scheduling';

describe('feedback deadlines by cadence', () => {
  it.each([
    ['2026-01-15', '2026-06-30'],
    ['2026-03-31', '2026-06-30'],
    ['2026-04-01', '2026-09-30'],
    ['2026-06-30', '2026-09-30'],
    ['2026-09-30', '2026-12-31'],
    ['2026-11-02', '2027-03-31'],
    ['2026-12-31', '2027-03-31'],
  ])('quarterly after %s → end of the next quarter %s', (from, to) => {
    expect(endOfNextQuarter(from)).toBe(to);
    expect(nextCadenceDeadline(from, 'quarterly')).toBe(to);
  });

  it.each([
    ['2026-06-30', '2027-06-30'],
    ['2028-02-29', '2029-02-28'],
    ['2026-12-31', '2027-12-31'],
  ])('annual after %s → %s', (from, to) => {
    expect(oneYearLater(from)).toBe(to);
    expect(nextCadenceDeadline(from, 'annual')).toBe(to);
  });

  it('immediate asks for one report only', () => {
    expect(nextCadenceDeadline('2026-06-30', 'immediate')).toBeNull();
    expect(cadenceSchedule('2026-06-30', 'immediate', 4)).toEqual(['2026-06-30']);
  });

  it('refuses dates that are not calendar dates', () => {
    expect(() => nextCadenceDeadline('2026-02-30', 'quarterly')).toThrow(RangeError);
    expect(() => nextCadenceDeadline('30/06/2026', 'immediate')).toThrow(RangeError);
  });

  it('lists the schedule the office promises up front', () => {
    expect(cadenceSchedule('2026-05-20', 'quarterly', 4)).toEqual(['2026-05-20', '2026-09-30', '2026-12-31', '2027-03-31']);
    expect(cadenceSchedule('2026-06-30', 'annual', 3)).toEqual(['2026-06-30', '2027-06-30', '2028-06-30']);
  });
});

describe('after the office accepts feedback', () => {
  it.each([
    ['immediate', 'under_study', false],
    ['quarterly', 'under_study', true],
    ['annual', 'under_study', true],
    ['quarterly', 'adopted', false],
    ['quarterly', 'partly', false],
    ['annual', 'not_adopted', false],
  ] as const)('%s + %s → reporting continues %p', (cadence, adoption, continues) => {
    expect(reportingContinues(cadence, adoption)).toBe(continues);
  });

  it('a settled report ends the assignment', () => {
    expect(afterAcceptance({ cadence: 'quarterly', deadline: '2026-06-30' }, 'adopted')).toEqual({ state: 'accepted', deadline: null });
  });

  it('a report still under study rearms it with the next cadence deadline', () => {
    expect(afterAcceptance({ cadence: 'quarterly', deadline: '2026-06-30' }, 'under_study')).toEqual({ state: 'assigned', deadline: '2026-09-30' });
    expect(afterAcceptance({ cadence: 'annual', deadline: '2026-06-30' }, 'under_study')).toEqual({ state: 'assigned', deadline: '2027-06-30' });
  });
});

describe('overdue', () => {
  it.each([
    [{ state: 'assigned', deadline: '2026-06-30' }, '2026-06-30', false, false],
    [{ state: 'assigned', deadline: '2026-06-30' }, '2026-07-01', true, true],
    // feedback waits for the office: still flagged (not accepted) but the liaison is not nagged
    [{ state: 'feedback_received', deadline: '2026-06-30' }, '2026-07-01', true, false],
    [{ state: 'accepted', deadline: null }, '2027-01-01', false, false],
    [{ state: 'accepted', deadline: '2026-06-30' }, '2027-01-01', false, false],
  ] as const)('%o on %s → overdue %p, reminder %p', (a, today, overdue, remind) => {
    expect(isAssignmentOverdue(a, today)).toBe(overdue);
    expect(needsOverdueReminder(a, today)).toBe(remind);
  });

  it('today is the organisation’s calendar day, not UTC’s', () => {
    const lateEvening = new Date('2026-06-30T17:30:00Z');
    expect(localDate(lateEvening, 'Asia/Shanghai')).toBe('2026-07-01');
    expect(localDate(lateEvening, 'UTC')).toBe('2026-06-30');
  });
});
