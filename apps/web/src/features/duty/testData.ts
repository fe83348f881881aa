import type { DutyRecord, DutyRulesView } from '@xieshang/contracts';
import { DEFAULT_DUTY_RULES } from '@xieshang/domain';

/** Fixtures for this feature's specs, shaped by the contracts' types. */
export const MEMBER_ID = '33333333-3333-4333-8333-333333333333';

export function dutyRecord(patch: Partial<DutyRecord> = {}): DutyRecord {
  return {
    userId: MEMBER_ID,
    name: '李委员',
    sectorName: '经济界',
    committeeName: '经济委员会',
    year: 2026,
    rulesVersion: 0,
    score: { base: 70, bonus: 12.5, deductions: 30, total: 52.5, capped: true },
    kinds: [
      { kind: 'attendance_absent', count: 1, awarded: -30 },
      { kind: 'speech_oral', count: 1, awarded: 8 },
      { kind: 'topic_cosigned', count: 12, awarded: 1.5 },
      { kind: 'manual', count: 1, awarded: 3 },
    ],
    lines: [
      { kind: 'attendance_absent', occurredAt: '2026-03-05T01:00:00.000Z', meetingTypeCode: 'plenary', source: { type: 'meeting', id: 'm-plenary', meetingId: 'm-plenary', title: '市政协十四届五次全体会议' }, note: null, points: -30, awarded: -30, cappedBy: null },
      { kind: 'speech_oral', occurredAt: '2026-03-06T01:00:00.000Z', meetingTypeCode: 'plenary', source: { type: 'speech', id: 's1', meetingId: 'm-plenary', title: '关于优化营商环境的发言' }, note: null, points: 8, awarded: 8, cappedBy: null },
      { kind: 'topic_cosigned', occurredAt: '2026-04-02T01:00:00.000Z', meetingTypeCode: null, source: { type: 'topic', id: 't1', meetingId: null, title: '加快老旧小区加装电梯' }, note: null, points: 0.5, awarded: 0, cappedBy: 'kind' },
      { kind: 'manual', occurredAt: '2026-05-01T00:00:00.000Z', meetingTypeCode: null, source: { type: 'manual', id: 'e1', meetingId: null, title: '调研报告获批示' }, note: '调研报告获批示', points: 3, awarded: 3, cappedBy: null },
    ],
    meetingTypes: { plenary: { nameZh: '全体会议', nameEn: 'Plenary session' } },
    ...patch,
  };
}

export function rulesView(patch: Partial<DutyRulesView> = {}): DutyRulesView {
  return {
    version: 0,
    rules: JSON.parse(JSON.stringify(DEFAULT_DUTY_RULES)),
    updatedAt: null,
    updatedByName: null,
    meetingTypes: [
      { code: 'plenary', nameZh: '全体会议', nameEn: 'Plenary session' },
      { code: 'consultation_forum', nameZh: '协商座谈会', nameEn: 'Consultation forum' },
    ],
    ...patch,
  };
}
