import fc from 'fast-check';
import { DUTY_EVENT_KINDS, DUTY_RULED_KINDS, DutyRules, type DutyEventKind } from '@xieshang/contracts';
import { DEFAULT_DUTY_RULES } from './default-rules';
import { compareDutyEvents, dutyPoints, rankByDutyScore, scoreDutyRecord, type DutyEvent } from './scoring';

let seq = 0;
function ev(kind: DutyEventKind, opts: { at?: string; type?: string | null; points?: number; id?: string } = {}): DutyEvent {
  seq += 1;
  const id = opts.id ?? `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
  return {
    kind,
    occurredAt: opts.at ?? `2026-03-${String((seq % 28) + 1).padStart(2, '0')}T02:00:00.000Z`,
    meetingTypeCode: opts.type ?? null,
    source: { type: kind === 'manual' ? 'manual' : 'meeting', id, meetingId: null, title: `event ${seq}` },
    ...(opts.points !== undefined ? { points: opts.points } : {}),
  };
}

/** Rules without caps, so one rule is tested at a time. */
const uncapped: DutyRules = { ...DEFAULT_DUTY_RULES, kindCaps: {}, bonusCap: null, deductionCap: null };
const times = (n: number, f: (i: number) => DutyEvent) => Array.from({ length: n }, (_, i) => f(i));
const day = (i: number) => `2026-01-01T00:00:00.000Z`.replace('01T00', `${String(1 + (i % 28)).padStart(2, '0')}T${String(Math.floor(i / 28) % 24).padStart(2, '0')}`);

describe('duty scoring: default rules', () => {
  it('are valid rules by the contract the rule editor and the api use', () => {
    expect(DutyRules.safeParse(DEFAULT_DUTY_RULES).success).toBe(true);
  });

  it('follow the city scheme: 70 base, at most 50 bonus, −30 unexcused and −10 excused plenary absence', () => {
    expect(DEFAULT_DUTY_RULES.baseScore).toBe(70);
    expect(DEFAULT_DUTY_RULES.bonusCap).toBe(50);
    expect(scoreDutyRecord(DEFAULT_DUTY_RULES, [ev('attendance_absent', { type: 'plenary' })]).score.total).toBe(40);
    expect(scoreDutyRecord(DEFAULT_DUTY_RULES, [ev('attendance_excused', { type: 'plenary' })]).score.total).toBe(60);
    expect(scoreDutyRecord(DEFAULT_DUTY_RULES, times(200, (i) => ev('topic_selected', { at: day(i) }))).score.total).toBe(120);
  });

  it('give a year with nothing recorded the base score and no lines', () => {
    expect(scoreDutyRecord(DEFAULT_DUTY_RULES, [])).toEqual({ score: { base: 70, bonus: 0, deductions: 0, total: 70, capped: false }, kinds: [], lines: [] });
  });
});

describe('duty scoring: points per event kind and meeting type', () => {
  it.each(DUTY_RULED_KINDS)('%s earns the points the rules set for it', (kind) => {
    const rules: DutyRules = { ...uncapped, meetingTypePoints: {}, points: { ...uncapped.points, [kind]: 7.5 } };
    const r = scoreDutyRecord(rules, [ev(kind), ev(kind)]);
    expect(r.lines.map((l) => [l.kind, l.points, l.awarded, l.cappedBy])).toEqual([[kind, 7.5, 7.5, null], [kind, 7.5, 7.5, null]]);
    expect(r.kinds).toEqual([{ kind, count: 2, awarded: 15 }]);
    expect(r.score).toMatchObject({ bonus: 15, deductions: 0, total: 85 });
  });

  it('lets a meeting type override the points of its attendance and speeches; other types keep the kind points', () => {
    const events = [
      ev('attendance_absent', { type: 'plenary' }),
      ev('attendance_absent', { type: 'consultation_forum' }),
      ev('attendance_excused', { type: 'plenary' }),
      ev('attendance_excused', { type: 'special_consultation' }),
      ev('attendance_present', { type: 'standing_committee' }),
      ev('attendance_present', { type: 'consultation_forum' }),
      ev('speech_oral', { type: 'plenary' }),
      ev('speech_oral', { type: 'sector_consultation' }),
    ];
    expect(events.map((e) => dutyPoints(uncapped, e))).toEqual([-30, -2, -10, 0, 2, 1, 8, 5]);
  });

  it('an override for one kind leaves the type’s other kinds at the kind points', () => {
    const rules: DutyRules = { ...uncapped, meetingTypePoints: { plenary: { attendance_absent: -40 } } };
    expect(dutyPoints(rules, { kind: 'attendance_absent', meetingTypeCode: 'plenary' })).toBe(-40);
    expect(dutyPoints(rules, { kind: 'attendance_excused', meetingTypeCode: 'plenary' })).toBe(0);
  });

  it('takes a manual entry at the points the office gave it, bonus or deduction, with its reason', () => {
    const plus = { ...ev('manual', { points: 6, at: day(0) }), note: '调研报告获市领导批示' };
    const minus = { ...ev('manual', { points: -4, at: day(1) }), note: '未按时提交履职登记表' };
    const r = scoreDutyRecord(uncapped, [plus, minus]);
    expect(r.lines.map((l) => [l.points, l.awarded, l.note])).toEqual([[6, 6, '调研报告获市领导批示'], [-4, -4, '未按时提交履职登记表']]);
    expect(r.score).toMatchObject({ bonus: 6, deductions: 4, total: 72 });
  });

  it('a kind worth 0 points shows its lines and changes nothing', () => {
    const r = scoreDutyRecord(uncapped, [ev('attendance_excused', { type: 'consultation_forum' })]);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({ points: 0, awarded: 0, cappedBy: null });
    expect(r.score.total).toBe(70);
  });
});

describe('duty scoring: caps', () => {
  it('a kind cap cuts the line that crosses it and zeroes the later ones, earliest first', () => {
    const rules: DutyRules = { ...uncapped, kindCaps: { speech_given: 5 } };
    const r = scoreDutyRecord(rules, times(4, (i) => ev('speech_given', { at: day(3 - i) })));
    // Events arrive newest first; the cap still goes to the earliest.
    expect(r.lines.map((l) => [l.occurredAt, l.awarded, l.cappedBy])).toEqual([
      [day(0), 2, null], [day(1), 2, null], [day(2), 1, 'kind'], [day(3), 0, 'kind'],
    ]);
    expect(r.kinds).toEqual([{ kind: 'speech_given', count: 4, awarded: 5 }]);
    expect(r.score).toMatchObject({ bonus: 5, total: 75, capped: true });
  });

  it('a kind cap does not touch other kinds', () => {
    const rules: DutyRules = { ...uncapped, kindCaps: { topic_cosigned: 1 } };
    const r = scoreDutyRecord(rules, [...times(4, (i) => ev('topic_cosigned', { at: day(i) })), ev('topic_proposed', { at: day(9) })]);
    expect(r.kinds).toEqual([{ kind: 'topic_proposed', count: 1, awarded: 2 }, { kind: 'topic_cosigned', count: 4, awarded: 1 }]);
  });

  it('the total bonus cap applies across kinds and is named on the lines it cuts', () => {
    const rules: DutyRules = { ...uncapped, bonusCap: 12 };
    const r = scoreDutyRecord(rules, [ev('topic_selected', { at: day(0) }), ev('speech_oral', { at: day(1) }), ev('topic_proposed', { at: day(2) }), ev('document_contribution', { at: day(3) })]);
    expect(r.lines.map((l) => [l.kind, l.awarded, l.cappedBy])).toEqual([
      ['topic_selected', 5, null], ['speech_oral', 5, null], ['topic_proposed', 2, null], ['document_contribution', 0, 'bonus'],
    ]);
    expect(r.score).toMatchObject({ bonus: 12, total: 82, capped: true });
  });

  it('when both caps bind, the line names the tighter one', () => {
    const rules: DutyRules = { ...uncapped, kindCaps: { speech_oral: 6 }, bonusCap: 8 };
    const r = scoreDutyRecord(rules, [ev('speech_oral', { at: day(0) }), ev('speech_oral', { at: day(1) }), ev('topic_proposed', { at: day(2) })]);
    expect(r.lines.map((l) => [l.awarded, l.cappedBy])).toEqual([[5, null], [1, 'kind'], [2, null]]);
    const tight: DutyRules = { ...rules, bonusCap: 5.5 };
    expect(scoreDutyRecord(tight, [ev('speech_oral', { at: day(0) }), ev('speech_oral', { at: day(1) })]).lines.map((l) => [l.awarded, l.cappedBy])).toEqual([[5, null], [0.5, 'bonus']]);
  });

  it('bonus caps never shrink deductions; a manual bonus counts against the total cap', () => {
    const rules: DutyRules = { ...uncapped, bonusCap: 3 };
    const r = scoreDutyRecord(rules, [ev('manual', { points: 10, at: day(0) }), ev('attendance_absent', { type: 'plenary', at: day(1) })]);
    expect(r.lines.map((l) => [l.awarded, l.cappedBy])).toEqual([[3, 'bonus'], [-30, null]]);
    expect(r.score).toMatchObject({ bonus: 3, deductions: 30, total: 43 });
  });
});

describe('duty scoring: deductions', () => {
  it('add up without a deduction cap', () => {
    const r = scoreDutyRecord(uncapped, [ev('attendance_absent', { type: 'plenary' }), ev('attendance_excused', { type: 'plenary' }), ev('attendance_absent', { type: 'special_consultation' })]);
    expect(r.score).toMatchObject({ bonus: 0, deductions: 42, total: 28 });
  });

  it('stop at the deduction cap, and the line that reaches it says so', () => {
    const rules: DutyRules = { ...uncapped, deductionCap: 35 };
    const r = scoreDutyRecord(rules, [ev('attendance_absent', { type: 'plenary', at: day(0) }), ev('attendance_excused', { type: 'plenary', at: day(1) }), ev('attendance_absent', { type: 'x_type', at: day(2) })]);
    expect(r.lines.map((l) => [l.points, l.awarded, l.cappedBy])).toEqual([[-30, -30, null], [-10, -5, 'deduction'], [-2, 0, 'deduction']]);
    expect(r.score).toMatchObject({ deductions: 35, total: 35, capped: false });
  });

  it('never take the score below the floor', () => {
    const r = scoreDutyRecord(uncapped, times(4, (i) => ev('attendance_absent', { type: 'plenary', at: day(i) })));
    expect(r.score).toMatchObject({ deductions: 120, total: 0 });
    expect(scoreDutyRecord({ ...uncapped, minScore: 20 }, times(4, (i) => ev('attendance_absent', { type: 'plenary', at: day(i) }))).score.total).toBe(20);
  });
});

describe('duty scoring: recompute', () => {
  const year = [
    ev('attendance_present', { type: 'plenary', at: day(0) }),
    ev('attendance_absent', { type: 'standing_committee', at: day(1) }),
    ev('speech_given', { type: 'plenary', at: day(1) }),
    ev('speech_oral', { type: 'plenary', at: day(1) }),
    ...times(12, (i) => ev('topic_cosigned', { at: day(2 + i) })),
    ev('topic_proposed', { at: day(3) }),
    ev('topic_selected', { at: day(30) }),
    ev('document_contribution', { at: day(31) }),
    ev('manual', { points: 3, at: day(32) }),
  ];

  it('gives the same result for the same rows in any order', () => {
    const first = scoreDutyRecord(DEFAULT_DUTY_RULES, year);
    expect(scoreDutyRecord(DEFAULT_DUTY_RULES, [...year].reverse())).toEqual(first);
    expect(scoreDutyRecord(DEFAULT_DUTY_RULES, [...year.slice(7), ...year.slice(0, 7)])).toEqual(first);
  });

  it('after a rule change gives the new rules’ score, and the old score again when the rules go back', () => {
    const before = scoreDutyRecord(DEFAULT_DUTY_RULES, year);
    const changed: DutyRules = { ...DEFAULT_DUTY_RULES, points: { ...DEFAULT_DUTY_RULES.points, topic_cosigned: 1 }, kindCaps: {} };
    const after = scoreDutyRecord(changed, year);
    expect(after.score.bonus - before.score.bonus).toBe(12 * 1 - 5);
    expect(scoreDutyRecord(structuredClone(DEFAULT_DUTY_RULES), year)).toEqual(before);
  });

  it('sorts events by time, then kind, then source, whatever the input order (ties included)', () => {
    const a = ev('speech_given', { at: day(5), id: 'b' });
    const b = ev('speech_given', { at: day(5), id: 'a' });
    const c = ev('attendance_present', { at: day(5), id: 'z' });
    expect([a, b, c].sort(compareDutyEvents).map((e) => e.source.id)).toEqual(['z', 'a', 'b']);
  });

  const kindArb = fc.constantFrom(...DUTY_EVENT_KINDS);
  const eventArb = fc.record({
    kind: kindArb,
    minute: fc.integer({ min: 0, max: 500 }),
    type: fc.constantFrom(null, 'plenary', 'standing_committee', 'consultation_forum'),
    points: fc.integer({ min: -20, max: 20 }).map((n) => n / 2),
    id: fc.uuid(),
  }).map((r): DutyEvent => ({
    kind: r.kind,
    occurredAt: new Date(Date.UTC(2026, 0, 1) + r.minute * 60_000).toISOString(),
    meetingTypeCode: r.type,
    source: { type: r.kind === 'manual' ? 'manual' : 'meeting', id: r.id, meetingId: null, title: 't' },
    ...(r.kind === 'manual' ? { points: r.points } : {}),
  }));

  it('property: order never matters; caps hold; lines sum to bonus − deductions', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), fc.integer({ min: 0, max: 1000 }), (events, seed) => {
        const shuffled = [...events].sort((x, y) => ((x.source.id.charCodeAt(seed % 30) ?? 0) - (y.source.id.charCodeAt(seed % 30) ?? 0)));
        const r = scoreDutyRecord(DEFAULT_DUTY_RULES, events);
        expect(scoreDutyRecord(DEFAULT_DUTY_RULES, shuffled)).toEqual(r);
        expect(r.score.bonus).toBeLessThanOrEqual(50);
        for (const [kind, cap] of Object.entries(DEFAULT_DUTY_RULES.kindCaps)) {
          expect(r.lines.filter((l) => l.kind === kind && l.awarded > 0).reduce((s, l) => s + l.awarded, 0)).toBeLessThanOrEqual(cap!);
        }
        expect(r.lines.reduce((s, l) => s + l.awarded, 0)).toBeCloseTo(r.score.bonus - r.score.deductions, 9);
        expect(r.score.total).toBe(Math.max(0, 70 + r.score.bonus - r.score.deductions));
      }),
    );
  });
});

describe('ranking by duty score', () => {
  it('ranks highest first, shares ranks on equal totals and keeps the tie-break order', () => {
    const rows = [
      { name: '乙', score: { total: 80 } },
      { name: '甲', score: { total: 95 } },
      { name: '丁', score: { total: 80 } },
      { name: '丙', score: { total: 70 } },
    ];
    const ranked = rankByDutyScore(rows, (a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    expect(ranked.map((r) => [r.rank, r.name])).toEqual([[1, '甲'], [2, '丁'], [2, '乙'], [4, '丙']]);
  });
});
