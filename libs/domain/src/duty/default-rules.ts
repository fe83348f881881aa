import type { DutyRules } from '@xieshang/contracts';

/*
 * The default scoring rules. The frame is the published city scheme the issue names (基础分 70 分,
 * 加分最高 50 分; 无故缺席全体会议扣 30 分, 请假缺席扣 10 分). Many city and district committees
 * publish schemes of this shape (e.g. 委员履职量化考评办法: base score, points per meeting attended,
 * per speech, per proposal, deductions for absences); the other figures below are our own choice in
 * that spirit, ordered by effort — a co-signature is worth less than a proposal of one's own, an oral
 * speech at a plenary more than one anywhere else. The office changes any of them on /admin/duty-rules.
 */
export const DEFAULT_DUTY_RULES: DutyRules = {
  baseScore: 70,
  points: {
    // attending is the duty the base score already assumes; a small credit for showing up
    attendance_present: 1,
    attendance_excused: 0,
    attendance_absent: -2,
    // each turn at the floor in a live session (speaking log)
    speech_given: 2,
    // an arranged speech the office accepted to be delivered orally / printed as a written speech
    speech_oral: 5,
    speech_written: 3,
    topic_proposed: 2,
    topic_cosigned: 0.5,
    // on top of the proposal itself: the topic made it into the annual plan
    topic_selected: 5,
    // each document (minutes, report, recommendation) the member helped write
    document_contribution: 2,
  },
  meetingTypePoints: {
    // the city scheme: −30 unexcused, −10 excused absence from a plenary session
    plenary: { attendance_present: 2, attendance_excused: -10, attendance_absent: -30, speech_oral: 8 },
    standing_committee: { attendance_present: 2, attendance_excused: -2, attendance_absent: -10 },
  },
  kindCaps: {
    attendance_present: 20,
    speech_given: 20,
    topic_proposed: 20,
    topic_cosigned: 5,
    document_contribution: 10,
  },
  bonusCap: 50,
  deductionCap: null,
  minScore: 0,
};
