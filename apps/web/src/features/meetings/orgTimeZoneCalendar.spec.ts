import { addMonths, dayKey, daysSpanned, monthGrid, utcToWall, wallToUtc, weekDays } from './time';
import { layoutDay } from './weekLayout';
import type { MeetingSummary } from '@xieshang/contracts';

describe('meeting times in the organisation time zone', () => {
  it('puts a UTC evening start on the next day in Shanghai', () => {
    expect(dayKey('2026-11-23T17:00:00Z', 'Asia/Shanghai')).toBe('2026-11-24');
    expect(dayKey('2026-11-23T17:00:00Z', 'Europe/London')).toBe('2026-11-23');
  });

  it('reads a wall-clock time in the zone and back', () => {
    expect(wallToUtc('2026-11-24 09:00:00', 'Asia/Shanghai')).toBe('2026-11-24T01:00:00.000Z');
    expect(utcToWall('2026-11-24T01:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-24 09:00:00');
    // across a DST change: New York is UTC-4 in July, UTC-5 in December
    expect(wallToUtc('2026-07-01 09:00', 'America/New_York')).toBe('2026-07-01T13:00:00.000Z');
    expect(wallToUtc('2026-12-01 09:00', 'America/New_York')).toBe('2026-12-01T14:00:00.000Z');
  });

  it('builds Monday-first month grids and weeks', () => {
    const grid = monthGrid('2026-11-23');
    expect(grid[0][0]).toBe('2026-10-26');
    expect(grid[grid.length - 1][6]).toBe('2026-12-06');
    expect(grid.every((w) => w.length === 7)).toBe(true);
    expect(weekDays('2026-11-29')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('lists every day a meeting touches, ending exactly at midnight excluded', () => {
    expect(daysSpanned('2026-11-23T14:00:00Z', '2026-11-24T16:00:00Z', 'Asia/Shanghai')).toEqual(['2026-11-23', '2026-11-24']);
    expect(daysSpanned('2026-11-23T14:00:00Z', '2026-11-23T16:00:00Z', 'Asia/Shanghai')).toEqual(['2026-11-23']);
  });

  it('lays overlapping meetings side by side on the week grid', () => {
    const m = (id: string, startsAt: string, endsAt: string) => ({ id, startsAt, endsAt }) as MeetingSummary;
    const placed = layoutDay(
      '2026-11-24',
      [m('a', '2026-11-24T01:00:00Z', '2026-11-24T03:00:00Z'), m('b', '2026-11-24T02:00:00Z', '2026-11-24T04:00:00Z'), m('c', '2026-11-24T06:00:00Z', '2026-11-24T07:00:00Z')],
      'Asia/Shanghai',
    );
    const byId = Object.fromEntries(placed.map((p) => [p.meeting.id, p]));
    expect(byId.a).toMatchObject({ startMin: 540, endMin: 660, lane: 0, lanes: 2 });
    expect(byId.b).toMatchObject({ lane: 1, lanes: 2 });
    expect(byId.c).toMatchObject({ startMin: 840, lane: 0, lanes: 1 });
  });
});
