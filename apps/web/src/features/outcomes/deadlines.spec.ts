import { daysLeft, deadlineTone, todayIn } from './deadlines';

describe('outcome deadlines', () => {
  it('reads today in the organisation time zone, not the browser’s', () => {
    // 17:30 UTC on 31 Dec is already 1 Jan in Shanghai.
    const at = new Date('2026-12-31T17:30:00Z');
    expect(todayIn('Asia/Shanghai', at)).toBe('2027-01-01');
    expect(todayIn('UTC', at)).toBe('2026-12-31');
  });

  it('counts whole calendar days, across month ends and leap days', () => {
    expect(daysLeft('2026-11-23', '2026-11-23')).toBe(0);
    expect(daysLeft('2026-12-01', '2026-11-23')).toBe(8);
    expect(daysLeft('2028-03-01', '2028-02-28')).toBe(2);
    expect(daysLeft('2026-11-20', '2026-11-23')).toBe(-3);
  });

  it('flags late deadlines unless the department has answered', () => {
    expect(deadlineTone('2026-11-20', '2026-11-23', false)).toBe('overdue');
    expect(deadlineTone('2026-11-20', '2026-11-23', true)).toBe('done');
    expect(deadlineTone('2026-11-23', '2026-11-23', false)).toBe('due_soon');
    expect(deadlineTone('2026-11-30', '2026-11-23', false)).toBe('due_soon');
    expect(deadlineTone('2026-12-01', '2026-11-23', false)).toBe('open');
    expect(deadlineTone(null, '2026-11-23', false)).toBe('open');
  });
});
