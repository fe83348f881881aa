import { conflictWarnings, intervalsOverlap, localDate, periodWarnings, sameVenue, type BookedMeeting, type WorkingCalendar } from './scheduling';

/** Autumn 2026 after the State Council notice: Mid-Autumn 25–27 Sep, National Day 1–7 Oct, makeup Sun 20 Sep and Sat 10 Oct. */
const days = (month: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `2026-${month}-${String(from + i).padStart(2, '0')}`);
const CAL: WorkingCalendar = {
  timeZone: 'Asia/Shanghai',
  holidays: new Set([...days('09', 25, 27), ...days('10', 1, 7)]),
  makeupWorkdays: new Set(['2026-09-20', '2026-10-10']),
};
const TYPE = { noticeWorkingDays: 15, materialsWorkingDays: 10 };
/** 10:00 in Shanghai on a day */
const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

describe('periodWarnings', () => {
  it('counts working days across the National Day holiday, with the makeup Saturday counted', () => {
    // Tue 22 Sep → Mon 12 Oct: 23, 24, 28, 29, 30 Sep, 8, 9, 10 (makeup Sat), 12 Oct = 9 working days.
    const w = periodWarnings({ ...TYPE, state: 'planned', now: at('2026-09-22'), startsAt: at('2026-10-12') }, CAL);
    expect(w).toEqual([
      { rule: 'notice_period', params: { required: 15, actual: 9 } },
      { rule: 'materials_period', params: { required: 10, actual: 9 } },
    ]);
  });

  it('gives no period warning when the notice is long enough', () => {
    expect(periodWarnings({ ...TYPE, state: 'planned', now: at('2026-09-01'), startsAt: at('2026-10-12') }, CAL)).toEqual([]);
  });

  it('flags a meeting on a holiday or a plain Sunday, not on a makeup Saturday', () => {
    const long = { ...TYPE, state: 'planned' as const, now: at('2026-06-01') };
    expect(periodWarnings({ ...long, startsAt: at('2026-10-02') }, CAL)).toEqual([{ rule: 'non_working_day', params: { date: '2026-10-02' } }]);
    expect(periodWarnings({ ...long, startsAt: at('2026-10-11') }, CAL)).toEqual([{ rule: 'non_working_day', params: { date: '2026-10-11' } }]);
    expect(periodWarnings({ ...long, startsAt: at('2026-10-10') }, CAL)).toEqual([]);
  });

  it('judges the day in the organisation time zone, not in UTC', () => {
    // 01:00 on Saturday 10 Oct in Shanghai is still Friday 9 Oct in UTC.
    expect(localDate('2026-10-09T17:00:00Z', 'Asia/Shanghai')).toBe('2026-10-10');
    const long = { ...TYPE, state: 'planned' as const, now: at('2026-06-01') };
    expect(periodWarnings({ ...long, startsAt: '2026-10-10T17:00:00Z' }, CAL)).toEqual([{ rule: 'non_working_day', params: { date: '2026-10-11' } }]);
  });

  it('drops the notice warning once notified and the materials warning once materials are sent', () => {
    const short = { ...TYPE, now: at('2026-09-22'), startsAt: at('2026-10-12') };
    expect(periodWarnings({ ...short, state: 'notified' }, CAL).map((w) => w.rule)).toEqual(['materials_period']);
    expect(periodWarnings({ ...short, state: 'materials_sent' }, CAL)).toEqual([]);
    expect(periodWarnings({ ...short, state: 'cancelled' }, CAL)).toEqual([]);
    expect(periodWarnings({ ...short, state: 'live' }, CAL)).toEqual([]);
  });

  it('reports zero, not a negative count, for a meeting in the past', () => {
    const w = periodWarnings({ ...TYPE, state: 'planned', now: at('2026-10-12'), startsAt: at('2026-09-30') }, CAL);
    expect(w[0]).toEqual({ rule: 'notice_period', params: { required: 15, actual: 0 } });
  });
});

describe('intervalsOverlap', () => {
  const m = (from: string, to: string) => ({ startsAt: at('2026-10-12', from), endsAt: at('2026-10-12', to) });
  it.each([
    [m('09:00', '10:00'), m('10:00', '11:00'), false], // touching: back to back is fine
    [m('10:00', '11:00'), m('09:00', '10:00'), false],
    [m('09:00', '10:01'), m('10:00', '11:00'), true],
    [m('09:00', '12:00'), m('10:00', '11:00'), true], // containing
    [m('10:00', '11:00'), m('10:00', '11:00'), true], // identical
    [m('08:00', '09:00'), m('10:00', '11:00'), false],
  ])('%o / %o → %p', (a, b, expected) => {
    expect(intervalsOverlap(a, b)).toBe(expected);
    expect(intervalsOverlap(b, a)).toBe(expected);
  });
});

describe('conflictWarnings', () => {
  const names: Record<string, string> = { u1: '王建国', u2: '李秀英', u3: '张志强', u4: '刘丽华', u5: '陈文博', u6: '杨海燕', host: '林正阳' };
  const nameOf = (id: string) => names[id] ?? id;
  const other = (over: Partial<BookedMeeting> = {}): BookedMeeting => ({
    id: 'm2', title: '双月协商座谈会', startsAt: at('2026-10-12', '09:00'), endsAt: at('2026-10-12', '11:00'),
    venue: '政协二楼会议室', hostId: null, inviteeIds: [], ...over,
  });
  const draft = { id: 'm1', startsAt: at('2026-10-12', '10:00'), endsAt: at('2026-10-12', '12:00'), venue: null, hostId: null, inviteeIds: ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'] };

  it('counts double-booked invitees and names the first five', () => {
    const w = conflictWarnings(draft, [other({ inviteeIds: ['u6', 'u5', 'u4', 'u3', 'u2', 'u1', 'x'] })], nameOf);
    expect(w).toHaveLength(1);
    expect(w[0].rule).toBe('member_double_booked');
    expect(w[0].params).toMatchObject({ count: 6, meetingId: 'm2', meetingTitle: '双月协商座谈会' });
    expect(String(w[0].params.names).split('、')).toHaveLength(5);
  });

  it('flags the same venue however it is spaced, and a busy host', () => {
    const w = conflictWarnings({ ...draft, inviteeIds: [], venue: '政协二楼 会议室', hostId: 'host' }, [other({ inviteeIds: ['host'] })], nameOf);
    expect(w).toEqual([
      { rule: 'venue_double_booked', params: { venue: '政协二楼 会议室', meetingId: 'm2', meetingTitle: '双月协商座谈会' } },
      { rule: 'host_double_booked', params: { name: '林正阳', meetingId: 'm2', meetingTitle: '双月协商座谈会' } },
    ]);
    expect(sameVenue(null, null)).toBe(false);
    expect(sameVenue('', '  ')).toBe(false);
  });

  it('ignores touching meetings and the meeting itself', () => {
    const touching = other({ startsAt: at('2026-10-12', '12:00'), endsAt: at('2026-10-12', '13:00'), inviteeIds: ['u1'] });
    expect(conflictWarnings(draft, [touching, other({ id: 'm1', inviteeIds: ['u1'] })], nameOf)).toEqual([]);
  });
});
