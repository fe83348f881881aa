import { DEFAULT_DUTY_RULES } from '@xieshang/domain';
import type { DutyLine } from '@xieshang/contracts';
import { formatPoints, formatScore, rulesProblems, sourceHref } from './dutyView';

const line = (source: DutyLine['source']) => ({ source });

describe('duty record view logic', () => {
  it('links each line to its source page; manual entries have none', () => {
    expect(sourceHref(line({ type: 'meeting', id: 'm1', meetingId: 'm1', title: '全体会议' }))).toBe('/meetings/m1');
    expect(sourceHref(line({ type: 'speech', id: 's1', meetingId: 'm2', title: '发言' }))).toBe('/meetings/m2');
    expect(sourceHref(line({ type: 'speaking_log', id: 'l1', meetingId: 'm3', title: '座谈会' }))).toBe('/meetings/m3');
    expect(sourceHref(line({ type: 'topic', id: 't1', meetingId: null, title: '议题' }))).toBe('/topics/t1');
    expect(sourceHref(line({ type: 'document', id: 'd1', meetingId: null, title: '报告' }))).toBe('/documents/d1');
    expect(sourceHref(line({ type: 'manual', id: 'e1', meetingId: null, title: '事由' }))).toBeNull();
  });

  it('prints points with their sign (a real minus) and scores without a trailing .0', () => {
    expect([formatPoints(2), formatPoints(-30), formatPoints(0), formatPoints(0.5), formatPoints(-2.5)]).toEqual(['+2', '−30', '0', '+0.5', '−2.5']);
    expect([formatScore(70), formatScore(63.5)]).toEqual(['70', '63.5']);
  });

  it('checks a rules draft with the api’s schema and names the field and the problem', () => {
    expect(rulesProblems(DEFAULT_DUTY_RULES).size).toBe(0);
    const bad = {
      ...DEFAULT_DUTY_RULES,
      points: { ...DEFAULT_DUTY_RULES.points, speech_given: 0.3 },
      bonusCap: -5,
      meetingTypePoints: { plenary: { attendance_absent: -300 } },
    };
    expect(Object.fromEntries(rulesProblems(bad))).toEqual({
      'points.speech_given': 'halfPoints',
      bonusCap: 'tooSmall',
      'meetingTypePoints.plenary.attendance_absent': 'tooSmall',
    });
    expect(Object.fromEntries(rulesProblems({ ...DEFAULT_DUTY_RULES, minScore: 90 }))).toEqual({ minScore: 'minAboveBase' });
  });
});
