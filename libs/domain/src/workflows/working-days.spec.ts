import fc from 'fast-check';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

/**
 * Fixture modelled on the 2026 State Council holiday notice: Mid-Autumn 25–27 Sep, National Day
 * 1–7 Oct, with Sunday 20 Sep and Saturday 10 Oct as makeup working days (调休); New Year 1–3 Jan
 * with Sunday 4 Jan worked.
 */
const range = (from: number, to: number, month: string) =>
  Array.from({ length: to - from + 1 }, (_, i) => `2026-${month}-${String(from + i).padStart(2, '0')}`);
const HOLIDAYS = new Set([...range(1, 3, '01'), ...range(25, 27, '09'), ...range(1, 7, '10')]);
const MAKEUP = new Set(['2026-01-04', '2026-09-20', '2026-10-10']);
const NONE = new Set<string>();

describe('isWorkingDay', () => {
  it.each([
    ['2026-09-30', true], // Wednesday
    ['2026-10-01', false], // National Day
    ['2026-10-05', false], // holiday on a Monday
    ['2026-10-10', true], // Saturday, makeup
    ['2026-10-11', false], // plain Sunday
    ['2026-09-20', true], // Sunday, makeup
    ['2026-09-25', false], // Mid-Autumn, a Friday
  ])('%s → %p', (date, expected) => expect(isWorkingDay(date, HOLIDAYS, MAKEUP)).toBe(expected));

  it('treats weekends as days off without a calendar', () => {
    expect(isWorkingDay('2026-10-10', NONE)).toBe(false);
    expect(isWorkingDay('2026-10-01', NONE)).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-09-30', 0, '2026-09-30'],
    ['2026-09-30', 1, '2026-10-08'], // jumps the whole Golden Week
    ['2026-09-30', 2, '2026-10-09'],
    ['2026-09-30', 3, '2026-10-10'], // the makeup Saturday counts
    ['2026-09-30', 4, '2026-10-12'],
    ['2026-09-18', 1, '2026-09-20'], // Friday → makeup Sunday
    ['2026-09-24', 1, '2026-09-28'], // Mid-Autumn Friday and the weekend skipped
    ['2025-12-31', 1, '2026-01-04'], // across the year, onto a makeup Sunday
    ['2026-10-04', 1, '2026-10-08'], // starting on a holiday
    ['2026-10-08', -1, '2026-09-30'],
    ['2026-10-12', -1, '2026-10-10'],
  ])('%s + %p → %s', (date, n, expected) => {
    expect(addWorkingDays(date, n, HOLIDAYS, MAKEUP)).toBe(expected);
  });

  it('finds the latest notice date: 15 working days before a meeting on Tue 20 Oct 2026', () => {
    expect(addWorkingDays('2026-10-20', -15, HOLIDAYS, MAKEUP)).toBe('2026-09-22');
    expect(addWorkingDays('2026-10-20', -10, HOLIDAYS, MAKEUP)).toBe('2026-09-30'); // materials
    expect(addWorkingDays('2026-10-20', -15, NONE)).toBe('2026-09-29'); // three plain weeks
  });

  it('works without makeup days', () => {
    expect(addWorkingDays('2026-09-18', 1, HOLIDAYS)).toBe('2026-09-21');
    expect(addWorkingDays('2026-09-30', 3, HOLIDAYS)).toBe('2026-10-12');
  });

  it('handles leap days and month ends', () => {
    expect(addWorkingDays('2028-02-28', 1, NONE)).toBe('2028-02-29');
    expect(addWorkingDays('2026-02-27', 1, NONE)).toBe('2026-03-02');
  });

  it.each(['2026-02-30', '2026/10/01', '2026-10-1', '', '2026-10-01T00:00'])('rejects the date %p', (bad) => {
    expect(() => addWorkingDays(bad, 1, NONE)).toThrow(RangeError);
    expect(() => workingDaysBetween(bad, '2026-10-01', NONE)).toThrow(RangeError);
  });

  it('rejects fractional day counts', () => {
    expect(() => addWorkingDays('2026-10-01', 1.5, NONE)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-09-30', '2026-09-30', 0],
    ['2026-09-30', '2026-10-08', 1],
    ['2026-10-08', '2026-09-30', -1],
    ['2026-09-30', '2026-10-07', 0], // all holiday
    ['2026-10-07', '2026-09-30', 0], // and never -0
    ['2026-09-22', '2026-10-20', 15], // exactly the notice period
    ['2026-09-23', '2026-10-20', 14], // one day short: the scheduler warns
    ['2026-09-18', '2026-09-21', 2], // makeup Sunday and Monday
  ])('(%s, %s] → %p', (a, b, expected) => {
    expect(workingDaysBetween(a, b, HOLIDAYS, MAKEUP)).toBe(expected);
  });

  const day = fc
    .integer({ min: Date.UTC(2025, 0, 1) / 86_400_000, max: Date.UTC(2027, 11, 31) / 86_400_000 })
    .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

  it('inverts addWorkingDays going forward', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), (a, n) => {
        expect(workingDaysBetween(a, addWorkingDays(a, n, HOLIDAYS, MAKEUP), HOLIDAYS, MAKEUP)).toBe(n);
      }),
    );
  });

  it('inverts addWorkingDays going back from a working day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), (b, n) => {
        fc.pre(isWorkingDay(b, HOLIDAYS, MAKEUP));
        expect(workingDaysBetween(addWorkingDays(b, -n, HOLIDAYS, MAKEUP), b, HOLIDAYS, MAKEUP)).toBe(n);
      }),
    );
  });

  it('is antisymmetric', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(workingDaysBetween(a, b, HOLIDAYS, MAKEUP) + workingDaysBetween(b, a, HOLIDAYS, MAKEUP)).toBe(0);
      }),
    );
  });
});
